#include "jobs/JobContext.h"

namespace prov {
namespace {

constexpr qint64 progressIntervalMs = 66;

} // namespace

JobContext::JobContext(CancellationToken cancel, WorkerPool& workers, ProgressSink sink)
    : m_cancel(std::move(cancel))
    , m_workers(workers)
    , m_sink(std::move(sink))
{ }

void JobContext::setProgress(const JobProgress& progress, bool force)
{
    if (!m_sink)
        return;
    const bool last = progress.total > 0 && progress.done >= progress.total;
    if (!force && !last && m_sinceLast.isValid() && m_sinceLast.elapsed() < progressIntervalMs)
        return;
    m_sinceLast.start();
    m_sink(progress);
}

} // namespace prov
