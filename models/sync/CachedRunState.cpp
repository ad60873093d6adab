#include "sync/CachedRunState.h"

#include "core/SqliteDatabase.h"

#include <QStringList>

namespace prov {

Result<CachedRunState> CachedRunState::load(const SqliteDatabase& db)
{
    CachedRunState state;
    auto runs = db.prepare(QStringLiteral("SELECT run_id, experiment_id, fingerprint FROM runs"));
    if (!runs)
        return runs.error();
    while (runs->step())
        state.m_runs.insert(runs->text(0), CachedRun { runs->text(1), runs->blob(2), {} });
    if (!runs->lastStatus())
        return runs->lastStatus().error();
    return state;
}

Status CachedRunState::loadMetricStamps(const SqliteDatabase& db, const QList<RunStamp>& runs)
{
    auto metrics = db.prepare(
        QStringLiteral("SELECT key, fingerprint FROM latest_metrics WHERE run_id = ?1 AND fingerprint IS NOT NULL"));
    if (!metrics)
        return metrics.error();
    for (const RunStamp& stamp : runs) {
        auto run = m_runs.find(stamp.runId);
        if (run == m_runs.end())
            continue;
        metrics->bind(1, stamp.runId);
        while (metrics->step())
            run->metrics.insert(metrics->text(0), metrics->blob(1));
        if (!metrics->lastStatus())
            return metrics->lastStatus();
        metrics->reset();
    }
    return {};
}

bool CachedRunState::runIsCurrent(const QString& runId, const QByteArray& fingerprint) const
{
    const auto run = m_runs.constFind(runId);
    return run != m_runs.cend() && !fingerprint.isEmpty() && run->fingerprint == fingerprint;
}

bool CachedRunState::metricIsCurrent(const QString& runId, const QString& key, const QByteArray& fingerprint) const
{
    const auto run = m_runs.constFind(runId);
    if (run == m_runs.cend() || fingerprint.isEmpty())
        return false;
    const auto metric = run->metrics.constFind(key);
    return metric != run->metrics.cend() && *metric == fingerprint;
}

QStringList CachedRunState::runsOfExperiment(const QString& experimentId) const
{
    QStringList ids;
    for (auto it = m_runs.cbegin(); it != m_runs.cend(); ++it) {
        if (it->experimentId == experimentId)
            ids << it.key();
    }
    return ids;
}

} // namespace prov
