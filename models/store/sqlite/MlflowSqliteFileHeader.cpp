#include "store/sqlite/MlflowSqliteFileHeader.h"

#include "core/LogCategories.h"

#include <QFile>
#include <QFileInfo>
#include <QThread>

namespace prov {
namespace {

constexpr qint64 HeaderSize = 100;

quint32 bigEndian32(const QByteArray& bytes, int offset)
{
    quint32 value = 0;
    for (int i = 0; i < 4; ++i)
        value = (value << 8) | static_cast<quint8>(bytes.at(offset + i));
    return value;
}

// Page size is stored big-endian at offset 16; the value 1 means 65536.
qint64 pageSize(const QByteArray& header)
{
    const int raw = (static_cast<quint8>(header.at(16)) << 8) | static_cast<quint8>(header.at(17));
    return raw == 1 ? 65536 : raw;
}

Error notMlflow(const QString& why, const QString& path)
{
    return makeError(ErrorCode::Corrupt, QStringLiteral("not an MLflow tracking database: ") + why, path);
}

} // namespace

Status MlflowSqliteFileHeader::check(const QString& path)
{
    // A database that a training job is writing grows in steps: its header may already count
    // pages that the file does not have yet. Shorter than its header says is only damage when
    // it stays so for a while.
    for (int attempt = 1;; ++attempt) {
        qint64 missing = 0;
        Status status = checkOnce(path, missing);
        if (status || missing == 0 || attempt >= TruncationAttempts)
            return status;
        qCDebug(lcStore) << path << "is" << missing << "bytes shorter than its header says; reading it again";
        QThread::msleep(TruncationRetryMs);
    }
}

Status MlflowSqliteFileHeader::checkOnce(const QString& path, qint64& missing)
{
    missing = 0;
    QFileInfo info(path);
    if (!info.exists())
        return makeError(ErrorCode::NotFound, QStringLiteral("no such database file"), path);
    if (!info.isFile())
        return notMlflow(QStringLiteral("it is not a regular file"), path);
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return makeError(ErrorCode::Io, QStringLiteral("cannot read the database file: ") + file.errorString(), path);
    const QByteArray header = file.read(HeaderSize);
    if (header.isEmpty())
        return notMlflow(QStringLiteral("the file is empty"), path);
    if (!header.startsWith(QByteArrayLiteral("SQLite format 3\0")) || header.size() < HeaderSize)
        return notMlflow(QStringLiteral("the file is not an SQLite database"), path);
    // The in-header page count is only trustworthy when "version-valid-for" (offset 92)
    // matches the change counter (offset 24); older writers leave it stale.
    const quint32 pageCount = bigEndian32(header, 28);
    const bool countValid = pageCount > 0 && bigEndian32(header, 92) == bigEndian32(header, 24);
    const qint64 expected = static_cast<qint64>(pageCount) * pageSize(header);
    // The size is taken after the header was read, never before: a file that grew in between
    // must not look short.
    const qint64 size = file.size();
    if (countValid && size < expected) {
        missing = expected - size;
        return makeError(ErrorCode::Corrupt,
            QStringLiteral("the database file is truncated: %1 of %2 bytes present").arg(size).arg(expected), path);
    }
    return {};
}

bool MlflowSqliteFileHeader::isWalMode(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return false;
    const QByteArray header = file.read(HeaderSize);
    return header.size() == HeaderSize && header.at(18) == 2 && header.at(19) == 2;
}

} // namespace prov
