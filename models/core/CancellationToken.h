#pragma once

#include <atomic>
#include <memory>

namespace prov {

// A flag shared between the GUI (which cancels) and a worker (which polls it between steps).
// Copies share the same flag; a default-constructed token can be cancelled like any other.
class CancellationToken
{
public:
    CancellationToken()
        : m_flag(std::make_shared<std::atomic_bool>(false))
    { }

    void cancel() const { m_flag->store(true, std::memory_order_relaxed); }
    bool isCancelled() const { return m_flag->load(std::memory_order_relaxed); }

private:
    std::shared_ptr<std::atomic_bool> m_flag;
};

} // namespace prov
