#include "store/file/FileStoreEdit.h"

#include "core/LogCategories.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRandomGenerator>

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace prov {
namespace {

Error ioError(const QString& what, const QString& path, int err)
{
    qCWarning(lcRegistry) << what << path << std::strerror(err);
    const QString why = err == EACCES || err == EPERM || err == EROFS ? QStringLiteral("permission denied")
        : err == ENOSPC || err == EDQUOT                              ? QStringLiteral("the disk is full")
                                                                      : QString::fromLocal8Bit(std::strerror(err));
    return makeError(ErrorCode::Io, QStringLiteral("%1 failed: %2").arg(what, why), path);
}

Result<std::optional<QByteArray>> readFile(const QString& path)
{
    QFile file(path);
    if (!file.exists())
        return std::optional<QByteArray>();
    if (!file.open(QIODevice::ReadOnly))
        return makeError(ErrorCode::Io, QStringLiteral("cannot read the file: %1").arg(file.errorString()), path);
    return std::optional<QByteArray>(file.readAll());
}

int modeOf(const QString& path)
{
    struct stat st
    {
    };
    return ::stat(QFile::encodeName(path).constData(), &st) == 0 ? int(st.st_mode & 07777) : 0;
}

void syncFolder(const QString& folder)
{
    const int fd = ::open(QFile::encodeName(folder).constData(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd >= 0) {
        ::fsync(fd);
        ::close(fd);
    }
}

// Writes `content` to a new file in `scratch` and renames it over `path`.
Status replaceFile(const QString& path, const QByteArray& content, const QString& scratch, int mode)
{
    const QString temp = QDir(scratch).filePath(
        QStringLiteral(".provenance-write-%1").arg(QRandomGenerator::global()->generate64(), 16, 16, QLatin1Char('0')));
    const QByteArray tempName = QFile::encodeName(temp);
    const int fd = ::open(tempName.constData(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode ? mode : 0666);
    if (fd < 0)
        return ioError(QStringLiteral("writing"), path, errno);
    qsizetype written = 0;
    while (written < content.size()) {
        const ssize_t n = ::write(fd, content.constData() + written, size_t(content.size() - written));
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0) {
            const int err = errno;
            ::close(fd);
            ::unlink(tempName.constData());
            return ioError(QStringLiteral("writing"), path, err);
        }
        written += n;
    }
    if (mode)
        ::fchmod(fd, mode_t(mode)); // as MLflow's overwrite_yaml restores the mode of the file it replaces
    const bool synced = ::fsync(fd) == 0;
    const int err = errno;
    ::close(fd);
    if (!synced || ::rename(tempName.constData(), QFile::encodeName(path).constData()) != 0) {
        const int renameErr = synced ? errno : err;
        ::unlink(tempName.constData());
        return ioError(QStringLiteral("writing"), path, renameErr);
    }
    syncFolder(QFileInfo(path).absolutePath());
    return {};
}

} // namespace

Result<std::optional<QByteArray>> FileStoreEdit::read(const QString& path) const
{
    const auto staged = m_changes.constFind(path);
    if (staged != m_changes.constEnd())
        return staged->content;
    return readFile(path);
}

void FileStoreEdit::write(const QString& path, const QByteArray& content, const QString& scratchFolder)
{
    if (!m_changes.contains(path))
        m_order.append(path);
    m_changes.insert(path, Change { content, scratchFolder });
}

void FileStoreEdit::remove(const QString& path, const QString& scratchFolder)
{
    if (!m_changes.contains(path))
        m_order.append(path);
    m_changes.insert(path, Change { std::nullopt, scratchFolder });
}

Status FileStoreEdit::apply(const QString& path, const Change& change, QList<Done>& done, QStringList& madeFolders)
{
    auto previous = readFile(path);
    if (!previous)
        return previous.error();
    if (previous->has_value() == change.content.has_value() && (!change.content || **previous == *change.content))
        return {}; // already so
    const int mode = previous->has_value() ? modeOf(path) : 0;
    if (!change.content) {
        if (::unlink(QFile::encodeName(path).constData()) != 0)
            return ioError(QStringLiteral("removing"), path, errno);
        done.append({ path, *previous, mode });
        syncFolder(QFileInfo(path).absolutePath());
        return {};
    }
    // Folders for a first tag, or for keys with '/', as MLflow's make_containing_dirs.
    QString folder = QFileInfo(path).absolutePath();
    QStringList missing;
    while (!QFileInfo::exists(folder)) {
        missing.prepend(folder);
        folder = QFileInfo(folder).absolutePath();
    }
    for (const QString& m : std::as_const(missing)) {
        if (!QDir().mkdir(m))
            return ioError(QStringLiteral("creating the folder"), m, errno);
        madeFolders.prepend(m);
    }
    if (Status s = replaceFile(path, *change.content, change.scratchFolder, mode); !s)
        return s;
    done.append({ path, *previous, mode });
    return {};
}

void FileStoreEdit::undo(const QList<Done>& done, const QStringList& madeFolders)
{
    for (auto it = done.crbegin(); it != done.crend(); ++it) {
        Status s;
        if (it->previous)
            s = replaceFile(it->path, *it->previous, m_changes.value(it->path).scratchFolder, it->previousMode);
        else if (::unlink(QFile::encodeName(it->path).constData()) != 0)
            s = ioError(QStringLiteral("removing"), it->path, errno);
        if (!s)
            qCWarning(lcRegistry) << "could not put back" << it->path << s.error().describe();
    }
    for (const QString& folder : madeFolders)
        QDir().rmdir(folder); // only when still empty
}

Status FileStoreEdit::commit()
{
    QList<Done> done;
    QStringList madeFolders;
    for (const QString& path : std::as_const(m_order)) {
        if (Status s = apply(path, m_changes.value(path), done, madeFolders); !s) {
            undo(done, madeFolders);
            return s;
        }
    }
    return {};
}

} // namespace prov
