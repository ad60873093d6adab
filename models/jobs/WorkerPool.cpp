#include "jobs/WorkerPool.h"

#include "jobs/WorkerGroup.h"

#include <QThread>

#include <algorithm>

namespace prov {

WorkerPool::WorkerPool(int maxThreads)
{
    // A few jobs (a sync, a query, a layout) may run at once and each may fan out over
    // every core; idle threads expire, so a generous ceiling costs nothing.
    const int cores = std::max(2, QThread::idealThreadCount());
    m_pool.setMaxThreadCount(maxThreads > 0 ? maxThreads : std::max(8, 4 * cores));
    m_pool.setObjectName(QStringLiteral("provenance-workers"));
}

WorkerPool::~WorkerPool()
{
    m_pool.waitForDone();
}

void WorkerPool::runWorkers(int workers, const std::function<void()>& body)
{
    WorkerGroup group(*this, std::max(0, workers - 1), body);
    body();
    group.wait();
}

void WorkerPool::start(std::function<void()> job)
{
    m_pool.start(std::move(job));
}

void WorkerPool::waitForDone()
{
    m_pool.waitForDone();
}

} // namespace prov
