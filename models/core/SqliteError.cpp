#include "core/SqliteError.h"

#include "core/LogCategories.h"
#include "core/Result.h"

#include <sqlite3.h>

namespace prov {
namespace {

const QString busySentence = QStringLiteral("the database is locked: another program kept it busy; try again");

} // namespace

QString SqliteError::sentence(int rc)
{
    switch (rc & 0xff) {
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
        return busySentence;
    case SQLITE_CORRUPT:
        return QStringLiteral("the database file is malformed (damaged)");
    case SQLITE_NOTADB:
        return QStringLiteral("the file is not a database (not an SQLite file, or damaged)");
    case SQLITE_READONLY:
        return QStringLiteral("the database file is readonly for Provenance (permission denied or a read-only "
                              "folder)");
    case SQLITE_FULL:
        return QStringLiteral("the disk is full");
    case SQLITE_IOERR:
        return QStringLiteral("the operating system failed to read or write the database file");
    case SQLITE_CANTOPEN:
        return QStringLiteral("the database file cannot be opened");
    case SQLITE_PERM:
    case SQLITE_AUTH:
        return QStringLiteral("permission denied");
    case SQLITE_NOMEM:
        return QStringLiteral("out of memory");
    case SQLITE_INTERRUPT:
        return QStringLiteral("interrupted");
    case SQLITE_CONSTRAINT:
        return QStringLiteral("the database refused a write that conflicts with its contents (details are logged "
                              "under prov.db)");
    default:
        return QStringLiteral("the database could not run a query (details are logged under prov.db)");
    }
}

Error SqliteError::make(sqlite3* db, int rc, const QString& statement, const QString& databasePath)
{
    const QString raw = QString::fromUtf8(db ? sqlite3_errmsg(db) : sqlite3_errstr(rc));
    QString path = databasePath;
    if (path.isEmpty() && db) {
        if (const char* name = sqlite3_db_filename(db, "main"))
            path = QString::fromUtf8(name);
    }
    qCInfo(lcDatabase).noquote() << "SQLite error" << rc << raw << "on" << path << "in:" << statement.left(400);
    return makeError(ErrorCode::Database, sentence(rc), path);
}

bool SqliteError::isBusy(const Error& error)
{
    // Callers may have put their own words before the sentence.
    return error.code == ErrorCode::Database && error.message.endsWith(busySentence);
}

} // namespace prov
