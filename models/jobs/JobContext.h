#pragma once

#include "core/CancellationToken.h"
#include "jobs/JobProgress.h"

#include <QElapsedTimer>

#include <functional>

namespace prov {

class WorkerPool;

// What a job's work function is given: whether to stop, where to report progress, and the
// pool to fan out on. Progress is throttled here (about 15 updates a second, plus every
// forced one and the last of a phase), so work can report as often as it likes.
class JobContext
{
public:
    using ProgressSink = std::function<void(const JobProgress&)>;

    JobContext(CancellationToken cancel, WorkerPool& workers, ProgressSink sink = {});

    const CancellationToken& cancellation() const { return m_cancel; }
    bool isCancelled() const { return m_cancel.isCancelled(); }
    WorkerPool& workers() const { return m_workers; }

    // `force` delivers even a frequent update (a phase change, say).
    void setProgress(const JobProgress& progress, bool force = false);

private:
    CancellationToken m_cancel;
    WorkerPool& m_workers;
    ProgressSink m_sink;
    QElapsedTimer m_sinceLast;
};

} // namespace prov
