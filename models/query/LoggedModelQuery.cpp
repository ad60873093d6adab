#include "query/LoggedModelQuery.h"

#include "core/SqliteDatabase.h"

#include <limits>

namespace prov {

LoggedModelQuery::LoggedModelQuery(const SqliteDatabase& db)
    : m_db(db)
{ }

Result<LoggedModelDetail> LoggedModelQuery::load(const QString& modelId) const
{
    auto stmt = m_db.prepare(QStringLiteral(
        "SELECT m.name, coalesce(m.source_run_id, ''), m.experiment_id, coalesce(m.artifact_location, ''),"
        " coalesce(m.status, ''), coalesce(m.model_type, ''), m.creation_time, coalesce(m.flavors, ''),"
        " coalesce(m.signature_inputs, ''), coalesce(m.signature_outputs, ''), coalesce(r.run_name, ''),"
        " coalesce(e.name, '') FROM logged_models m LEFT JOIN runs r ON r.run_id = m.source_run_id"
        " LEFT JOIN experiments e ON e.experiment_id = m.experiment_id WHERE m.model_id = ?1"));
    if (!stmt)
        return stmt.error();
    stmt->bind(1, modelId);
    if (!stmt->step()) {
        if (!stmt->lastStatus())
            return stmt->lastStatus().error();
        return makeError(ErrorCode::NotFound, QStringLiteral("this logged model is not in the cache"), modelId);
    }
    LoggedModelDetail d;
    d.model.modelId = modelId;
    d.model.name = stmt->text(0);
    d.model.sourceRunId = stmt->text(1);
    d.model.experimentId = stmt->text(2);
    d.model.artifactLocation = stmt->text(3);
    d.model.status = stmt->text(4);
    d.model.modelType = stmt->text(5);
    d.model.creationTime = stmt->optionalInt64(6);
    d.model.flavors = stmt->text(7).split(QLatin1Char(','), Qt::SkipEmptyParts);
    d.model.signatureInputs = stmt->text(8);
    d.model.signatureOutputs = stmt->text(9);
    d.runName = stmt->text(10);
    d.experimentName = stmt->text(11);
    auto params
        = m_db.prepare(QStringLiteral("SELECT key, value FROM logged_model_params WHERE model_id = ?1 ORDER BY key"));
    if (!params)
        return params.error();
    params->bind(1, modelId);
    while (params->step())
        d.model.params.append({ params->text(0), params->text(1) });
    auto metrics
        = m_db.prepare(QStringLiteral("SELECT key, value, step, timestamp, coalesce(dataset_name, ''),"
                                      " coalesce(dataset_digest, '') FROM logged_model_metrics WHERE model_id = ?1"
                                      " ORDER BY key, step, timestamp"));
    if (!metrics)
        return metrics.error();
    metrics->bind(1, modelId);
    while (metrics->step())
        d.model.metrics.append(
            { metrics->text(0), metrics->isNull(1) ? std::numeric_limits<double>::quiet_NaN() : metrics->real(1),
                metrics->int64(2), metrics->int64(3), {}, metrics->text(4), metrics->text(5) });
    auto versions = m_db.prepare(QStringLiteral(
        "SELECT v.name, v.version, coalesce(v.stage, ''), (SELECT group_concat(a.alias, ',') FROM model_aliases a"
        " WHERE a.name = v.name AND a.version = v.version) FROM model_versions v WHERE v.model_id = ?1"
        " ORDER BY v.name, v.version"));
    if (!versions)
        return versions.error();
    versions->bind(1, modelId);
    while (versions->step())
        d.versions.append({ versions->text(0), versions->int64(1), versions->text(2),
            versions->text(3).split(QLatin1Char(','), Qt::SkipEmptyParts), modelId });
    if (!versions->lastStatus())
        return versions->lastStatus().error();
    return d;
}

} // namespace prov
