#pragma once

#include "core/Result.h"

#include <QByteArray>
#include <QHash>
#include <QString>

namespace prov {

class SqliteDatabase;

// What the cache already holds, loaded once at the start of a sync: the fingerprint of every
// cached run and of every cached metric history. Read-only after loading, so the parallel
// store readers consult it without locks to decide what they can skip.
class CachedRunState
{
public:
    static Result<CachedRunState> load(const SqliteDatabase& db);

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
