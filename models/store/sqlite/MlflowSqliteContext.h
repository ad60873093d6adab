#pragma once

#include "core/Result.h"
#include "core/SqliteDatabase.h"
#include "domain/StoreIssue.h"
#include "store/sqlite/MlflowSqliteSchema.h"

#include <QString>

namespace prov {

// What every part of the SQLite reader shares: the open connection, its schema and the
// database path, plus the conventions for turning SQLite failures into Errors and bad rows
// into StoreIssues, so that all parts report the same way ("<db> (table runs, <run id>)").
// Not thread-safe: the owning MlflowSqliteStore serialises access to the connection.
class MlflowSqliteContext
{
public:
    MlflowSqliteContext(const SqliteDatabase& db, const MlflowSqliteSchema& schema);

    const SqliteDatabase& db() const { return m_db; }
    const MlflowSqliteSchema& schema() const { return m_schema; }
    const QString& path() const { return m_db.path(); }

    // Prepares `sql`; a failure becomes an Error located at the database file.
    Result<SqliteStatement> prepare(const QString& sql) const;
    // Ok when `stmt` ran to completion, else the error that stopped it.
    Status finished(const SqliteStatement& stmt) const;
    Error cancelled() const;

    // "<db path> (table <table>, <key>)": where a row that cannot be understood lives.
    QString location(const QString& table, const QString& key) const;
    StoreIssue issue(const QString& table, const QString& key, const QString& message, const QString& experimentId = {},
        const QString& runId = {}) const;

    // MLflow's SQLite encoding of special values: NaN is stored as 0 with is_nan = 1 (or as
    // NULL in tables without is_nan), +/-infinity as +/-DBL_MAX.
    static double metricValue(double stored, bool isNan);

private:
    Error databaseError(const Error& error) const;

    const SqliteDatabase& m_db;
    const MlflowSqliteSchema& m_schema;
};

} // namespace prov
