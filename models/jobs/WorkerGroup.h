#pragma once

#include <condition_variable>
#include <functional>
#include <mutex>

namespace prov {

class WorkerPool;

// A set of workers started on a WorkerPool for one fan-out, running the same `body`; only
// as many start as the pool has free threads right now (possibly none). The destructor
// waits for the ones that started, so a group never outlives what its body refers to.
class WorkerGroup
{
public:
    WorkerGroup(WorkerPool& pool, int workers, std::function<void()> body);
    ~WorkerGroup();

    WorkerGroup(const WorkerGroup&) = delete;
    WorkerGroup& operator=(const WorkerGroup&) = delete;

    // How many workers started; 0 means the caller must do all the work itself.
    int started() const { return m_started; }
    void wait();

private:
    void finishOne();

    std::function<void()> m_body;
    std::mutex m_mutex;
    std::condition_variable m_finished;
    int m_started = 0;
    int m_running = 0;
};

} // namespace prov
