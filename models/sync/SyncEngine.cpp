#include "sync/SyncEngine.h"

#include "cache/CacheWriter.h"
#include "core/LogCategories.h"
#include "journal/CacheHistoryImport.h"
#include "journal/JournalDatabase.h"
#include "store/StoreReader.h"
#include "sync/CachedRunState.h"
#include "sync/RunReadPipeline.h"
#include "sync/SyncSession.h"

namespace prov {

SyncEngine::SyncEngine(const StoreReader& reader, QString cachePath, WorkerPool& workers, SyncOptions options)
    : m_reader(reader)
    , m_cachePath(std::move(cachePath))
    , m_workers(workers)
    , m_options(options)
{ }

Result<SyncSummary> SyncEngine::run(const CancellationToken& cancel, const SyncProgressCallback& progress)
{
    // Another process syncing this store into this cache finishes first; this sync then finds
    // little left to read.
    auto writer = CacheWriter::open(m_cachePath, cancel, [&progress] {
        if (progress)
            progress(SyncProgress { SyncProgress::Phase::Scanning, 0, 0, 0,
                QStringLiteral("Waiting for another sync of this store to finish") });
    });
    if (!writer)
        return writer.error();
    SyncSession session(m_reader, **writer, cancel, progress);
    std::optional<SqliteDatabase> journal;
    if (!m_options.journalPath.isEmpty()) {
        auto opened = JournalDatabase::open(m_options.journalPath, JournalDatabase::Access::Write);
        if (opened)
            journal = std::move(opened).value();
        else
            session.noteJournalProblem(opened.error());
    }
    if (journal) {
        if (auto moved = CacheHistoryImport::run((*writer)->database(), *journal); !moved)
            session.noteJournalProblem(moved.error());
        session.setJournal(&*journal);
    }
    auto cached = CachedRunState::load((*writer)->database());
    if (!cached)
        return session.fail(cached.error());
    if (Status s = session.scan(*cached); !s)
        return session.fail(s.error());
    if (Status s = cached->loadMetricStamps((*writer)->database(), session.runsToRead()); !s)
        return session.fail(s.error());
    const CachedRunState& state = *cached;
    m_reader.prepareReads(session.runsToRead(), [&state](const RunStamp& run, const MetricStamp& metric) {
        return state.contains(run.runId) && state.metricIsCurrent(run.runId, metric.key, metric.fingerprint);
    });
    const int threads = m_options.readThreads > 0 ? m_options.readThreads : m_reader.maxConcurrentReads();
    RunReadPipeline pipeline(m_reader, *cached, **writer, m_workers, threads);
    if (Status s = session.syncRuns(pipeline); !s)
        return session.fail(s.error());
    if (Status s = session.syncModels(); !s)
        return session.fail(s.error());
    return session.finish();
}

} // namespace prov
