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
    auto metrics = db.prepare(
        QStringLiteral("SELECT run_id, key, fingerprint FROM latest_metrics WHERE fingerprint IS NOT NULL"));
    if (!metrics)
        return metrics.error();
    while (metrics->step()) {
        auto run = state.m_runs.find(metrics->text(0));
        if (run != state.m_runs.end())
            run->metrics.insert(metrics->text(1), metrics->blob(2));
    }
    if (!metrics->lastStatus())
        return metrics->lastStatus().error();
    return state;
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
