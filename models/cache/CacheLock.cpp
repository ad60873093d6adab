#include "cache/CacheLock.h"

#include "core/LogCategories.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QThread>

#include <cerrno>
#include <cstring>
#include <utility>

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

namespace prov {
namespace {

constexpr int pollIntervalMs = 50;

int operationOf(CacheLock::Kind kind)
{
    return kind == CacheLock::Kind::Use ? LOCK_SH : LOCK_EX;
}

Result<int> openLockFile(const QString& path)
{
    if (!QDir().mkpath(QFileInfo(path).absolutePath()))
        return makeError(
            ErrorCode::Io, QStringLiteral("the cache folder cannot be created"), QFileInfo(path).absolutePath());
    const int fd = ::open(QFile::encodeName(path).constData(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
    if (fd < 0) {
        qCWarning(lcCache) << "cannot open lock file" << path << std::strerror(errno);
        return makeError(
            ErrorCode::Io, QStringLiteral("the cache's lock file cannot be created (permission denied?)"), path);
    }
    return fd;
}

// 1: locked, 0: held by someone else, -1: failed.
int tryLock(int fd, CacheLock::Kind kind)
{
    for (;;) {
        if (::flock(fd, operationOf(kind) | LOCK_NB) == 0)
            return 1;
        if (errno == EWOULDBLOCK)
            return 0;
        if (errno != EINTR)
            return -1;
    }
}

Error heldElsewhere(const QString& databasePath, CacheLock::Kind kind)
{
    return makeError(ErrorCode::Unsupported,
        kind == CacheLock::Kind::Sync
            ? QStringLiteral("another Provenance process is syncing this store into the same cache")
            : QStringLiteral("another Provenance process is using this store's cache"),
        databasePath);
}

} // namespace

QString CacheLock::lockFilePath(const QString& databasePath, Kind kind)
{
    return databasePath + (kind == Kind::Sync ? QStringLiteral(".sync-lock") : QStringLiteral(".lock"));
}

Result<CacheLock> CacheLock::tryAcquire(const QString& databasePath, Kind kind)
{
    return acquire(databasePath, kind, CancellationToken(), 0);
}

Result<CacheLock> CacheLock::acquire(const QString& databasePath, Kind kind, const CancellationToken& cancel,
    int maxWaitMs, const std::function<void()>& onWait)
{
    auto fd = openLockFile(lockFilePath(databasePath, kind));
    if (!fd)
        return fd.error();
    CacheLock lock(*fd);
    QElapsedTimer waited;
    waited.start();
    bool told = false;
    for (;;) {
        const int state = tryLock(lock.m_fd, kind);
        if (state == 1)
            return lock;
        if (state < 0) {
            qCWarning(lcCache) << "flock failed on" << lockFilePath(databasePath, kind) << std::strerror(errno);
            return makeError(ErrorCode::Io, QStringLiteral("the cache cannot be locked"), databasePath);
        }
        if (waited.elapsed() >= maxWaitMs)
            return heldElsewhere(databasePath, kind);
        if (cancel.isCancelled())
            return makeError(ErrorCode::Cancelled, QStringLiteral("cancelled while waiting for another process"));
        if (!told && onWait) {
            told = true;
            onWait();
        }
        QThread::msleep(pollIntervalMs);
    }
}

CacheLock::~CacheLock()
{
    release();
}

CacheLock::CacheLock(CacheLock&& other) noexcept
    : m_fd(std::exchange(other.m_fd, -1))
{ }

CacheLock& CacheLock::operator=(CacheLock&& other) noexcept
{
    if (this != &other) {
        release();
        m_fd = std::exchange(other.m_fd, -1);
    }
    return *this;
}

void CacheLock::release()
{
    // Closing the descriptor releases the flock (it belongs to this open file description).
    if (m_fd >= 0)
        ::close(std::exchange(m_fd, -1));
}

} // namespace prov
