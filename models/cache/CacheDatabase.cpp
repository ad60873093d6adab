#include "cache/CacheDatabase.h"

#include "cache/CacheSchema.h"
#include "core/LogCategories.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>

namespace prov {
namespace {

Status configure(const SqliteDatabase& db, CacheDatabase::Access access)
{
    // page_size only takes effect on a new, empty file and must precede WAL: 32 KiB pages
    // cut the pages (and write calls) of a sync 8-fold against the 4 KiB default.
    const QString pragmas = access == CacheDatabase::Access::Write
        ? QStringLiteral("PRAGMA page_size = 32768; PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL;"
                         "PRAGMA temp_store = MEMORY; PRAGMA cache_size = -32768; PRAGMA wal_autocheckpoint = 1000;")
        : QStringLiteral("PRAGMA query_only = 1; PRAGMA temp_store = MEMORY; PRAGMA cache_size = -16384;");
    return db.execWhileBusy(pragmas, 10000);
}

Result<SqliteDatabase> openOnce(const QString& path, CacheDatabase::Access access)
{
    auto db = SqliteDatabase::open(path, SqliteDatabase::Mode::ReadWrite);
    if (!db)
        return db.error();
    if (Status s = configure(*db, access); !s)
        return s.error();
    if (access == CacheDatabase::Access::Write) {
        if (Status s = CacheSchema::migrate(*db); !s)
            return s.error();
    } else {
        auto version = db->queryInt(QStringLiteral("PRAGMA user_version"));
        if (!version)
            return version.error();
        if (*version != CacheSchema::CurrentVersion)
            return makeError(ErrorCode::Unsupported,
                QStringLiteral("cache schema %1 is not the expected %2; sync the store to upgrade it")
                    .arg(*version)
                    .arg(CacheSchema::CurrentVersion),
                path);
    }
    return db;
}

bool isUnusableDatabase(const Error& error)
{
    return error.code == ErrorCode::Database
        && (error.message.contains(QLatin1String("not a database"))
            || error.message.contains(QLatin1String("malformed")));
}

bool moveAside(const QString& path)
{
    const QString aside = path + QStringLiteral(".corrupt-") + QString::number(QDateTime::currentMSecsSinceEpoch());
    qCWarning(lcCache) << "cache" << path << "is not a usable database; moving it to" << aside;
    // Renamed, never deleted: a process that still has them open keeps its own files.
    for (const QString& suffix : { QStringLiteral("-wal"), QStringLiteral("-shm") }) {
        if (QFileInfo::exists(path + suffix))
            (void)QFile::rename(path + suffix, aside + suffix);
    }
    return QFile::rename(path, aside);
}

} // namespace

Result<SqliteDatabase> CacheDatabase::open(const QString& path, Access access)
{
    if (access == Access::Read && !QFileInfo::exists(path))
        return makeError(ErrorCode::NotFound, QStringLiteral("no cache for this store yet"), path);
    if (access == Access::Write && !QDir().mkpath(QFileInfo(path).absolutePath()))
        return makeError(
            ErrorCode::Io, QStringLiteral("cannot create the cache folder"), QFileInfo(path).absolutePath());
    auto db = openOnce(path, access);
    if (!db && access == Access::Write && isUnusableDatabase(db.error()) && moveAside(path))
        db = openOnce(path, access);
    return db;
}

} // namespace prov
