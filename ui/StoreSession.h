#pragma once

#include "WriteBackQueue.h"
#include "cache/CacheLock.h"
#include "core/Result.h"
#include "jobs/JobRunner.h"
#include "query/CacheInfo.h"
#include "query/CacheQueryRunner.h"
#include "store/StoreLocation.h"
#include "sync/SyncJob.h"

#include <QHash>
#include <QObject>

#include <optional>

namespace prov {

// Settings the session needs, read by the main window from QSettings and passed down.
struct SessionOptions
{
    QString cacheFolder; // where per-store caches live
    QString journalFolder {}; // where per-store journals live; empty: no journal (nothing recorded)
};

// The store the window shows: its location, its cache, the sync that keeps the cache
// current, the query runner pages use to read it, and the job runner every piece of
// background work of the window runs on. Pages never touch the store; they
// reload when cacheChanged() says the cache has new content. Opening a store shows its
// cache at once (when there is one) and syncs in the background; a store that is gone is
// shown from its cache alone.
class StoreSession : public QObject
{
    Q_OBJECT

public:
    explicit StoreSession(SessionOptions options, QObject* parent = nullptr);

    void setOptions(const SessionOptions& options);
    const SessionOptions& options() const { return m_options; }

    // Switches to `location` (cancelling a running sync of the previous store).
    void open(const StoreLocation& location);
    // How to reach the tracking server at `uri` (credentials typed in the app, kept in memory
    // only); servers without options use the environment's.
    void setServerOptions(const QString& uri, const RestOptions& options);
    // The options set for the open store's server; none: the environment's.
    std::optional<RestOptions> serverOptions() const;
    // The options set for the server at `uri`; none: the environment's.
    std::optional<RestOptions> serverOptions(const QString& uri) const;
    void close();
    void syncNow();
    void cancelSync();
    // Deletes this store's cache file (after stopping any sync) and syncs again if possible;
    // refused while another process (or a query of this one) uses the cache.
    Status clearCache();

    bool isOpen() const { return m_location.has_value(); }
    const std::optional<StoreLocation>& location() const { return m_location; }
    const QString& cachePath() const { return m_cachePath; }
    // The store's journal (alias and stage history, card drafts, queued write-backs); empty
    // without a journal folder.
    const QString& journalPath() const { return m_journalPath; }
    WriteBackQueue* writeBacks() { return &m_writeBacks; }
    bool hasCache() const { return m_hasCache; }
    bool isSyncing() const { return m_sync.isRunning(); }
    // The store could not be reached at the last attempt: the cache is all there is.
    bool isOffline() const { return m_offline; }
    const CacheInfo& cacheInfo() const { return m_info; }
    CacheQueryRunner* queries() { return &m_queries; }
    JobRunner* jobs() { return &m_jobs; }

Q_SIGNALS:
    void storeChanged();
    // The cache has new content (opened, or a sync committed): reload what is shown.
    void cacheChanged();
    void infoChanged();
    void syncStarted();
    void syncProgress(const prov::SyncProgress& progress);
    void syncFinished(const prov::SyncSummary& summary);
    void syncFailed(const prov::Error& error);

private:
    void onSyncSucceeded(const SyncSummary& summary);
    void onSyncFailed(const Error& error);
    void refreshInfo();
    void startSync();
    void holdCache();
    void upgradeOfflineCache();

    SessionOptions m_options;
    std::optional<StoreLocation> m_location;
    QString m_cachePath;
    QString m_journalPath;
    bool m_hasCache = false;
    bool m_offline = false;
    bool m_syncAgain = false; // a store switch or clear arrived while a sync was running
    QHash<QString, RestOptions> m_serverOptions; // by server URI
    CacheInfo m_info;
    // Shared while the store is open: a `provenance clear` elsewhere is refused meanwhile.
    CacheLock m_cacheUse;
    JobRunner m_jobs; // first in, last out: it waits for the jobs the others started
    SyncJob m_sync;
    CacheQueryRunner m_queries;
    WriteBackQueue m_writeBacks;
};

} // namespace prov
