#include "jobs/WorkerGroup.h"

#include "jobs/WorkerPool.h"

namespace prov {

WorkerGroup::WorkerGroup(WorkerPool& pool, int workers, std::function<void()> body)
    : m_body(std::move(body))
{
    for (int i = 0; i < workers; ++i) {
        {
            std::lock_guard lock(m_mutex);
            ++m_running;
        }
        const bool started = pool.threadPool().tryStart([this] {
            m_body();
            finishOne();
        });
        if (!started) {
            std::lock_guard lock(m_mutex);
            --m_running;
            break;
        }
        ++m_started;
    }
}

WorkerGroup::~WorkerGroup()
{
    wait();
}

void WorkerGroup::finishOne()
{
    std::lock_guard lock(m_mutex);
    if (--m_running == 0)
        m_finished.notify_all();
}

void WorkerGroup::wait()
{
    std::unique_lock lock(m_mutex);
    m_finished.wait(lock, [this] { return m_running == 0; });
}

} // namespace prov
