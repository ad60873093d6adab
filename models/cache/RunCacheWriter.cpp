#include "cache/RunCacheWriter.h"

#include "cache/MetricHistoryCodec.h"
#include "core/SqliteDatabase.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>

#include <cmath>

namespace prov {
namespace {

const QStringList runTables = { QStringLiteral("params"), QStringLiteral("tags"), QStringLiteral("dataset_inputs"),
    QStringLiteral("model_inputs"), QStringLiteral("model_outputs"), QStringLiteral("artifacts") };
const QStringList metricTables = { QStringLiteral("latest_metrics"), QStringLiteral("metric_histories") };

QString tagsJson(const KeyValueList& tags)
{
    QJsonObject object;
    for (const KeyValue& kv : tags)
        object.insert(kv.key, kv.value);
    return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact));
}

void bindValue(SqliteStatement& stmt, int index, double value)
{
    if (std::isnan(value))
        stmt.bindNull(index);
    else
        stmt.bind(index, value);
}

QByteArray stampOf(const QList<MetricStamp>& stamps, const QString& key)
{
    for (const MetricStamp& stamp : stamps) {
        if (stamp.key == key)
            return stamp.fingerprint;
    }
    return {};
}

} // namespace

RunCacheWriter::RunCacheWriter(const SqliteDatabase& db)
    : m_db(db)
{ }

Status RunCacheWriter::prepare()
{
    const std::pair<SqliteStatement*, const char*> statements[] = {
        { &m_upsertRun,
            "INSERT OR REPLACE INTO runs (run_id, experiment_id, run_name, status, lifecycle_stage, start_time, "
            "end_time,"
            " deleted_time, user_id, parent_run_id, artifact_uri, fingerprint) VALUES "
            "(?1,?2,?3,?4,?5,?6,?7,?8,?9,?10,?11,?12)" },
        { &m_insertParam, "INSERT OR REPLACE INTO params (run_id, key, value) VALUES (?1, ?2, ?3)" },
        { &m_insertTag, "INSERT OR REPLACE INTO tags (run_id, key, value) VALUES (?1, ?2, ?3)" },
        { &m_insertDataset,
            "INSERT INTO dataset_inputs (run_id, position, name, digest, source_type, source, schema, profile, context,"
            " tags_json) VALUES (?1,?2,?3,?4,?5,?6,?7,?8,?9,?10)" },
        { &m_insertModelInput, "INSERT OR IGNORE INTO model_inputs (run_id, model_id) VALUES (?1, ?2)" },
        { &m_insertModelOutput, "INSERT OR REPLACE INTO model_outputs (run_id, model_id, step) VALUES (?1, ?2, ?3)" },
        { &m_insertArtifact, "INSERT OR REPLACE INTO artifacts (run_id, path, is_dir, size) VALUES (?1, ?2, ?3, ?4)" },
        { &m_upsertLatest,
            "INSERT OR REPLACE INTO latest_metrics (run_id, key, value, step, timestamp, point_count, min_value,"
            " max_value, fingerprint) VALUES (?1,?2,?3,?4,?5,?6,?7,?8,?9)" },
        { &m_upsertHistory, "INSERT OR REPLACE INTO metric_histories (run_id, key, points) VALUES (?1, ?2, ?3)" },
        { &m_insertIssue,
            "INSERT INTO issues (scope, run_id, experiment_id, severity, location, message)"
            " VALUES ('run', ?1, ?2, ?3, ?4, ?5)" },
        { &m_cachedMetricKeys, "SELECT key FROM latest_metrics WHERE run_id = ?1" },
    };
    for (const auto& [statement, sql] : statements) {
        auto prepared = m_db.prepare(QString::fromUtf8(sql));
        if (!prepared)
            return prepared.error();
        *statement = std::move(prepared).value();
    }
    return {};
}

