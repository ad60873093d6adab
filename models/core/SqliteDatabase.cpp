#include "core/SqliteDatabase.h"

#include "core/SqliteError.h"

#include <sqlite3.h>

#include <QElapsedTimer>
#include <QThread>
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
        Error error = SqliteError::make(db, rc, QStringLiteral("open"), path);
        if (rc == SQLITE_CANTOPEN)
            error.code = ErrorCode::NotFound;
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

Error SqliteDatabase::lastError(const QString& statement) const
{
    return SqliteError::make(m_db, sqlite3_extended_errcode(m_db), statement, m_path);
}

Result<SqliteStatement> SqliteDatabase::prepare(const QString& sql) const
{
    sqlite3_stmt* stmt = nullptr;
    const QByteArray utf8 = sql.toUtf8();
    if (sqlite3_prepare_v2(m_db, utf8.constData(), static_cast<int>(utf8.size()), &stmt, nullptr) != SQLITE_OK)
        return lastError(sql);
    return SqliteStatement(m_db, stmt);
}

Status SqliteDatabase::exec(const QString& sql) const
{
    if (const int rc = sqlite3_exec(m_db, sql.toUtf8().constData(), nullptr, nullptr, nullptr); rc != SQLITE_OK)
        return SqliteError::make(m_db, rc, sql, m_path);
    return {};
}

Status SqliteDatabase::execWhileBusy(const QString& sql, int maxWaitMs) const
{
    QElapsedTimer waited;
    waited.start();
    for (;;) {
        Status status = exec(sql);
        if (status || !SqliteError::isBusy(status.error()) || waited.elapsed() >= maxWaitMs)
            return status;
        QThread::msleep(20);
    }
}

Result<qint64> SqliteDatabase::queryInt(const QString& sql) const
{
    auto stmt = prepare(sql);
    if (!stmt)
        return stmt.error();
    if (!stmt->step()) {
        if (!stmt->lastStatus())
            return stmt->lastStatus().error();
        return makeError(ErrorCode::NotFound, QStringLiteral("the database holds no such value"), m_path);
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
