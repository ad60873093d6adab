#pragma once

#include "cache/CacheLock.h"
#include "core/Result.h"
#include "jobs/JobRunner.h"
#include "query/CacheReader.h"
#include "store/StoreLocation.h"
#include "sync/SyncSummary.h"

#include <QString>
#include <QTextStream>

namespace prov {

// What every command-line verb shares: the resolved store (argument or MLFLOW_TRACKING_URI),
// the cache file for it (--cache folder or the default), its journal (under XDG_DATA_HOME),
// and output streams. Also brings the cache up to date, showing progress on stderr when it is
// a terminal, and pushes write-backs queued in the journal once the store is reachable. Work
// runs on the calling thread through its job runner, fanning out on the runner's pool.
class CliContext
{
public:
    CliContext(QTextStream& out, QTextStream& err);

    // Resolves the store argument (or MLFLOW_TRACKING_URI when empty) and the cache folder.
    Status resolve(const QString& storeArgument, const QString& cacheFolder);
    // --no-sync: listing verbs answer from the cache at once. --max-age: they skip the sync when
    // the last completed one is younger than `seconds`.
    void setNoSync() { m_noSync = true; }
    void setMaxAge(qint64 seconds) { m_maxAgeSeconds = seconds; }
    // Syncs the store into its cache (recording registry bindings in the journal), then pushes
    // queued write-backs and, when any was written, syncs again to read them back.
    Result<SyncSummary> sync();
    // Syncs when the store is reachable; otherwise explains on stderr that cached data is
    // used. Fails only when there is neither a store nor a cache.
    Status refreshOrUseCache();
    // refreshOrUseCache(), then opens the cache for reading.
    Result<CacheReader> freshCache();

    const StoreLocation& store() const { return m_store; }
    const QString& cachePath() const { return m_cachePath; }
    const QString& journalPath() const { return m_journalPath; }
    QTextStream& out() { return m_out; }
    QTextStream& err() { return m_err; }
    JobRunner& jobs() { return m_jobs; }

private:
    // Takes the cache's shared use lock for the rest of the command: a clear elsewhere is
    // refused until this command ends (its sync and its reads see one cache).
    Status holdCache();

    QTextStream& m_out;
    QTextStream& m_err;
    StoreLocation m_store;
    Result<SyncSummary> syncOnce();
    Status useCacheOffline(const Error& failure);

    Result<bool> cacheIsFreshEnough() const;

    QString m_cachePath;
    QString m_journalPath;
    CacheLock m_cacheUse;
    bool m_noSync = false;
    qint64 m_maxAgeSeconds = -1;
    JobRunner m_jobs;
};

} // namespace prov
