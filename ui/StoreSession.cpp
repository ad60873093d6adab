#include "StoreSession.h"

#include "cache/CacheLocator.h"
#include "journal/JournalLocator.h"
#include "store/StoreReachability.h"
#include "sync/CacheClear.h"
#include "sync/CacheUpgrade.h"

#include <QFileInfo>

namespace prov {

StoreSession::StoreSession(SessionOptions options, QObject* parent)
    : QObject(parent)
    , m_options(std::move(options))
    , m_sync(m_jobs)
    , m_queries(m_jobs)
    , m_writeBacks(m_jobs)
{
    // What a sync read back may now include what was just written.
    connect(&m_writeBacks, &WriteBackQueue::written, this, &StoreSession::syncNow);
    connect(&m_sync, &SyncJob::progressChanged, this, &StoreSession::syncProgress);
    connect(&m_sync, &SyncJob::succeeded, this, &StoreSession::onSyncSucceeded);
    connect(&m_sync, &SyncJob::failed, this, &StoreSession::onSyncFailed);
}

void StoreSession::setOptions(const SessionOptions& options)
{
    m_options = options;
    if (m_location)
        open(*m_location);
}

void StoreSession::open(const StoreLocation& location)
{
    m_location = location;
    m_cachePath = CacheLocator::databasePath(m_options.cacheFolder, location);
    holdCache();
    m_journalPath = m_options.journalFolder.isEmpty() ? QString()
                                                      : JournalLocator::databasePath(m_options.journalFolder, location);
    m_queries.setCachePath(m_cachePath);
    m_writeBacks.setStore(location, m_journalPath, serverOptions());
    m_hasCache = QFileInfo::exists(m_cachePath);
    m_offline = false; // until a sync attempt says otherwise (StoreReachability)
    m_info = CacheInfo();
    Q_EMIT storeChanged();
    if (m_hasCache) {
        Q_EMIT cacheChanged();
        refreshInfo();
    }
    if (m_sync.isRunning()) {
        m_syncAgain = true;
        m_sync.cancel();
    } else {
        startSync();
    }
}

void StoreSession::setServerOptions(const QString& uri, const RestOptions& options)
{
    m_serverOptions.insert(uri, options);
    if (m_location && m_location->uri == uri)
        m_writeBacks.setStore(m_location, m_journalPath, options);
}

std::optional<RestOptions> StoreSession::serverOptions() const
{
    return m_location ? serverOptions(m_location->uri) : std::nullopt;
}

std::optional<RestOptions> StoreSession::serverOptions(const QString& uri) const
{
    const auto server = m_serverOptions.constFind(uri);
    return server == m_serverOptions.cend() ? std::nullopt : std::optional<RestOptions>(*server);
}

void StoreSession::close()
{
    m_sync.cancel();
    m_syncAgain = false;
    m_location.reset();
    m_cacheUse.release();
    m_cachePath.clear();
    m_journalPath.clear();
    m_writeBacks.setStore(std::nullopt, {}, std::nullopt);
    m_hasCache = false;
    m_info = CacheInfo();
    Q_EMIT storeChanged();
}

void StoreSession::syncNow()
{
    if (m_location && !m_sync.isRunning())
        startSync();
}

void StoreSession::cancelSync()
{
    m_syncAgain = false;
    m_sync.cancel();
}

void StoreSession::startSync()
{
    if (!m_location)
        return;
    if (m_sync.start(*m_location, m_cachePath, m_journalPath, serverOptions()))
        Q_EMIT syncStarted();
}

Status StoreSession::clearCache()
{
    if (m_cachePath.isEmpty())
        return {};
    if (m_sync.isRunning()) {
        m_sync.cancel();
        return makeError(ErrorCode::InvalidArgument, tr("A sync is running; wait for it to stop and try again."));
    }
    m_cacheUse.release(); // this window's own use must not refuse its own clear
    const Status cleared = CacheClear::run(m_cachePath, m_journalPath);
    holdCache();
    if (!cleared)
        return cleared;
    m_hasCache = false;
    m_info = CacheInfo();
    Q_EMIT cacheChanged();
    Q_EMIT infoChanged();
    startSync();
    return {};
}

void StoreSession::onSyncSucceeded(const SyncSummary& summary)
{
    if (m_syncAgain) { // it was the previous store's sync: start the current one's
        m_syncAgain = false;
        startSync();
        return;
    }
    m_offline = false;
    m_hasCache = true;
    Q_EMIT syncFinished(summary);
    Q_EMIT cacheChanged();
    refreshInfo();
    m_writeBacks.push(); // the store was reached: queued write-backs go now
}

void StoreSession::upgradeOfflineCache()
{
    // Readers refuse a cache of an older schema, and no sync will migrate it while the store is
    // out of reach: migrate it without the store, then show it.
    if (!m_hasCache)
        return;
    m_jobs.run<bool>(
        QStringLiteral("cache:upgrade"),
        [cache = m_cachePath, journal = m_journalPath](JobContext&) -> Result<bool> {
            if (CacheReader::open(cache))
                return false; // readable as it is
            if (Status s = CacheUpgrade::run(cache, journal); !s)
                return s.error();
            return true;
        },
        this,
        [this](const Result<bool>& upgraded) {
            if (upgraded && *upgraded && m_hasCache) {
                Q_EMIT cacheChanged();
                refreshInfo();
            }
        });
}

void StoreSession::holdCache()
{
    // Shared with every other user; fails only during another process's clear, which is brief
    // and after which this session's own sync rebuilds the cache.
    auto lock = CacheLock::tryAcquire(m_cachePath, CacheLock::Kind::Use);
    if (lock)
        m_cacheUse = std::move(lock).value();
    else
        m_cacheUse.release();
}

void StoreSession::onSyncFailed(const Error& error)
{
    if (m_syncAgain) {
        m_syncAgain = false;
        startSync();
        return;
    }
    m_hasCache = QFileInfo::exists(m_cachePath);
    m_offline = StoreReachability::isOffline(error);
    if (m_offline) {
        upgradeOfflineCache();
        Q_EMIT syncFailed(makeError(error.code,
            (m_hasCache ? tr("The store is not reachable; showing cached data (%1).")
                        : tr("The store is not reachable and has never been read (%1)."))
                .arg(error.message),
            error.location));
        Q_EMIT infoChanged();
        return;
    }
    Q_EMIT syncFailed(error);
    // Whole runs written before a cancel or failure are in the cache: show them.
    if (m_hasCache) {
        Q_EMIT cacheChanged();
        refreshInfo();
    }
}

void StoreSession::refreshInfo()
{
    m_queries.run<CacheInfo>(
        QStringLiteral("info"), [](const CacheReader& cache) { return cache.info(); }, this,
        [this](const Result<CacheInfo>& info) {
            m_info = info ? *info : CacheInfo();
            Q_EMIT infoChanged();
        });
}

} // namespace prov
