#pragma once

#include <QtGlobal>

#include <atomic>

namespace prov {

// What a client sent and received so far: every attempt is a request; bytes are the bodies
// received. Updated on the network thread, read from any thread.
struct RestTrafficCounters
{
    std::atomic<qint64> requests { 0 };
    std::atomic<qint64> retries { 0 };
    std::atomic<qint64> bytesReceived { 0 };
};

struct RestTraffic
{
    qint64 requests = 0;
    qint64 retries = 0;
    qint64 bytesReceived = 0;
};

} // namespace prov
