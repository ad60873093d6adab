#include "query/RunDetailQuery.h"

#include "cache/MetricHistoryCodec.h"
#include "core/SqliteDatabase.h"
#include "query/CacheRows.h"

#include <QJsonDocument>
#include <QJsonObject>

namespace prov {
namespace {

// Runs `sql` with ?1 bound to `id` and calls `row` for each result row.
template<typename RowFn> Status forEachRow(const SqliteDatabase& db, const QString& sql, const QString& id, RowFn row)
{
    auto stmt = db.prepare(sql);
    if (!stmt)
        return stmt.error();
    stmt->bind(1, id);
    while (stmt->step())
        row(*stmt);
    return stmt->lastStatus();
}

KeyValueList tagsFromJson(const QString& json)
{
    KeyValueList tags;
    const QJsonObject object = QJsonDocument::fromJson(json.toUtf8()).object();
    for (auto it = object.begin(); it != object.end(); ++it)
        tags.append({ it.key(), it.value().toString() });
    return tags;
}

} // namespace

RunDetailQuery::RunDetailQuery(const SqliteDatabase& db)
    : m_db(db)
{ }

Result<RunDetail> RunDetailQuery::load(const QString& runId) const
{
    RunDetail detail;
    detail.info.runId = runId;
    using Loader = Status (RunDetailQuery::*)(RunDetail&) const;
    for (Loader loader : { &RunDetailQuery::loadInfo, &RunDetailQuery::loadKeyValues, &RunDetailQuery::loadMetrics,
             &RunDetailQuery::loadInputs, &RunDetailQuery::loadArtifacts, &RunDetailQuery::loadRelatives,
             &RunDetailQuery::loadModels, &RunDetailQuery::loadIssues }) {
        if (Status s = (this->*loader)(detail); !s)
            return s.error();
    }
    return detail;
}

Status RunDetailQuery::loadInfo(RunDetail& detail) const
{
    bool found = false;
    const QString sql = QStringLiteral("SELECT ") + QString::fromLatin1(CacheRows::runInfoColumns)
        + QStringLiteral(
            ", coalesce(e.name, '') FROM runs r LEFT JOIN experiments e ON e.experiment_id = r.experiment_id"
            " WHERE r.run_id = ?1");
    Status s = forEachRow(m_db, sql, detail.info.runId, [&](const SqliteStatement& row) {
        detail.info = CacheRows::runInfo(row);
        detail.experimentName = row.text(CacheRows::runInfoColumnCount);
        found = true;
    });
    if (s && !found)
        return makeError(ErrorCode::NotFound, QStringLiteral("no such run in the cache"), detail.info.runId);
    return s;
}

Status RunDetailQuery::loadKeyValues(RunDetail& detail) const
{
    for (auto [table, target] : { std::pair { "params", &detail.params }, std::pair { "tags", &detail.tags } }) {
        const QString sql = QStringLiteral("SELECT key, value FROM ") + QLatin1String(table)
            + QStringLiteral(" WHERE run_id = ?1 ORDER BY key");
        Status s = forEachRow(m_db, sql, detail.info.runId, [list = target](const SqliteStatement& row) {
            list->append({ row.text(0), row.text(1) });
        });
        if (!s)
            return s;
    }
    return {};
}

Status RunDetailQuery::loadMetrics(RunDetail& detail) const
{
    return forEachRow(m_db,
        QStringLiteral("SELECT key, value, step, timestamp, point_count, min_value, max_value FROM latest_metrics"
                       " WHERE run_id = ?1 ORDER BY key"),
        detail.info.runId, [&](const SqliteStatement& row) {
            MetricSummary summary;
            summary.key = row.text(0);
            summary.latest = { row.int64(2), row.int64(3), CacheRows::metricValue(row, 1) };
            summary.pointCount = row.int64(4);
            if (!row.isNull(5)) {
                summary.minValue = row.real(5);
                summary.maxValue = row.real(6);
            }
            detail.metrics.append(summary);
        });
}

Status RunDetailQuery::loadInputs(RunDetail& detail) const
{
    Status s = forEachRow(m_db,
        QStringLiteral("SELECT name, digest, source_type, source, schema, profile, tags_json FROM dataset_inputs"
                       " WHERE run_id = ?1 ORDER BY position"),
        detail.info.runId, [&](const SqliteStatement& row) {
            detail.datasetInputs.append(
                { Dataset { row.text(0), row.text(1), row.text(2), row.text(3), row.text(4), row.text(5) },
                    tagsFromJson(row.text(6)) });
        });
    if (s)
        s = forEachRow(m_db, QStringLiteral("SELECT model_id FROM model_inputs WHERE run_id = ?1 ORDER BY model_id"),
            detail.info.runId, [&](const SqliteStatement& row) { detail.modelInputs.append({ row.text(0) }); });
    if (s)
        s = forEachRow(m_db,
            QStringLiteral("SELECT model_id, step FROM model_outputs WHERE run_id = ?1 ORDER BY model_id"),
            detail.info.runId, [&](const SqliteStatement& row) {
                detail.modelOutputs.append({ row.text(0), row.int64(1) });
            });
    return s;
}

Status RunDetailQuery::loadArtifacts(RunDetail& detail) const
{
    return forEachRow(m_db, QStringLiteral("SELECT path, is_dir, size FROM artifacts WHERE run_id = ?1 ORDER BY path"),
        detail.info.runId, [&](const SqliteStatement& row) {
            detail.artifacts.append({ row.text(0), row.int64(1) != 0, row.int64(2) });
        });
}

Status RunDetailQuery::loadRelatives(RunDetail& detail) const
{
    Status s = forEachRow(m_db,
        QStringLiteral("SELECT p.run_id, p.run_name, p.status FROM runs c JOIN runs p ON p.run_id = c.parent_run_id"
                       " WHERE c.run_id = ?1"),
        detail.info.runId, [&](const SqliteStatement& row) {
            detail.parent
                = RunLink { row.text(0), row.text(1), runStatusFromName(row.text(2)).value_or(RunStatus::Running) };
        });
    if (s)
        s = forEachRow(m_db,
            QStringLiteral(
                "SELECT run_id, run_name, status FROM runs WHERE parent_run_id = ?1 ORDER BY start_time, run_name"),
            detail.info.runId, [&](const SqliteStatement& row) {
                detail.children.append(
                    { row.text(0), row.text(1), runStatusFromName(row.text(2)).value_or(RunStatus::Running) });
            });
    return s;
}

Status RunDetailQuery::loadModels(RunDetail& detail) const
{
    Status s = forEachRow(m_db,
        QStringLiteral("SELECT model_id, name, flavors, artifact_path, origin, creation_time FROM logged_models"
                       " WHERE source_run_id = ?1 ORDER BY creation_time, model_id"),
        detail.info.runId, [&](const SqliteStatement& row) {
            LoggedModel model;
            model.modelId = row.text(0);
            model.name = row.text(1);
            model.flavors = row.text(2).split(QLatin1Char(','), Qt::SkipEmptyParts);
            model.artifactPath = row.text(3);
            model.origin = row.text(4) == QLatin1String("logged-model") ? LoggedModel::Origin::LoggedModelEntity
                                                                        : LoggedModel::Origin::LogModelHistoryTag;
            model.creationTime = row.optionalInt64(5);
            model.sourceRunId = detail.info.runId;
            detail.loggedModels.append(model);
        });
    if (s)
        s = forEachRow(m_db,
            QStringLiteral("SELECT v.name, v.version, v.stage, coalesce(v.model_id, ''),"
                           " (SELECT group_concat(a.alias, ',') FROM model_aliases a WHERE a.name = v.name AND "
                           "a.version = v.version)"
                           " FROM model_versions v WHERE v.run_id = ?1 ORDER BY v.name, v.version"),
            detail.info.runId, [&](const SqliteStatement& row) {
                detail.modelVersions.append({ row.text(0), row.int64(1), row.text(2),
                    row.text(4).split(QLatin1Char(','), Qt::SkipEmptyParts), row.text(3) });
            });
    return s;
}

Status RunDetailQuery::loadIssues(RunDetail& detail) const
{
    return forEachRow(m_db,
        QStringLiteral("SELECT severity, location, message FROM issues WHERE run_id = ?1 ORDER BY id"),
        detail.info.runId, [&](const SqliteStatement& row) {
            detail.issues.append({ StoreIssue::severityFromName(row.text(0)), row.text(1), row.text(2),
                detail.info.experimentId, detail.info.runId });
        });
}

Result<MetricHistory> RunDetailQuery::metricHistory(const QString& runId, const QString& key) const
{
    auto stmt = m_db.prepare(QStringLiteral("SELECT points FROM metric_histories WHERE run_id = ?1 AND key = ?2"));
    if (!stmt)
        return stmt.error();
    stmt->bind(1, runId);
    stmt->bind(2, key);
    if (!stmt->step()) {
        if (!stmt->lastStatus())
            return stmt->lastStatus().error();
        return makeError(ErrorCode::NotFound, QStringLiteral("no history cached for metric '%1'").arg(key), runId);
    }
    return MetricHistoryCodec::decode(stmt->blobData(0), stmt->blobSize(0));
}

} // namespace prov
