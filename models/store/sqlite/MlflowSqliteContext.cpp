#include "store/sqlite/MlflowSqliteContext.h"

#include <cmath>
#include <limits>

namespace prov {

MlflowSqliteContext::MlflowSqliteContext(const SqliteDatabase& db, const MlflowSqliteSchema& schema)
    : m_db(db)
    , m_schema(schema)
{ }

Error MlflowSqliteContext::databaseError(const Error& error) const
{
    return makeError(ErrorCode::Database, QStringLiteral("cannot read the MLflow database: ") + error.message, path());
}

Result<SqliteStatement> MlflowSqliteContext::prepare(const QString& sql) const
{
    auto stmt = m_db.prepare(sql);
    if (!stmt)
        return databaseError(stmt.error());
    return stmt;
}

Status MlflowSqliteContext::finished(const SqliteStatement& stmt) const
{
    if (!stmt.lastStatus())
        return databaseError(stmt.lastStatus().error());
    return {};
}

Error MlflowSqliteContext::cancelled() const
{
    return makeError(ErrorCode::Cancelled, QStringLiteral("cancelled"), path());
}

QString MlflowSqliteContext::location(const QString& table, const QString& key) const
{
    return path() + QStringLiteral(" (table ") + table + QStringLiteral(", ") + key + QLatin1Char(')');
}

StoreIssue MlflowSqliteContext::issue(const QString& table, const QString& key, const QString& message,
    const QString& experimentId, const QString& runId) const
{
    StoreIssue issue;
    issue.severity = StoreIssue::Severity::Error;
    issue.location = location(table, key);
    issue.message = message;
    issue.experimentId = experimentId;
    issue.runId = runId;
    return issue;
}

double MlflowSqliteContext::metricValue(double stored, bool isNan)
{
    if (isNan || std::isnan(stored))
        return std::numeric_limits<double>::quiet_NaN();
    constexpr double maxDouble = std::numeric_limits<double>::max();
    if (stored == maxDouble)
        return std::numeric_limits<double>::infinity();
    if (stored == -maxDouble)
        return -std::numeric_limits<double>::infinity();
    return stored;
}

} // namespace prov
