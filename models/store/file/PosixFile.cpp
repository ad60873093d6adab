#include "store/file/PosixFile.h"

#include <QFile>

#include <cerrno>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <utility>

namespace prov {
namespace {

constexpr int openFlags = O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY;

} // namespace

QString PosixFile::displayPath(const std::string& path)
{
    return QFile::decodeName(QByteArray::fromRawData(path.data(), static_cast<qsizetype>(path.size())));
}

Error PosixFile::errnoError(int err, const std::string& path)
{
    const QString where = displayPath(path);
    switch (err) {
    case ENOENT:
        return makeError(ErrorCode::NotFound, QStringLiteral("no such file or folder"), where);
    case ENOTDIR:
        return makeError(ErrorCode::Corrupt, QStringLiteral("is not a folder (or one of its parents is not)"), where);
    case EISDIR:
        return makeError(ErrorCode::Corrupt, QStringLiteral("is a folder where a file was expected"), where);
    case ELOOP:
        return makeError(ErrorCode::Corrupt, QStringLiteral("symbolic link loop"), where);
    case EACCES:
    case EPERM:
        return makeError(ErrorCode::Io, QStringLiteral("permission denied"), where);
    default:
        return makeError(ErrorCode::Io, qt_error_string(err), where);
    }
}

Result<PosixFile> PosixFile::adopt(int fd, const std::string& path)
{
    PosixFile file;
    file.m_fd = fd;
    file.m_path = path;
    struct stat st
    {
    };
    if (::fstat(fd, &st) != 0)
        return errnoError(errno, path);
    if (S_ISDIR(st.st_mode))
        return errnoError(EISDIR, path);
    if (!S_ISREG(st.st_mode))
        return makeError(ErrorCode::Corrupt, QStringLiteral("is not a regular file"), displayPath(path));
    file.m_size = static_cast<qint64>(st.st_size);
    file.m_mtimeNs = static_cast<qint64>(st.st_mtim.tv_sec) * 1000000000LL + st.st_mtim.tv_nsec;
    return file;
}

Result<PosixFile> PosixFile::open(const std::string& path)
{
    const int fd = ::open(path.c_str(), openFlags);
    if (fd < 0)
        return errnoError(errno, path);
    return adopt(fd, path);
}

Result<PosixFile> PosixFile::openAt(int dirFd, const char* name, const std::string& path)
{
    const int fd = ::openat(dirFd, name, openFlags);
    if (fd < 0)
        return errnoError(errno, path);
    return adopt(fd, path);
}

Result<std::string> PosixFile::readAll(const std::string& path, qint64 maxBytes)
{
    auto file = open(path);
    if (!file)
        return file.error();
    return file->readRest(maxBytes);
}

Result<std::string> PosixFile::readAllAt(int dirFd, const char* name, const std::string& path, qint64 maxBytes)
{
    auto file = openAt(dirFd, name, path);
    if (!file)
        return file.error();
    return file->readRest(maxBytes);
}

PosixFile::~PosixFile()
{
    if (m_fd >= 0)
        ::close(m_fd);
}

PosixFile::PosixFile(PosixFile&& other) noexcept
    : m_fd(std::exchange(other.m_fd, -1))
    , m_size(other.m_size)
    , m_mtimeNs(other.m_mtimeNs)
    , m_path(std::move(other.m_path))
{ }

PosixFile& PosixFile::operator=(PosixFile&& other) noexcept
{
    if (this != &other) {
        if (m_fd >= 0)
            ::close(m_fd);
        m_fd = std::exchange(other.m_fd, -1);
        m_size = other.m_size;
        m_mtimeNs = other.m_mtimeNs;
        m_path = std::move(other.m_path);
    }
    return *this;
}

qint64 PosixFile::read(char* buffer, qint64 capacity)
{
    for (;;) {
        const ssize_t n = ::read(m_fd, buffer, static_cast<size_t>(capacity));
        if (n >= 0 || errno != EINTR)
            return static_cast<qint64>(n);
    }
}

Result<std::string> PosixFile::readRest(qint64 maxBytes)
{
    if (m_size > maxBytes)
        return makeError(ErrorCode::Corrupt,
            QStringLiteral("file too large (%1 bytes, at most %2 expected)").arg(m_size).arg(maxBytes),
            displayPath(m_path));
    // The size is a hint: the file may grow while it is read (a live run appending).
    std::string text;
    text.resize(static_cast<size_t>(m_size) + 1);
    size_t used = 0;
    for (;;) {
        if (used == text.size()) {
            if (static_cast<qint64>(text.size()) > maxBytes)
                return makeError(ErrorCode::Corrupt, QStringLiteral("file too large"), displayPath(m_path));
            text.resize(text.size() * 2);
        }
        const qint64 n = read(text.data() + used, static_cast<qint64>(text.size() - used));
        if (n < 0)
            return errnoError(errno, m_path);
        if (n == 0)
            break;
        used += static_cast<size_t>(n);
    }
    text.resize(used);
    return text;
}

} // namespace prov
