#include "sync/CacheClear.h"

#include "cache/CacheLock.h"
#include "core/LogCategories.h"
#include "core/SqliteDatabase.h"
#include "core/SqliteError.h"
#include "journal/CacheHistoryImport.h"
#include "journal/JournalDatabase.h"

#include <QFile>
#include <QFileInfo>

namespace prov {
namespace {

Error inUse(const QString& cachePath)
{
    return makeError(ErrorCode::Unsupported,
        QStringLiteral("the cache is in use by another Provenance process (the app, or a command such as a "
                       "sync); close it or wait for it to finish, then clear the cache again"),
        cachePath);
}

Status moveHistoryOut(const QString& cachePath, const QString& journalPath)
{
    if (journalPath.isEmpty())
        return {};
    auto journal = JournalDatabase::open(journalPath, JournalDatabase::Access::Write);
    if (!journal)
        return journal.error();
    if (auto moved = CacheHistoryImport::runOnFile(cachePath, *journal); !moved)
        return moved.error();
    return {};
}

// Leaving WAL mode needs every other connection closed (SQLite checks with the database
// file's locks, which also see this process's own connections); it checkpoints and removes
// the -wal itself. An exclusive transaction then keeps newcomers out until the file is gone.
Status closeForDeletion(const SqliteDatabase& db)
{
    if (Status s = db.exec(QStringLiteral("PRAGMA busy_timeout = 0")); !s)
        return s;
    auto mode = db.prepare(QStringLiteral("PRAGMA journal_mode = DELETE"));
    if (!mode)
        return mode.error();
    if (!mode->step())
        return mode->lastStatus().ok() ? Status(inUse(db.path())) : mode->lastStatus();
    if (mode->text(0) != QLatin1String("delete"))
        return inUse(db.path());
    return db.exec(QStringLiteral("BEGIN EXCLUSIVE"));
}

Status removeFiles(const QString& cachePath)
{
    // -wal first: a database without its -wal is still a consistent (older) database; a
    // stray -wal beside a new database would be replayed into it.
    for (const QString& suffix :
        { QStringLiteral("-wal"), QStringLiteral("-shm"), QStringLiteral("-journal"), QString() }) {
        QFile file(cachePath + suffix);
        if (file.exists() && !file.remove()) {
            qCWarning(lcCache) << "cannot remove" << file.fileName() << file.errorString();
            return makeError(ErrorCode::Io, QStringLiteral("the cache file cannot be deleted (permission denied?)"),
                file.fileName());
        }
    }
    return {};
}

} // namespace

Status CacheClear::run(const QString& cachePath, const QString& journalPath)
{
    auto lock = CacheLock::tryAcquire(cachePath, CacheLock::Kind::Clear);
    if (!lock)
        return lock.error().code == ErrorCode::Unsupported ? inUse(cachePath) : lock.error();
    if (!QFileInfo::exists(cachePath))
        return removeFiles(cachePath);
    if (Status s = moveHistoryOut(cachePath, journalPath); !s)
        return s;
    auto db = SqliteDatabase::open(cachePath, SqliteDatabase::Mode::ReadWrite);
    if (db) {
        if (Status s = closeForDeletion(*db); !s) {
            if (s.error().code == ErrorCode::Unsupported || SqliteError::isBusy(s.error()))
                return inUse(cachePath);
            // Not a usable database: nobody can be reading it, and it goes anyway.
            qCWarning(lcCache) << "clearing an unusable cache" << cachePath << s.error().describe();
        }
    }
    // The connection (and its exclusive lock) is closed only after the files are gone.
    return removeFiles(cachePath);
}

} // namespace prov
