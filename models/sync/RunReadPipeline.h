#pragma once

#include "core/CancellationToken.h"
#include "core/Result.h"
#include "domain/StoreStamp.h"

#include <QList>

#include <functional>

namespace prov {

class CacheWriter;
class CachedRunState;
class StoreReader;
class WorkerPool;

// Reads runs from a store on up to `threads` workers of the pool and writes each one into the cache on the
// calling thread (the cache's single writer), one transaction per batch of whole runs.
// Only metric histories whose stamps changed are read. A bounded queue between the two
// sides keeps memory flat however large the store is. When the pool has no free thread, the
// writer reads the runs itself, one at a time.
class RunReadPipeline
{
public:
    struct Outcome
    {
        qint64 runsRead = 0;
        qint64 runsFailed = 0;
        qint64 metricPointsRead = 0;
        bool cancelled = false;
    };
    using ProgressCallback = std::function<void(qint64 runsDone, qint64 metricPointsRead)>;

    RunReadPipeline(
        const StoreReader& reader, const CachedRunState& cached, CacheWriter& writer, WorkerPool& workers, int threads);

    Result<Outcome> run(
        const QList<RunStamp>& stamps, const CancellationToken& cancel, const ProgressCallback& progress);

private:
    const StoreReader& m_reader;
    const CachedRunState& m_cached;
    CacheWriter& m_writer;
    WorkerPool& m_workers;
    int m_threads;
};

} // namespace prov
