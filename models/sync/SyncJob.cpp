#include "sync/SyncJob.h"

#include "jobs/JobRunner.h"
#include "store/StoreReaderFactory.h"
#include "sync/SyncEngine.h"

#include <mutex>

namespace prov {
namespace {

const QString channel = QStringLiteral("sync");

Result<SyncSummary> syncStore(const StoreLocation& location, const QString& cachePath, const QString& journalPath,
    const std::optional<RestOptions>& server, JobContext& job)
{
    auto reader = server ? StoreReaderFactory::open(location, job.workers(), *server)
                         : StoreReaderFactory::open(location, job.workers());
    if (!reader)
        return reader.error();
    std::optional<SyncProgress::Phase> lastPhase;
    const auto report = [&job, &lastPhase](const SyncProgress& p) {
        const bool phaseChanged = p.phase != lastPhase;
        lastPhase = p.phase;
        job.setProgress(JobProgress { p.done, p.total, p.message, QVariant::fromValue(p) }, phaseChanged);
    };
    SyncOptions options;
    options.journalPath = journalPath;
    return SyncEngine(**reader, cachePath, job.workers(), options).run(job.cancellation(), report);
}

} // namespace

SyncJob::SyncJob(JobRunner& jobs, QObject* parent)
    : QObject(parent)
    , m_jobs(jobs)
{
    static std::once_flag registered;
    std::call_once(registered, [] {
        qRegisterMetaType<SyncProgress>();
        qRegisterMetaType<SyncSummary>();
        qRegisterMetaType<Error>();
    });
}

bool SyncJob::start(const StoreLocation& location, const QString& cachePath, const QString& journalPath,
    const std::optional<RestOptions>& server)
{
    if (isRunning())
        return false;
    m_jobs.run<SyncSummary>(
        channel,
        [location, cachePath, journalPath, server](
            JobContext& job) { return syncStore(location, cachePath, journalPath, server, job); },
        this, [this](const Result<SyncSummary>& result) { deliver(result); },
        [this](const JobProgress& progress) { Q_EMIT progressChanged(progress.detail.value<SyncProgress>()); });
    return true;
}

void SyncJob::cancel()
{
    m_jobs.cancel(channel);
}

bool SyncJob::isRunning() const
{
    return m_jobs.isRunning(channel);
}

void SyncJob::deliver(const Result<SyncSummary>& result)
{
    if (result)
        Q_EMIT succeeded(*result);
    else
        Q_EMIT failed(result.error());
}

} // namespace prov
