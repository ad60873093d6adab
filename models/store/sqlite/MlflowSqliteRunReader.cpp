#include "store/sqlite/MlflowSqliteRunReader.h"

#include "domain/CanonicalOrder.h"
#include "domain/MlflowTags.h"
#include "store/sqlite/MlflowSqliteArtifacts.h"
#include "store/sqlite/MlflowSqliteContext.h"
#include "store/sqlite/MlflowSqliteMetricReader.h"
#include "store/sqlite/MlflowSqliteReadTransaction.h"

#include <algorithm>

namespace prov {
MlflowSqliteRunReader::MlflowSqliteRunReader(const MlflowSqliteContext& context, const MlflowSqliteArtifacts& artifacts)
    : m_context(context)
    , m_artifacts(artifacts)
{ }

Status MlflowSqliteRunReader::readInfo(const QString& runId, RunRecord& record) const
{
    auto stmt = m_context.prepare(
        QStringLiteral("SELECT run_uuid, experiment_id, name, status, lifecycle_stage, user_id, artifact_uri, "
                       "start_time, end_time, ")
        + m_context.schema().columnOrNull(QStringLiteral("runs"), QStringLiteral("deleted_time"))
        + QStringLiteral(" FROM runs WHERE run_uuid = ?1"));
    if (!stmt)
        return stmt.error();
    stmt->bind(1, runId);
    if (!stmt->step()) {
        if (auto status = m_context.finished(*stmt); !status)
            return status;
        return makeError(ErrorCode::NotFound, QStringLiteral("run %1 does not exist").arg(runId), m_context.path());
    }
    RunInfo& info = record.info;
    info.runId = stmt->text(0);
    info.experimentId = QString::number(stmt->int64(1));
    info.runName = stmt->text(2);
    const auto status = runStatusFromName(stmt->text(3));
    const auto stage = lifecycleStageFromName(stmt->text(4));
    if (!status || !stage) {
        return makeError(ErrorCode::Corrupt,
            QStringLiteral("run %1 has an unknown status '%2' or lifecycle stage '%3'")
                .arg(runId, stmt->text(3), stmt->text(4)),
            m_context.location(QStringLiteral("runs"), runId));
    }
    info.status = *status;
    info.lifecycleStage = *stage;
    info.userId = stmt->text(5);
    info.artifactUri = stmt->text(6);
    info.startTime = stmt->optionalInt64(7);
    info.endTime = stmt->optionalInt64(8);
    info.deletedTime = stmt->optionalInt64(9);
    return {};
}

Result<KeyValueList> MlflowSqliteRunReader::readKeyValues(const QString& table, const QString& runId) const
{
    auto stmt
        = m_context.prepare(QStringLiteral("SELECT key, value FROM ") + table + QStringLiteral(" WHERE run_uuid = ?1"));
    if (!stmt)
        return stmt.error();
    stmt->bind(1, runId);
    KeyValueList list;
    while (stmt->step())
        list.append(KeyValue { stmt->text(0), stmt->text(1) });
    if (auto status = m_context.finished(*stmt); !status)
        return status.error();
    CanonicalOrder::sortByKey(list);
    return list;
}

Result<QHash<QString, KeyValueList>> MlflowSqliteRunReader::readInputTags(const QString& runId) const
{
    auto stmt = m_context.prepare(QStringLiteral(
        "SELECT t.input_uuid, t.name, t.value FROM input_tags t JOIN inputs i ON i.input_uuid = t.input_uuid "
        "WHERE i.destination_type = 'RUN' AND i.destination_id = ?1 AND i.source_type = 'DATASET'"));
    if (!stmt)
        return stmt.error();
    stmt->bind(1, runId);
    QHash<QString, KeyValueList> tags;
    while (stmt->step())
        tags[stmt->text(0)].append(KeyValue { stmt->text(1), stmt->text(2) });
    if (auto status = m_context.finished(*stmt); !status)
        return status.error();
    for (KeyValueList& list : tags)
        CanonicalOrder::sortByKey(list);
    return tags;
}

Status MlflowSqliteRunReader::readDatasetInputs(const QString& runId, RunRecord& record) const
{
    auto tags = readInputTags(runId);
    if (!tags)
        return tags.error();
    auto stmt = m_context.prepare(QStringLiteral(
        "SELECT i.input_uuid, i.source_id, d.name, d.digest, d.dataset_source_type, d.dataset_source, "
        "d.dataset_schema, d.dataset_profile FROM inputs i LEFT JOIN datasets d ON d.dataset_uuid = i.source_id "
        "WHERE i.destination_type = 'RUN' AND i.destination_id = ?1 AND i.source_type = 'DATASET'"));
    if (!stmt)
        return stmt.error();
    stmt->bind(1, runId);
    while (stmt->step()) {
        if (stmt->isNull(2)) {
            record.issues << m_context.issue(QStringLiteral("inputs"), stmt->text(0),
                QStringLiteral("dataset input refers to dataset %1, which does not exist").arg(stmt->text(1)),
                record.info.experimentId, runId);
            continue;
        }
        const Dataset dataset { stmt->text(2), stmt->text(3), stmt->text(4), stmt->text(5), stmt->text(6),
            stmt->text(7) };
        record.datasetInputs.append(DatasetInput { dataset, tags->value(stmt->text(0)) });
    }
    if (auto status = m_context.finished(*stmt); !status)
        return status;
    CanonicalOrder::sort(record.datasetInputs);
    return {};
}

Status MlflowSqliteRunReader::readModelLinks(const QString& runId, RunRecord& record) const
{
    const QString step = m_context.schema().columnOrNull(QStringLiteral("inputs"), QStringLiteral("step"));
    auto stmt = m_context.prepare(QStringLiteral("SELECT source_type, destination_type, destination_id, ") + step
        + QStringLiteral(" FROM inputs WHERE source_type IN ('RUN_INPUT', 'RUN_OUTPUT') AND source_id = ?1"));
    if (!stmt)
        return stmt.error();
    stmt->bind(1, runId);
    while (stmt->step()) {
        const QString source = stmt->text(0);
        const QString destination = stmt->text(1);
        if (source == QLatin1String("RUN_INPUT") && destination == QLatin1String("MODEL_INPUT"))
            record.modelInputs.append(ModelInput { stmt->text(2) });
        else if (source == QLatin1String("RUN_OUTPUT") && destination == QLatin1String("MODEL_OUTPUT"))
            record.modelOutputs.append(ModelOutput { stmt->text(2), stmt->int64(3) });
    }
    if (auto status = m_context.finished(*stmt); !status)
        return status;
    std::sort(record.modelInputs.begin(), record.modelInputs.end(),
        [](const ModelInput& a, const ModelInput& b) { return a.modelId < b.modelId; });
    std::sort(record.modelOutputs.begin(), record.modelOutputs.end(), [](const ModelOutput& a, const ModelOutput& b) {
        return a.modelId != b.modelId ? a.modelId < b.modelId : a.step < b.step;
    });
    return {};
}

Result<RunRecord> MlflowSqliteRunReader::read(const QString& runId) const
{
    const MlflowSqliteReadTransaction snapshot(m_context);
    if (!snapshot.status())
        return snapshot.status().error();
    RunRecord record;
    if (auto status = readInfo(runId, record); !status)
        return status.error();
    auto params = readKeyValues(QStringLiteral("params"), runId);
    if (!params)
        return params.error();
    record.params = std::move(params).value();
    auto tags = readKeyValues(QStringLiteral("tags"), runId);
    if (!tags)
        return tags.error();
    record.tags = std::move(tags).value();
    if (record.info.runName.isEmpty())
        record.info.runName = valueOf(record.tags, MlflowTags::RunName);
    if (m_context.schema().hasInputs()) {
        if (auto status = readDatasetInputs(runId, record); !status)
            return status.error();
        if (auto status = readModelLinks(runId, record); !status)
            return status.error();
    }
    auto metrics = MlflowSqliteMetricReader(m_context).stamps(runId);
    if (!metrics)
        return metrics.error();
    record.metrics = std::move(metrics).value();
    record.artifacts = MlflowSqliteArtifacts::list(m_artifacts.localFolder(record.info.artifactUri));
    return record;
}

} // namespace prov
