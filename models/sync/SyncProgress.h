#pragma once

#include <QString>

#include <functional>

namespace prov {

// Where a sync is, reported from the sync thread. `done`/`total` count the current phase's
// units (experiments while scanning, runs while reading) so a progress bar can show them.
struct SyncProgress
{
    enum class Phase { Scanning, Reading, Registry, Finishing };

    Phase phase = Phase::Scanning;
    qint64 done = 0;
    qint64 total = 0;
    qint64 metricPoints = 0;
    QString message;
    // A tracking server's traffic so far (zero for local stores).
    qint64 requests = 0;
    qint64 bytesReceived = 0;
};

using SyncProgressCallback = std::function<void(const SyncProgress&)>;

} // namespace prov
