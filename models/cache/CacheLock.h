#pragma once

#include "core/CancellationToken.h"
#include "core/Result.h"

#include <QString>

#include <functional>

namespace prov {

// Locks that several Provenance processes (the app, a cron-driven command) take on one cache
// file. They are flock(2) locks on small files beside the database (`<cache>.lock`,
// `<cache>.sync-lock`) that are never deleted, so the kernel releases them when a process
// ends, even by kill -9, and no stale lock is ever left to clean up.
//  - Use (shared): held while a process has the cache open (a command for its whole run,
//    the app while it shows the store, every sync);
//  - Clear (exclusive, never waited for): clearing the cache is refused while anyone uses it;
//  - Sync (exclusive): one writer per cache; a second sync waits for the first to finish.
class CacheLock
{
public:
    enum class Kind { Use, Clear, Sync };

    // Takes the lock without waiting; fails with ErrorCode::Io when the lock file cannot be
    // created, and with ErrorCode::Unsupported when another holder has it.
    static Result<CacheLock> tryAcquire(const QString& databasePath, Kind kind);
    // Waits up to `maxWaitMs` (polling `cancel`), calling `onWait` once when it has to wait.
    static Result<CacheLock> acquire(const QString& databasePath, Kind kind, const CancellationToken& cancel,
        int maxWaitMs, const std::function<void()>& onWait = {});

    CacheLock() = default;
    ~CacheLock();
    CacheLock(CacheLock&& other) noexcept;
    CacheLock& operator=(CacheLock&& other) noexcept;
    CacheLock(const CacheLock&) = delete;
    CacheLock& operator=(const CacheLock&) = delete;

    bool isHeld() const { return m_fd >= 0; }
    void release();

    static QString lockFilePath(const QString& databasePath, Kind kind);

private:
    explicit CacheLock(int fd)
        : m_fd(fd)
    { }

    int m_fd = -1;
};

} // namespace prov
