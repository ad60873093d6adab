#include "sync/RunReadPipeline.h"

#include "cache/CacheWriter.h"
#include "core/BoundedQueue.h"
#include "domain/LogModelHistory.h"
#include "jobs/WorkerGroup.h"
#include "store/StoreReader.h"
#include "sync/CachedRunState.h"

#include <QElapsedTimer>

#include <atomic>

namespace prov {
namespace {

// Whole runs are committed together at most this often: few enough commits to be fast,
// frequent enough that a cancel or kill loses little work.
constexpr qint64 commitIntervalMs = 250;

// One unit of work travelling from a reader thread to the writer.
struct PipelineItem
{
    RunUpdate update;
    QList<LoggedModel> historyModels;
    std::optional<StoreIssue> failure;
    qint64 pointsRead = 0;
};

PipelineItem readOne(const StoreReader& reader, const CachedRunState& cached, const RunStamp& stamp)
{
    PipelineItem item;
    item.update.stamp = stamp;
    item.update.cachedBefore = cached.contains(stamp.runId);
    auto record = reader.readRun(stamp);
    if (!record) {
        item.failure = StoreIssue { StoreIssue::Severity::Error, record.error().location,
            QStringLiteral("run could not be read: ") + record.error().message, stamp.experimentId, stamp.runId };
        return item;
    }
    item.update.record = std::move(record).value();
    QStringList keys;
    for (const MetricStamp& metric : item.update.record.metrics) {
        if (!item.update.cachedBefore || !cached.metricIsCurrent(stamp.runId, metric.key, metric.fingerprint))
            keys << metric.key;
    }
    if (!keys.isEmpty()) {
        auto metrics = reader.readMetrics(stamp, keys);
        if (!metrics) {
            // Not written at all: its cached copy stays, and the next sync reads it again (had
            // it been written without histories, its stamp would say it is current).
            item.failure = StoreIssue { StoreIssue::Severity::Error, metrics.error().location,
                QStringLiteral("metrics could not be read: ") + metrics.error().message, stamp.experimentId,
                stamp.runId };
            return item;
        }
        item.update.histories = std::move(metrics->histories);
        item.update.metricIssues = std::move(metrics->issues);
    }
    for (const MetricHistoryRead& read : std::as_const(item.update.histories))
        item.pointsRead += read.history.size();
    item.historyModels = LogModelHistory::modelsOf(item.update.record, item.update.record.issues);
    return item;
}

Status writeOne(CacheWriter& writer, const PipelineItem& item)
{
    if (item.failure)
        return writer.runs().writeFailure(item.update.stamp, *item.failure);
    if (Status s = writer.runs().write(item.update); !s)
        return s;
    return writer.registry().replaceRunHistoryModels(item.update.record.info.runId, item.historyModels);
}

} // namespace

RunReadPipeline::RunReadPipeline(
    const StoreReader& reader, const CachedRunState& cached, CacheWriter& writer, WorkerPool& workers, int threads)
    : m_reader(reader)
    , m_cached(cached)
    , m_writer(writer)
    , m_workers(workers)
    , m_threads(std::max(1, threads))
{ }

Result<RunReadPipeline::Outcome> RunReadPipeline::run(
    const QList<RunStamp>& stamps, const CancellationToken& cancel, const ProgressCallback& progress)
{
    Outcome outcome;
    if (stamps.isEmpty())
        return outcome;
    const int threadCount = static_cast<int>(std::min<qsizetype>(m_threads, stamps.size()));
    BoundedQueue<PipelineItem> queue(static_cast<std::size_t>(threadCount) * 16);
    std::atomic<qsizetype> next { 0 };
    std::atomic<int> running { threadCount };
    std::atomic<bool> storeLost { false };
    auto work = [&] {
        for (qsizetype i = next++; i < stamps.size() && !cancel.isCancelled() && !storeLost; i = next++) {
            if (!queue.push(readOne(m_reader, m_cached, stamps[i])))
                break;
        }
        if (--running == 0)
            queue.close();
    };
    WorkerGroup readers(m_workers, threadCount, work);
    // Workers that could not start will never close the queue: count them out now (whoever
    // brings the count to zero closes it).
    if (const int missing = threadCount - readers.started(); missing > 0 && (running -= missing) == 0)
        queue.close();
    // With no reader thread free, this thread reads each run before writing it.
    const auto nextItem = [&]() -> std::optional<PipelineItem> {
        if (readers.started() > 0)
            return queue.pop();
        const qsizetype i = next++;
        if (i >= stamps.size())
            return std::nullopt;
        return readOne(m_reader, m_cached, stamps[i]);
    };

    Status status = m_writer.begin();
    std::optional<Error> lost;
    QElapsedTimer sinceCommit;
    sinceCommit.start();
    while (status) {
        std::optional<PipelineItem> item = nextItem();
        if (!item || cancel.isCancelled())
            break;
        // The store went away: this run's failure is not the run's fault; stop here.
        if (item->failure && (lost = m_reader.lostConnection())) {
            storeLost = true;
            break;
        }
        status = writeOne(m_writer, *item);
        ++(item->failure ? outcome.runsFailed : outcome.runsRead);
        outcome.metricPointsRead += item->pointsRead;
        if (status && sinceCommit.elapsed() >= commitIntervalMs) {
            status = m_writer.commit();
            if (status)
                status = m_writer.begin();
            sinceCommit.restart();
        }
        if (progress)
            progress(outcome.runsRead + outcome.runsFailed, outcome.metricPointsRead);
    }
    queue.close();
    readers.wait();
    outcome.cancelled = cancel.isCancelled();
    if (!status) {
        m_writer.rollback();
        return status.error();
    }
    // Whole runs written so far are kept even when cancelled or cut off: each is complete on
    // its own.
    if (Status s = m_writer.commit(); !s)
        return s.error();
    if (lost)
        return *lost;
    return outcome;
}

} // namespace prov
