#include "store/sqlite/MlflowSqliteRunScanner.h"

#include "store/sqlite/MlflowSqliteContext.h"
#include "store/sqlite/MlflowSqliteFingerprint.h"
#include "store/sqlite/MlflowSqliteReadTransaction.h"

#include <algorithm>

namespace prov {
namespace {

// Rows are matched to runs through this subquery so that every query uses the
// run_uuid indexes instead of scanning whole tables.
const QString runsOfExperiment = QStringLiteral("(SELECT run_uuid FROM runs WHERE experiment_id = ?1)");

constexpr int cancelCheckInterval = 4096;

QString keyValueQuery(const QString& table)
{
    return QStringLiteral("SELECT run_uuid, key, value FROM ") + table + QStringLiteral(" WHERE run_uuid IN ")
        + runsOfExperiment + QStringLiteral(" ORDER BY run_uuid, key");
}

QString inputsQuery(const MlflowSqliteSchema& schema)
{
    // Dataset inputs point at the run (destination); model inputs and outputs start from it.
    const QString step = schema.columnOrNull(QStringLiteral("inputs"), QStringLiteral("step"), QStringLiteral("i"));
    const QString columns = QStringLiteral(", i.input_uuid, i.source_type, i.destination_type, ") + step
        + QStringLiteral(", t.name, t.value FROM inputs i LEFT JOIN input_tags t ON t.input_uuid = i.input_uuid ");
    return QStringLiteral("SELECT i.destination_id AS run_id, i.source_id") + columns
        + QStringLiteral("WHERE i.destination_type = 'RUN' AND i.destination_id IN ") + runsOfExperiment
        + QStringLiteral(" UNION ALL SELECT i.source_id AS run_id, i.destination_id") + columns
        + QStringLiteral("WHERE i.source_type IN ('RUN_INPUT', 'RUN_OUTPUT') AND i.source_id IN ") + runsOfExperiment
        + QStringLiteral(" ORDER BY 1, 3, 7");
}

// Rows (column 0 = run id, ?1 = experiment id) whose exact values go into the run stamps.
struct StampQuery
{
    QString sql;
    char section;
    QLatin1StringView kinds; // see MlflowSqliteFingerprint::addRow
};

QList<StampQuery> stampQueries(const MlflowSqliteSchema& schema)
{
    QList<StampQuery> queries {
        { keyValueQuery(QStringLiteral("tags")), 'T', QLatin1StringView("tt") },
        { keyValueQuery(QStringLiteral("params")), 'P', QLatin1StringView("tt") },
        { QStringLiteral("SELECT run_uuid, key, value, timestamp, step, is_nan FROM latest_metrics WHERE run_uuid IN ")
                + runsOfExperiment + QStringLiteral(" ORDER BY run_uuid, key"),
            'L', QLatin1StringView("triii") },
        // Catches points logged below the latest step, which leave latest_metrics as it is.
        // MLflow only ever inserts metric rows, so the newest rowid of a run moves with every
        // new point; it is one index seek per run where count(*) read every point (5x slower).
        { QStringLiteral("SELECT r.run_uuid, (SELECT max(m.rowid) FROM metrics m WHERE m.run_uuid = r.run_uuid)"
                         " FROM runs r WHERE r.experiment_id = ?1 ORDER BY r.run_uuid"),
            'C', QLatin1StringView("i") },
    };
    if (schema.hasInputs())
        queries.append({ inputsQuery(schema), 'I', QLatin1StringView("ttttitt") });
    return queries;
}

} // namespace

MlflowSqliteRunScanner::MlflowSqliteRunScanner(const MlflowSqliteContext& context)
    : m_context(context)
{ }

Status MlflowSqliteRunScanner::readRunRows(
    qint64 experimentId, const QString& experimentKey, Fingerprints& prints, StoreIssueList& issues) const
{
    const MlflowSqliteSchema& schema = m_context.schema();
    auto stmt = m_context.prepare(
        QStringLiteral("SELECT run_uuid, status, lifecycle_stage, name, source_type, source_name, entry_point_name, "
                       "user_id, start_time, end_time, source_version, artifact_uri, experiment_id, ")
        + schema.columnOrNull(QStringLiteral("runs"), QStringLiteral("deleted_time"))
        + QStringLiteral(" FROM runs WHERE experiment_id = ?1 ORDER BY run_uuid"));
    if (!stmt)
        return stmt.error();
    stmt->bind(1, experimentId);
    while (stmt->step()) {
        const QString runId = stmt->text(0);
        const QString status = stmt->text(1);
        const QString stage = stmt->text(2);
        if (!runStatusFromName(status)) {
            issues << m_context.issue(QStringLiteral("runs"), runId,
                QStringLiteral("unknown run status '%1'; the run is skipped").arg(status), experimentKey, runId);
            continue;
        }
        if (!lifecycleStageFromName(stage)) {
            issues << m_context.issue(QStringLiteral("runs"), runId,
                QStringLiteral("unknown lifecycle stage '%1'; the run is skipped").arg(stage), experimentKey, runId);
            continue;
        }
        prints[runId].addRow('R', *stmt, 1, QLatin1StringView("tttttttiittii"));
    }
    return m_context.finished(*stmt);
}

Status MlflowSqliteRunScanner::addRows(const QString& sql, qint64 experimentId, char section, QLatin1StringView kinds,
    Fingerprints& prints, const CancellationToken& cancel) const
{
    auto stmt = m_context.prepare(sql);
    if (!stmt)
        return stmt.error();
    stmt->bind(1, experimentId);
    int rows = 0;
    // Rows come ordered by run: look a run up once, not once per row (3 M param rows for
    // 10,000 runs with 300 params each).
    QByteArray currentRun;
    auto current = prints.end();
    while (stmt->step()) {
        if (++rows % cancelCheckInterval == 0 && cancel.isCancelled())
            return m_context.cancelled();
        if (const QByteArrayView runId = stmt->utf8(0); runId != currentRun) {
            currentRun = runId.toByteArray();
            current = prints.find(QString::fromUtf8(currentRun));
        }
        if (current != prints.end())
            current->addRow(section, *stmt, 1, kinds);
    }
    return m_context.finished(*stmt);
}

Result<RunScan> MlflowSqliteRunScanner::scan(const Experiment& experiment, const CancellationToken& cancel) const
{
    bool isNumber = false;
    const qint64 experimentId = experiment.experimentId.toLongLong(&isNumber);
    if (!isNumber) {
        return makeError(ErrorCode::NotFound,
            QStringLiteral("experiment id '%1' is not an id of this database").arg(experiment.experimentId),
            m_context.path());
    }
    RunScan scan;
    Fingerprints prints;
    // One snapshot for the run rows and every stamp query: a run's fingerprint never mixes
    // the state before a write with the state after it.
    const MlflowSqliteReadTransaction snapshot(m_context);
    if (!snapshot.status())
        return snapshot.status().error();
    if (auto status = readRunRows(experimentId, experiment.experimentId, prints, scan.issues); !status)
        return status.error();

    for (const StampQuery& part : stampQueries(m_context.schema())) {
        if (cancel.isCancelled())
            return m_context.cancelled();
        if (auto status = addRows(part.sql, experimentId, part.section, part.kinds, prints, cancel); !status)
            return status.error();
    }

    scan.runs.reserve(prints.size());
    for (auto it = prints.cbegin(); it != prints.cend(); ++it)
        scan.runs.append(RunStamp { it.key(), experiment.experimentId, it->result(), {} });
    std::sort(
        scan.runs.begin(), scan.runs.end(), [](const RunStamp& a, const RunStamp& b) { return a.runId < b.runId; });
    return scan;
}

} // namespace prov
