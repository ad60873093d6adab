#pragma once

#include "cache/CacheWriter.h"

#include <QString>

namespace prov {

// The outcome of a sync: the record written to the cache's sync log plus counts only the
// caller needs. oneLine() is what `provenance sync` prints.
struct SyncSummary
{
    SyncRecord record;
    QString storeUri;
    qint64 runsUnchanged = 0;
    qint64 runsRemoved = 0;
    // For a tracking server: requests made and bytes received (zero for local stores).
    qint64 requests = 0;
    qint64 bytesReceived = 0;

    QString oneLine() const;
};

} // namespace prov
