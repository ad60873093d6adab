#include "jobs/WorkerPool.h"

#include "jobs/WorkerGroup.h"

#include <QThread>

#include <algorithm>
#include <atomic>

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

void WorkerPool::forEachIndex(qsizetype count, const std::function<void(qsizetype)>& work)
{
    std::atomic<qsizetype> next { 0 };
    const auto body = [&] {
        for (qsizetype i = next++; i < count; i = next++)
            work(i);
    };
    const qsizetype cores = std::max(1, QThread::idealThreadCount());
    runWorkers(int(std::min(count, cores)), body);
}

void WorkerPool::forEachIndex(WorkerPool* pool, qsizetype count, const std::function<void(qsizetype)>& work)
{
    if (pool && count > 1) {
        pool->forEachIndex(count, work);
        return;
    }
    for (qsizetype i = 0; i < count; ++i)
        work(i);
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
