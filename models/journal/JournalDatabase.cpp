#include "journal/JournalDatabase.h"

#include "core/LogCategories.h"
#include "journal/JournalSchema.h"

#include <QDir>
#include <QFileInfo>

namespace prov {
namespace {

Error damaged(const QString& path, const Error& error)
{
    qCWarning(lcJournal) << "journal" << path << "cannot be used:" << error.describe();
    if (error.code == ErrorCode::Unsupported)
        return error;
    return makeError(ErrorCode::Corrupt,
        QStringLiteral("the journal (alias and stage history, card drafts, queued writes) cannot be opened; it is "
                       "left untouched: move it away to start a new one"),
        path);
}

} // namespace

Result<SqliteDatabase> JournalDatabase::open(const QString& path, Access access)
{
    if (access == Access::Read && !QFileInfo::exists(path))
        return makeError(ErrorCode::NotFound, QStringLiteral("nothing has been recorded for this store yet"), path);
    if (access == Access::Write && !QDir().mkpath(QFileInfo(path).absolutePath()))
        return makeError(
            ErrorCode::Io, QStringLiteral("cannot create the journal folder"), QFileInfo(path).absolutePath());
    auto db = SqliteDatabase::open(path, SqliteDatabase::Mode::ReadWrite);
    if (!db)
        return damaged(path, db.error());
    // Writes are few and short; a longer wait than the cache's rides out another process's
    // migration or sync.
    const QString pragmas = access == Access::Write
        ? QStringLiteral("PRAGMA busy_timeout = 10000; PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL;")
        : QStringLiteral("PRAGMA busy_timeout = 10000; PRAGMA query_only = 1;");
    if (Status s = db->execWhileBusy(pragmas, 10000); !s)
        return damaged(path, s.error());
    if (access == Access::Write) {
        if (Status s = JournalSchema::migrate(*db); !s)
            return damaged(path, s.error());
        return db;
    }
    auto version = db->queryInt(QStringLiteral("PRAGMA user_version"));
    if (!version)
        return damaged(path, version.error());
    if (*version != JournalSchema::CurrentVersion)
        return makeError(ErrorCode::Unsupported,
            QStringLiteral("journal schema %1 is not the expected %2").arg(*version).arg(JournalSchema::CurrentVersion),
            path);
    return db;
}

} // namespace prov
