#pragma once

#include "cache/CacheLock.h"
#include "cache/RegistryCacheWriter.h"
#include "cache/RunCacheWriter.h"
#include "core/Result.h"
#include "core/SqliteDatabase.h"
#include "domain/Experiment.h"
#include "domain/StoreIssue.h"

#include <QList>
#include <QStringList>

#include <functional>
#include <memory>

namespace prov {

struct StoreDescription;
struct StoreLocation;

// What one sync did, as recorded in the cache's sync log and printed by `provenance sync`.
struct SyncRecord
{
    QString syncId;
    qint64 started = 0;
    qint64 finished = 0;
    QString outcome; // completed | cancelled | failed
    qint64 experiments = 0;
    qint64 runs = 0;
    qint64 runsRead = 0;
    qint64 metricPoints = 0;
    qint64 issues = 0;
    double seconds = 0.0;
};

// The cache's only writer. Owns one read-write connection and must be used from one thread
// (the sync thread); readers elsewhere use their own connections and see each commit whole
// (WAL). Every change happens between begin() and commit(), so a killed process leaves the
// cache as of the last commit and never half a run. It holds the cache's sync lock for its
// whole life (CacheLock): a second writer, in this process or another, waits until it is gone.
class CacheWriter
{
public:
    // Waits (polling `cancel`) while another writer holds the cache, calling `onWait` once.
    static Result<std::unique_ptr<CacheWriter>> open(const QString& path,
        const CancellationToken& cancel = CancellationToken(), const std::function<void()>& onWait = {});

    Status begin();
    Status commit();
    void rollback();
    bool inTransaction() const { return m_inTransaction; }

    Status writeStoreInfo(const StoreLocation& location, const StoreDescription& description);
    Status writeExperiments(const QList<Experiment>& experiments);
    // Removes cached experiments (and all their runs) that are not in `keepIds`.
    Status removeExperimentsExcept(const QStringList& keepIds);
    // Replaces the store-level issues (experiment listing, registry, logged models).
    Status replaceStoreIssues(const StoreIssueList& issues);
    Status recordSync(const SyncRecord& record);

    RunCacheWriter& runs() { return m_runs; }
    RegistryCacheWriter& registry() { return m_registry; }
    const SqliteDatabase& database() const { return m_db; }

private:
    CacheWriter(CacheLock useLock, CacheLock syncLock, SqliteDatabase db);
    Status setInfo(const QString& key, const QString& value);

    // Declared before the connection: released only after it is closed.
    CacheLock m_useLock;
    CacheLock m_syncLock;
    SqliteDatabase m_db;
    RunCacheWriter m_runs;
    RegistryCacheWriter m_registry;
    bool m_inTransaction = false;
};

} // namespace prov
