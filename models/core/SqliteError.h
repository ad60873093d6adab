#pragma once

#include "core/Error.h"

#include <QString>

struct sqlite3;

namespace prov {

// Turns an SQLite failure into an Error a person can read: a sentence for the result code
// (busy, damaged, read-only, disk full, ...) located at the database file. SQLite's own text
// and the statement that failed go to the prov.db log category only (at info level), so
// no SQL reaches a message box or the command line. Code is always ErrorCode::Database.
class SqliteError
{
public:
    // `rc` is the (extended) result code; `db` may be null when opening failed.
    static Error make(sqlite3* db, int rc, const QString& statement, const QString& databasePath = {});
    // The sentence for a result code, without a location.
    static QString sentence(int rc);
    // True for SQLITE_BUSY / SQLITE_LOCKED: another connection holds the lock; worth retrying.
    static bool isBusy(const Error& error);
};

} // namespace prov