Status RunCacheWriter::write(const RunUpdate& update)
{
    const QString& runId = update.record.info.runId;
    if (update.cachedBefore) {
        if (Status s = clearRunRows(runId); !s)
            return s;
        if (Status s = removeVanishedMetrics(update); !s)
            return s;
    } else if (Status s = clearIssues(runId); !s) { // an earlier sync could not read it
        return s;
    }
    Status status = writeInfo(update);
    if (status)
        status = writeKeyValues(m_insertParam, runId, update.record.params);
    if (status)
        status = writeKeyValues(m_insertTag, runId, update.record.tags);
    if (status)
        status = writeInputs(update.record);
    if (status)
        status = writeArtifacts(update.record);
    if (status)
        status = writeMetrics(update);
    if (!status)
        return status;
    StoreIssueList issues = update.record.issues;
    issues += update.metricIssues;
    return writeIssues(runId, update.record.info.experimentId, issues);
}

Status RunCacheWriter::clearIssues(const QString& runId)
{
    auto clear = m_db.prepare(QStringLiteral("DELETE FROM issues WHERE run_id = ?1"));
    if (!clear)
        return clear.error();
    clear->bind(1, runId);
    return clear->exec();
}

Status RunCacheWriter::writeFailure(const RunStamp& stamp, const StoreIssue& issue)
{
    if (Status s = clearIssues(stamp.runId); !s)
        return s;
    return writeIssues(stamp.runId, stamp.experimentId, { issue });
}

Status RunCacheWriter::remove(const QStringList& runIds)
{
    QStringList tables = runTables + metricTables;
    tables << QStringLiteral("issues") << QStringLiteral("runs");
    for (const QString& table : std::as_const(tables)) {
        auto stmt = m_db.prepare(QStringLiteral("DELETE FROM ") + table + QStringLiteral(" WHERE run_id = ?1"));
        if (!stmt)
            return stmt.error();
        for (const QString& runId : runIds) {
            stmt->bind(1, runId);
            if (Status s = stmt->exec(); !s)
                return s;
        }
    }
    return {};
}

Status RunCacheWriter::clearRunRows(const QString& runId)
{
    QStringList tables = runTables;
    tables << QStringLiteral("issues");
    for (const QString& table : std::as_const(tables)) {
        auto stmt = m_db.prepare(QStringLiteral("DELETE FROM ") + table + QStringLiteral(" WHERE run_id = ?1"));
        if (!stmt)
            return stmt.error();
        stmt->bind(1, runId);
        if (Status s = stmt->exec(); !s)
            return s;
    }
    return {};
}

Status RunCacheWriter::writeInfo(const RunUpdate& update)
{
    const RunInfo& info = update.record.info;
    const QString parent = update.record.parentRunId();
    SqliteStatement& s = m_upsertRun;
    s.bind(1, info.runId);
    s.bind(2, info.experimentId);
    s.bind(3, info.runName);
    s.bind(4, runStatusName(info.status));
    s.bind(5, lifecycleStageName(info.lifecycleStage));
    s.bind(6, info.startTime);
    s.bind(7, info.endTime);
    s.bind(8, info.deletedTime);
    s.bind(9, info.userId);
    if (parent.isEmpty())
        s.bindNull(10);
    else
        s.bind(10, parent);
    s.bind(11, info.artifactUri);
    s.bind(12, update.stamp.fingerprint);
    return s.exec();
}

Status RunCacheWriter::writeKeyValues(SqliteStatement& insert, const QString& runId, const KeyValueList& values)
{
    for (const KeyValue& kv : values) {
        insert.bind(1, runId);
        insert.bind(2, kv.key);
        insert.bind(3, kv.value);
        if (Status s = insert.exec(); !s)
            return s;
    }
    return {};
}

