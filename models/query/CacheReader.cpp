#include "query/CacheReader.h"

#include "cache/CacheDatabase.h"

namespace prov {

Result<CacheReader> CacheReader::open(const QString& cachePath)
{
    auto db = CacheDatabase::open(cachePath, CacheDatabase::Access::Read);
    if (!db)
        return db.error();
    return CacheReader(std::move(db).value());
}

CacheReader::CacheReader(SqliteDatabase db)
    : m_db(std::move(db))
{ }

Result<CacheInfo> CacheReader::info() const
{
    auto stmt = m_db.prepare(QStringLiteral("SELECT key, value FROM cache_info"));
    if (!stmt)
        return stmt.error();
    CacheInfo info;
    while (stmt->step()) {
        const QString key = stmt->text(0);
        const QString value = stmt->text(1);
        if (key == QLatin1String("cache_id"))
            info.cacheId = value;
        else if (key == QLatin1String("store_uri"))
            info.storeUri = value;
        else if (key == QLatin1String("store_kind"))
            info.storeKind = value;
        else if (key == QLatin1String("store_schema_revision"))
            info.schemaRevision = value;
        else if (key == QLatin1String("mlflow_generation"))
            info.mlflowGeneration = value;
        else if (key == QLatin1String("last_sync_finished"))
            info.lastSyncFinished = value.toLongLong();
    }
    if (!stmt->lastStatus())
        return stmt->lastStatus().error();
    return info;
}

Result<QList<ExperimentEntry>> CacheReader::experiments() const
{
    auto stmt = m_db.prepare(QStringLiteral(
        "SELECT e.experiment_id, e.name, e.lifecycle_stage,"
        " (SELECT count(*) FROM runs r WHERE r.experiment_id = e.experiment_id AND r.lifecycle_stage = 'active'),"
        " (SELECT value FROM experiment_tags t WHERE t.experiment_id = e.experiment_id AND t.key = "
        "'mlflow.note.content')"
        " FROM experiments e ORDER BY e.lifecycle_stage, e.name"));
    if (!stmt)
        return stmt.error();
    QList<ExperimentEntry> list;
    while (stmt->step()) {
        list.append(
            { stmt->text(0), stmt->text(1), stmt->text(2) == QLatin1String("deleted"), stmt->int64(3), stmt->text(4) });
    }
    if (!stmt->lastStatus())
        return stmt->lastStatus().error();
    return list;
}

Result<StoreIssueList> CacheReader::issues() const
{
    auto stmt = m_db.prepare(QStringLiteral(
        "SELECT severity, location, message, coalesce(experiment_id, ''), coalesce(run_id, '') FROM issues"
        " ORDER BY severity, location, id"));
    if (!stmt)
        return stmt.error();
    StoreIssueList list;
    while (stmt->step()) {
        list.append({ StoreIssue::severityFromName(stmt->text(0)), stmt->text(1), stmt->text(2), stmt->text(3),
            stmt->text(4) });
    }
    if (!stmt->lastStatus())
        return stmt->lastStatus().error();
    return list;
}

} // namespace prov
