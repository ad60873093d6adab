#pragma once

#include "core/Result.h"
#include "core/SqliteDatabase.h"

#include <QString>

namespace prov {

// Opens connections to a cache database file with the settings every user of the cache
// relies on: WAL (readers never block the one writer), foreign-key-free fast inserts,
// synchronous=NORMAL (a commit survives an application crash; a power cut may lose the last
// commits, which the next sync re-reads). Write connections also create and migrate it.
// Write connections are opened by CacheWriter under the cache's sync lock. A file that is not a
// readable SQLite database is moved aside as `<name>.corrupt-<ms>` (with its -wal/-shm) and
// recreated: the cache can always be rebuilt from the store, and nothing is deleted.
class CacheDatabase
{
public:
    enum class Access { Read, Write };

    static Result<SqliteDatabase> open(const QString& path, Access access);
};

} // namespace prov