Status RunCacheWriter::writeInputs(const RunRecord& record)
{
    const QString& runId = record.info.runId;
    int position = 0;
    for (const DatasetInput& input : record.datasetInputs) {
        SqliteStatement& s = m_insertDataset;
        s.bind(1, runId);
        s.bind(2, position++);
        s.bind(3, input.dataset.name);
        s.bind(4, input.dataset.digest);
        s.bind(5, input.dataset.sourceType);
        s.bind(6, input.dataset.source);
        s.bind(7, input.dataset.schema);
        s.bind(8, input.dataset.profile);
        s.bind(9, input.context());
        s.bind(10, tagsJson(input.tags));
        if (Status st = s.exec(); !st)
            return st;
    }
    for (const ModelInput& input : record.modelInputs) {
        m_insertModelInput.bind(1, runId);
        m_insertModelInput.bind(2, input.modelId);
        if (Status st = m_insertModelInput.exec(); !st)
            return st;
    }
    for (const ModelOutput& output : record.modelOutputs) {
        m_insertModelOutput.bind(1, runId);
        m_insertModelOutput.bind(2, output.modelId);
        m_insertModelOutput.bind(3, output.step);
        if (Status st = m_insertModelOutput.exec(); !st)
            return st;
    }
    return {};
}

Status RunCacheWriter::writeArtifacts(const RunRecord& record)
{
    for (const ArtifactEntry& entry : record.artifacts) {
        m_insertArtifact.bind(1, record.info.runId);
        m_insertArtifact.bind(2, entry.path);
        m_insertArtifact.bind(3, entry.isDir ? 1 : 0);
        m_insertArtifact.bind(4, entry.size);
        if (Status s = m_insertArtifact.exec(); !s)
            return s;
    }
    return {};
}

Status RunCacheWriter::writeMetrics(const RunUpdate& update)
{
    const QString& runId = update.record.info.runId;
    const bool trustFingerprints = update.metricIssues.isEmpty();
    for (const MetricHistoryRead& read : update.histories) {
        if (read.history.isEmpty())
            continue;
        const MetricSummary summary = MetricSummary::of(read.key, read.history);
        SqliteStatement& s = m_upsertLatest;
        s.bind(1, runId);
        s.bind(2, read.key);
        bindValue(s, 3, summary.latest.value);
        s.bind(4, summary.latest.step);
        s.bind(5, summary.latest.timestamp);
        s.bind(6, summary.pointCount);
        if (summary.minValue) {
            s.bind(7, *summary.minValue);
            s.bind(8, *summary.maxValue);
        }
        if (trustFingerprints)
            s.bind(9, stampOf(update.record.metrics, read.key));
        if (Status st = s.exec(); !st)
            return st;
        m_upsertHistory.bind(1, runId);
        m_upsertHistory.bind(2, read.key);
        m_upsertHistory.bind(3, MetricHistoryCodec::encode(read.history));
        if (Status st = m_upsertHistory.exec(); !st)
            return st;
    }
    return {};
}

Status RunCacheWriter::removeVanishedMetrics(const RunUpdate& update)
{
    QSet<QString> present;
    for (const MetricStamp& stamp : update.record.metrics)
        present.insert(stamp.key);
    QStringList vanished;
    m_cachedMetricKeys.bind(1, update.record.info.runId);
    while (m_cachedMetricKeys.step()) {
        QString key = m_cachedMetricKeys.text(0);
        if (!present.contains(key))
            vanished << key;
    }
    m_cachedMetricKeys.reset();
    for (const QString& table : metricTables) {
        auto stmt
            = m_db.prepare(QStringLiteral("DELETE FROM ") + table + QStringLiteral(" WHERE run_id = ?1 AND key = ?2"));
        if (!stmt)
            return stmt.error();
        for (const QString& key : std::as_const(vanished)) {
            stmt->bind(1, update.record.info.runId);
            stmt->bind(2, key);
            if (Status s = stmt->exec(); !s)
                return s;
        }
    }
    return {};
}

Status RunCacheWriter::writeIssues(const QString& runId, const QString& experimentId, const StoreIssueList& issues)
{
    for (const StoreIssue& issue : issues) {
        m_insertIssue.bind(1, runId);
        m_insertIssue.bind(2, experimentId);
        m_insertIssue.bind(3, StoreIssue::severityName(issue.severity));
        m_insertIssue.bind(4, issue.location);
        m_insertIssue.bind(5, issue.message);
        if (Status s = m_insertIssue.exec(); !s)
            return s;
    }
    return {};
}

} // namespace prov
