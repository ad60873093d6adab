#pragma once

#include <QThreadPool>

#include <functional>

namespace prov {

// The threads every piece of background work runs on: jobs started by JobRunner and the
// fan-out inside them (reading runs of a store in parallel, scanning run folders). Fan-out
// never waits for a free thread: it starts what the pool can take at once and the caller
// does its share, so a busy pool slows work down but can never deadlock it.
class WorkerPool
{
public:
    // `maxThreads` <= 0: enough for a few jobs at once, each fanning out over every core.
    explicit WorkerPool(int maxThreads = 0);
    ~WorkerPool();

    WorkerPool(const WorkerPool&) = delete;
    WorkerPool& operator=(const WorkerPool&) = delete;

    // Runs `body` on the calling thread and on up to `workers - 1` pool threads that are
    // free now; returns when every copy has returned. `body` pulls its own work items.
    void runWorkers(int workers, const std::function<void()>& body);

    // Calls `work(i)` for every i in [0, count), spread over the calling thread and the pool's
    // free threads (at most one per core); returns when all are done. Each index is taken once.
    void forEachIndex(qsizetype count, const std::function<void(qsizetype)>& work);
    // The same, on the calling thread alone when `pool` is null.
    static void forEachIndex(WorkerPool* pool, qsizetype count, const std::function<void(qsizetype)>& work);

    // Starts a job on a pool thread (queued when all are busy).
    void start(std::function<void()> job);
    // Waits until every job and worker has finished.
    void waitForDone();

    QThreadPool& threadPool() { return m_pool; }

private:
    QThreadPool m_pool;
};

} // namespace prov
