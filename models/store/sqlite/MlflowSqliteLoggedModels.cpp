#include "store/sqlite/MlflowSqliteLoggedModels.h"

#include "domain/CanonicalOrder.h"
#include "store/sqlite/MlflowSqliteArtifacts.h"
#include "store/sqlite/MlflowSqliteContext.h"
#include "store/sqlite/MlflowSqliteReadTransaction.h"

#include <algorithm>

namespace prov {
namespace {

const QString modelsOfExperiment = QStringLiteral("(SELECT model_id FROM logged_models WHERE experiment_id = ?1)");

// LoggedModelStatus proto values, as the `status` column stores them.
QString statusName(qint64 status)
{
    switch (status) {
    case 1:
        return QStringLiteral("PENDING");
    case 2:
        return QStringLiteral("READY");
    case 3:
        return QStringLiteral("UPLOAD_FAILED");
    default:
        return {};
    }
}

} // namespace

MlflowSqliteLoggedModels::MlflowSqliteLoggedModels(
    const MlflowSqliteContext& context, const MlflowSqliteArtifacts& artifacts)
    : m_context(context)
    , m_artifacts(artifacts)
{ }

Status MlflowSqliteLoggedModels::readModels(
    qint64 experimentId, const QString& experimentKey, LoggedModelScan& scan) const
{
    auto stmt = m_context.prepare(QStringLiteral(
        "SELECT model_id, experiment_id, name, artifact_location, creation_timestamp_ms, last_updated_timestamp_ms, "
        "status, lifecycle_stage, model_type, source_run_id FROM logged_models WHERE experiment_id = ?1"));
    if (!stmt)
        return stmt.error();
    stmt->bind(1, experimentId);
    while (stmt->step()) {
        const QString modelId = stmt->text(0);
        // lifecycle_stage is nullable; MLflow reads NULL as active.
        const QString stage = stmt->isNull(7) ? QStringLiteral("active") : stmt->text(7);
        if (stage == QLatin1String("deleted"))
            continue;
        LoggedModel model;
        model.status = statusName(stmt->int64(6));
        if (model.status.isEmpty() || !lifecycleStageFromName(stage)) {
            scan.issues << m_context.issue(QStringLiteral("logged_models"), modelId,
                QStringLiteral("unknown status %1 or lifecycle stage '%2'; the model is skipped")
                    .arg(stmt->text(6), stage),
                experimentKey, stmt->text(9));
            continue;
        }
        model.modelId = modelId;
        model.experimentId = QString::number(stmt->int64(1));
        model.name = stmt->text(2);
        model.artifactLocation = stmt->text(3);
        model.creationTime = stmt->optionalInt64(4);
        model.lastUpdatedTime = stmt->optionalInt64(5);
        model.modelType = stmt->text(8);
        model.sourceRunId = stmt->text(9);
        model.origin = LoggedModel::Origin::LoggedModelEntity;
        scan.models.append(std::move(model));
    }
    return m_context.finished(*stmt);
}

Status MlflowSqliteLoggedModels::readKeyValues(const QString& table, const QString& keyColumn,
    const QString& valueColumn, qint64 experimentId, const ModelIndex& index, bool params, LoggedModelScan& scan) const
{
    auto stmt = m_context.prepare(
        QStringLiteral("SELECT model_id, %1, %2 FROM %3 WHERE model_id IN ").arg(keyColumn, valueColumn, table)
        + modelsOfExperiment);
    if (!stmt)
        return stmt.error();
    stmt->bind(1, experimentId);
    while (stmt->step()) {
        const auto it = index.constFind(stmt->text(0));
        if (it == index.constEnd())
            continue;
        LoggedModel& model = scan.models[*it];
        (params ? model.params : model.tags).append(KeyValue { stmt->text(1), stmt->text(2) });
    }
    return m_context.finished(*stmt);
}

Status MlflowSqliteLoggedModels::readMetrics(qint64 experimentId, const ModelIndex& index, LoggedModelScan& scan) const
{
    auto stmt = m_context.prepare(
        QStringLiteral("SELECT model_id, metric_name, metric_value, metric_step, metric_timestamp_ms, "
                       "run_id, dataset_name, dataset_digest FROM logged_model_metrics WHERE model_id IN ")
        + modelsOfExperiment);
    if (!stmt)
        return stmt.error();
    stmt->bind(1, experimentId);
    while (stmt->step()) {
        const auto it = index.constFind(stmt->text(0));
        if (it == index.constEnd())
            continue;
        // No is_nan column here: MLflow stores NaN as NULL.
        const double value = MlflowSqliteContext::metricValue(stmt->real(2), stmt->isNull(2));
        scan.models[*it].metrics.append(LoggedModelMetric {
            stmt->text(1), value, stmt->int64(3), stmt->int64(4), stmt->text(5), stmt->text(6), stmt->text(7) });
    }
    return m_context.finished(*stmt);
}

Result<LoggedModelScan> MlflowSqliteLoggedModels::scan(const Experiment& experiment) const
{
    LoggedModelScan scan;
    bool isNumber = false;
    const qint64 experimentId = experiment.experimentId.toLongLong(&isNumber);
    if (!m_context.schema().hasLoggedModels() || !isNumber)
        return scan;
    const MlflowSqliteReadTransaction snapshot(m_context);
    if (!snapshot.status())
        return snapshot.status().error();
    if (auto status = readModels(experimentId, experiment.experimentId, scan); !status)
        return status.error();
    ModelIndex index;
    for (qsizetype i = 0; i < scan.models.size(); ++i)
        index.insert(scan.models.at(i).modelId, i);
    const QString params = QStringLiteral("logged_model_params");
    const QString tags = QStringLiteral("logged_model_tags");
    Status status = readKeyValues(
        params, QStringLiteral("param_key"), QStringLiteral("param_value"), experimentId, index, true, scan);
    if (status)
        status = readKeyValues(
            tags, QStringLiteral("tag_key"), QStringLiteral("tag_value"), experimentId, index, false, scan);
    if (status)
        status = readMetrics(experimentId, index, scan);
    if (!status)
        return status.error();
    for (LoggedModel& model : scan.models) {
        CanonicalOrder::sort(model);
        StoreIssueList issues;
        const MlmodelSummary mlmodel
            = MlflowSqliteArtifacts::mlmodel(m_artifacts.localFolder(model.artifactLocation), issues);
        model.flavors = mlmodel.flavors;
        model.signatureInputs = mlmodel.signatureInputs;
        model.signatureOutputs = mlmodel.signatureOutputs;
        for (StoreIssue& issue : issues) {
            issue.experimentId = model.experimentId;
            issue.runId = model.sourceRunId;
        }
        scan.issues << issues;
    }
    std::sort(scan.models.begin(), scan.models.end(),
        [](const LoggedModel& a, const LoggedModel& b) { return a.modelId < b.modelId; });
    return scan;
}

} // namespace prov
