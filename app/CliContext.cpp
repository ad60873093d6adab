#include "CliContext.h"

#include "cache/CacheLocator.h"
#include "core/DisplayFormat.h"
#include "journal/JournalDatabase.h"
#include "journal/JournalLocator.h"
#include "query/CacheReader.h"
#include "registry/OutboxPusher.h"
#include "store/StoreReachability.h"
#include "store/StoreReaderFactory.h"
#include "sync/CacheUpgrade.h"
#include "sync/SyncEngine.h"
#include "sync/SyncJob.h"

#include <QDateTime>
#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QLocale>

#include <unistd.h>

namespace prov {
namespace {

// Draws "\r<phase> done/total" on a terminal at most every 100 ms.
class TerminalProgress
{
public:
    explicit TerminalProgress(QTextStream& err)
        : m_err(err)
        , m_enabled(isatty(STDERR_FILENO) == 1)
    {
        m_timer.start();
    }
    ~TerminalProgress()
    {
        if (m_enabled && m_drawn)
            m_err << "\r\033[K" << Qt::flush;
    }

    void update(const JobProgress& p)
    {
        if (!m_enabled || m_timer.elapsed() < 100)
            return;
        m_timer.restart();
        m_drawn = true;
        m_err << "\r\033[K" << p.message;
        if (p.total > 0)
            m_err << ' ' << p.done << '/' << p.total;
        const auto sync = p.detail.value<SyncProgress>();
        if (sync.metricPoints > 0)
            m_err << ", " << QLocale::c().toString(sync.metricPoints) << " points";
        if (sync.requests > 0)
            m_err << ", " << sync.requests << " requests, "
                  << QLocale::c().formattedDataSize(sync.bytesReceived, 1, QLocale::DataSizeTraditionalFormat);
        m_err << Qt::flush;
    }

private:
    QTextStream& m_err;
    QElapsedTimer m_timer;
    bool m_enabled;
    bool m_drawn = false;
};

} // namespace

CliContext::CliContext(QTextStream& out, QTextStream& err)
    : m_out(out)
    , m_err(err)
{ }

Status CliContext::resolve(const QString& storeArgument, const QString& cacheFolder)
{
    QString argument = storeArgument;
    if (argument.isEmpty())
        argument = StoreLocation::environmentUri();
    if (argument.isEmpty())
        return makeError(ErrorCode::InvalidArgument,
            QStringLiteral("no store given: pass a path to an mlruns folder or mlflow.db, or set MLFLOW_TRACKING_URI"));
    // The store may be gone while its cache remains, so a missing path is not an error here.
    auto location = StoreLocation::fromArgument(argument, QDir::currentPath(), StoreLocation::Existence::MayBeMissing);
    if (!location)
        return location.error();
    m_store = *location;
    const QString folder
        = cacheFolder.isEmpty() ? CacheLocator::defaultCacheFolder() : QFileInfo(cacheFolder).absoluteFilePath();
    m_cachePath = CacheLocator::databasePath(folder, m_store);
    m_journalPath = JournalLocator::databasePath(JournalLocator::defaultJournalFolder(), m_store);
    return {};
}

Result<SyncSummary> CliContext::syncOnce()
{
    TerminalProgress progress(m_err);
    return m_jobs.runHere<SyncSummary>(
        [this](JobContext& job) -> Result<SyncSummary> {
            auto reader = StoreReaderFactory::open(m_store, job.workers());
            if (!reader)
                return reader.error();
            SyncOptions options;
            options.journalPath = m_journalPath;
            return SyncEngine(**reader, m_cachePath, job.workers(), options)
                .run(job.cancellation(), [&job](const SyncProgress& p) {
                    job.setProgress(JobProgress { p.done, p.total, p.message, QVariant::fromValue(p) });
                });
        },
        [&progress](const JobProgress& p) { progress.update(p); });
}

Status CliContext::holdCache()
{
    if (m_cacheUse.isHeld())
        return {};
    // Waits only for a clear in progress, which takes a moment.
    auto lock = CacheLock::acquire(m_cachePath, CacheLock::Kind::Use, CancellationToken(), 10000);
    if (!lock)
        return lock.error();
    m_cacheUse = std::move(lock).value();
    return {};
}

Result<SyncSummary> CliContext::sync()
{
    if (Status s = holdCache(); !s)
        return s.error();
    auto summary = syncOnce();
    if (!summary)
        return summary;
    auto journal = JournalDatabase::open(m_journalPath, JournalDatabase::Access::Write);
    if (!journal)
        return summary; // the sync already reported it as a store-level issue
    auto report = OutboxPusher(m_store, *journal).pushAll(CancellationToken());
    if (!report || (report->written == 0 && report->refused == 0 && report->pending == 0))
        return summary;
    if (report->written > 0)
        m_err << "provenance: wrote " << report->written << " queued change(s) to the store\n";
    if (report->refused > 0)
        m_err << "provenance: the store refused " << report->refused << " queued change(s): " << report->problem
              << "; open the store in the app to review them\n";
    if (report->pending > 0)
        m_err << "provenance: " << report->pending << " change(s) stay queued: " << report->problem << '\n';
    return report->written > 0 ? syncOnce() : summary;
}

Result<bool> CliContext::cacheIsFreshEnough() const
{
    if (!m_noSync && m_maxAgeSeconds < 0)
        return false;
    auto cache = CacheReader::open(m_cachePath);
    const auto info = cache ? cache->info() : Result<CacheInfo>(cache.error());
    if (!info || !info->lastSyncFinished) {
        if (m_noSync)
            return makeError(ErrorCode::NotFound,
                QStringLiteral("--no-sync: no sync of this store ever completed; run without --no-sync once"),
                m_store.where());
        return false;
    }
    return m_noSync || QDateTime::currentMSecsSinceEpoch() - *info->lastSyncFinished < m_maxAgeSeconds * 1000;
}

Status CliContext::refreshOrUseCache()
{
    if (Status s = holdCache(); !s)
        return s;
    auto fresh = cacheIsFreshEnough();
    if (!fresh)
        return fresh.error();
    if (*fresh)
        return {};
    auto summary = sync();
    if (summary)
        return {};
    const Error& failure = summary.error();
    if (!StoreReachability::isOffline(failure))
        return failure;
    return useCacheOffline(failure);
}

Status CliContext::useCacheOffline(const Error& failure)
{
    // No sync will migrate the cache of a store out of reach: do it here, or it cannot be read.
    if (Status s = CacheUpgrade::run(m_cachePath, m_journalPath); !s)
        m_err << "provenance: the cache could not be upgraded: " << s.error().describe() << '\n';
    auto cache = CacheReader::open(m_cachePath);
    const auto info = cache ? cache->info() : Result<CacheInfo>(cache.error());
    if (!info || !info->lastSyncFinished)
        return makeError(failure.code,
            QStringLiteral("the store is not reachable (%1) and there is no cache of it from a completed sync")
                .arg(failure.message),
            failure.location.isEmpty() ? m_store.where() : failure.location);
    m_err << "provenance: offline: the store is not reachable (" << failure.describe()
          << "); answering from the cache last synced " << DisplayFormat::timestamp(info->lastSyncFinished) << '\n';
    return {};
}

Result<CacheReader> CliContext::freshCache()
{
    if (Status s = refreshOrUseCache(); !s)
        return s.error();
    return CacheReader::open(m_cachePath);
}

} // namespace prov
