#pragma once

#include "core/Error.h"

#include <QtGlobal>

#include <atomic>
#include <mutex>
#include <optional>

namespace prov {

// What a client sent and received so far: every attempt is a request; bytes are the bodies
// received. Updated on the network thread, read from any thread.
struct RestTrafficCounters
{
    std::atomic<qint64> requests { 0 };
    std::atomic<qint64> retries { 0 };
    std::atomic<qint64> bytesReceived { 0 };

    // Once a request finds the server gone (connection refused or host unknown, after its
    // retries), every later request of the client fails at once with that error.
    std::optional<Error> lost() const
    {
        const std::lock_guard lock(m_lostMutex);
        return m_lost;
    }
    void setLost(const Error& error)
    {
        const std::lock_guard lock(m_lostMutex);
        if (!m_lost)
            m_lost = error;
    }

private:
    mutable std::mutex m_lostMutex;
    std::optional<Error> m_lost;
};

struct RestTraffic
{
    qint64 requests = 0;
    qint64 retries = 0;
    qint64 bytesReceived = 0;
};

} // namespace prov
