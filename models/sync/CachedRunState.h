#pragma once

#include "core/Result.h"
#include "domain/StoreStamp.h"

#include <QByteArray>
#include <QHash>
#include <QString>

namespace prov {

class SqliteDatabase;

// What the cache already holds: the fingerprint of every cached run, loaded at the start of a
// sync, and the fingerprints of the metric histories of the runs that changed, loaded once
// they are known (a store of 10,000 runs x 60 metrics would otherwise load 600,000 for
// nothing). Read-only while the parallel store readers consult it, so they need no locks.
class CachedRunState
{
public:
    static Result<CachedRunState> load(const SqliteDatabase& db);
    // Loads the metric fingerprints of the cached runs among `runs`.
    Status loadMetricStamps(const SqliteDatabase& db, const QList<RunStamp>& runs);

    bool contains(const QString& runId) const { return m_runs.contains(runId); }
    bool runIsCurrent(const QString& runId, const QByteArray& fingerprint) const;
    bool metricIsCurrent(const QString& runId, const QString& key, const QByteArray& fingerprint) const;
    // Cached run ids of one experiment (to find runs that disappeared from the store).
    QStringList runsOfExperiment(const QString& experimentId) const;

private:
    struct CachedRun
    {
        QString experimentId;
        QByteArray fingerprint;
        QHash<QString, QByteArray> metrics;
    };
    QHash<QString, CachedRun> m_runs;
};

} // namespace prov
