#include "core/SqliteDatabase.h"

#include <sqlite3.h>

#include <QUrl>

#include <utility>

namespace prov {

Result<SqliteDatabase> SqliteDatabase::open(const QString& path, Mode mode)
{
    sqlite3* db = nullptr;
    int rc = SQLITE_OK;
    if (mode != Mode::ReadWrite) {
        // A URI with mode=ro: SQLite never writes, creates or truncates the file or a journal.
        const QByteArray uri = "file:" + QUrl::toPercentEncoding(path, "/")
            + (mode == Mode::ReadOnlyImmutable ? "?mode=ro&immutable=1" : "?mode=ro");
        rc = sqlite3_open_v2(
            uri.constData(), &db, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI | SQLITE_OPEN_NOMUTEX, nullptr);
    } else {
        rc = sqlite3_open_v2(
            path.toUtf8().constData(), &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX, nullptr);
    }
    if (rc != SQLITE_OK) {
        Error error = makeError(rc == SQLITE_CANTOPEN ? ErrorCode::NotFound : ErrorCode::Database,
            QStringLiteral("cannot open SQLite database: %1")
                .arg(QString::fromUtf8(db ? sqlite3_errmsg(db) : sqlite3_errstr(rc))),
            path);
        sqlite3_close(db);
        return error;
    }
    sqlite3_extended_result_codes(db, 1);
    sqlite3_busy_timeout(db, 5000);
    return SqliteDatabase(db, path);
}

SqliteDatabase::SqliteDatabase(sqlite3* db, QString path)
    : m_db(db)
    , m_path(std::move(path))
{ }

SqliteDatabase::~SqliteDatabase()
{
    // Statements are finalised by their owners first; close_v2 defers if any remain.
    sqlite3_close_v2(m_db);
}

SqliteDatabase::SqliteDatabase(SqliteDatabase&& other) noexcept
    : m_db(std::exchange(other.m_db, nullptr))
    , m_path(std::move(other.m_path))
{ }

SqliteDatabase& SqliteDatabase::operator=(SqliteDatabase&& other) noexcept
{
    if (this != &other) {
        sqlite3_close_v2(m_db);
        m_db = std::exchange(other.m_db, nullptr);
        m_path = std::move(other.m_path);
    }
    return *this;
}

Error SqliteDatabase::lastError(const QString& location) const
{
    return makeError(ErrorCode::Database, QString::fromUtf8(sqlite3_errmsg(m_db)), location);
}

Result<SqliteStatement> SqliteDatabase::prepare(const QString& sql) const
{
    sqlite3_stmt* stmt = nullptr;
    const QByteArray utf8 = sql.toUtf8();
    if (sqlite3_prepare_v2(m_db, utf8.constData(), static_cast<int>(utf8.size()), &stmt, nullptr) != SQLITE_OK)
        return lastError(sql.left(160));
    return SqliteStatement(m_db, stmt);
}

Status SqliteDatabase::exec(const QString& sql) const
{
    char* message = nullptr;
    if (sqlite3_exec(m_db, sql.toUtf8().constData(), nullptr, nullptr, &message) != SQLITE_OK) {
        Error error
            = makeError(ErrorCode::Database, QString::fromUtf8(message ? message : "unknown error"), sql.left(160));
        sqlite3_free(message);
        return error;
    }
    return {};
}

Result<qint64> SqliteDatabase::queryInt(const QString& sql) const
{
    auto stmt = prepare(sql);
    if (!stmt)
        return stmt.error();
    if (!stmt->step()) {
        if (!stmt->lastStatus())
            return stmt->lastStatus().error();
        return makeError(ErrorCode::NotFound, QStringLiteral("query returned no row"), sql.left(160));
    }
    return stmt->int64(0);
}

bool SqliteDatabase::tableExists(const QString& table) const
{
    auto stmt = prepare(QStringLiteral("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?1"));
    if (!stmt)
        return false;
    stmt->bind(1, table);
    return stmt->step();
}

qint64 SqliteDatabase::lastInsertRowId() const
{
    return sqlite3_last_insert_rowid(m_db);
}

SqliteTransaction::SqliteTransaction(const SqliteDatabase& db)
    : m_db(db)
    , m_begin(db.exec(QStringLiteral("BEGIN IMMEDIATE")))
{ }

SqliteTransaction::~SqliteTransaction()
{
    if (!m_done && m_begin.ok())
        (void)m_db.exec(QStringLiteral("ROLLBACK"));
}

Status SqliteTransaction::commit()
{
    if (!m_begin.ok())
        return m_begin;
    m_done = true;
    Status status = m_db.exec(QStringLiteral("COMMIT"));
    if (!status.ok())
        (void)m_db.exec(QStringLiteral("ROLLBACK"));
    return status;
}

} // namespace prov
