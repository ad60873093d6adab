#pragma once

#include "core/Result.h"
#include "core/SqliteStatement.h"

#include <QString>

#include <memory>

struct sqlite3;

namespace prov {

// One SQLite connection (RAII). A connection belongs to the thread that uses it (DESIGN.md,
// house style 9): open one per thread rather than sharing. ReadOnly opens never modify the
// file; ReadOnlyImmutable also takes no locks and creates no -shm/-wal files (for a WAL-mode
// file nobody is writing); ReadWrite creates the file when missing. Errors are sentences located
// at the file (SqliteError); SQLite's text and the statement go to the prov.db log category.
class SqliteDatabase
{
public:
    enum class Mode { ReadOnly, ReadOnlyImmutable, ReadWrite };

    static Result<SqliteDatabase> open(const QString& path, Mode mode);

    SqliteDatabase() = default;
    ~SqliteDatabase();
    SqliteDatabase(SqliteDatabase&& other) noexcept;
    SqliteDatabase& operator=(SqliteDatabase&& other) noexcept;
    SqliteDatabase(const SqliteDatabase&) = delete;
    SqliteDatabase& operator=(const SqliteDatabase&) = delete;

    bool isOpen() const { return m_db != nullptr; }
    const QString& path() const { return m_path; }

    Result<SqliteStatement> prepare(const QString& sql) const;
    // Runs one or more statements without results (DDL, PRAGMA, BEGIN/COMMIT).
    Status exec(const QString& sql) const;
    // exec(), run again while SQLite reports the database locked for up to `maxWaitMs`: some
    // lock conflicts (a journal mode change racing another connection's first write) fail at
    // once instead of waiting out the busy timeout.
    Status execWhileBusy(const QString& sql, int maxWaitMs) const;
    // First column of the first row as an integer, or an error.
    Result<qint64> queryInt(const QString& sql) const;

    bool tableExists(const QString& table) const;
    qint64 lastInsertRowId() const;
    sqlite3* handle() const { return m_db; }

private:
    explicit SqliteDatabase(sqlite3* db, QString path);
    Error lastError(const QString& statement) const;

    sqlite3* m_db = nullptr;
    QString m_path;
};

// Commits on commit(), rolls back on destruction otherwise. Nesting is not supported.
class SqliteTransaction
{
public:
    explicit SqliteTransaction(const SqliteDatabase& db);
    ~SqliteTransaction();
    SqliteTransaction(const SqliteTransaction&) = delete;
    SqliteTransaction& operator=(const SqliteTransaction&) = delete;

    const Status& beginStatus() const { return m_begin; }
    Status commit();

private:
    const SqliteDatabase& m_db;
    Status m_begin;
    bool m_done = false;
};

} // namespace prov
