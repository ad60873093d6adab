#pragma once

#include "core/CancellationToken.h"
#include "core/Result.h"
#include "sync/SyncProgress.h"
#include "sync/SyncSummary.h"

#include <QString>

namespace prov {

class StoreReader;
class WorkerPool;

struct SyncOptions
{
    int readThreads = 0; // 0: as many as the reader allows
    // The store's journal (JournalLocator), where each sync records the alias and stage
    // bindings it saw. Empty: nothing is recorded (tests of unrelated parts).
    QString journalPath;
};

// Brings a store's cache up to date: experiments, then every run whose fingerprint changed
// (and within it only the changed metric histories), runs that vanished, logged models and
// the registry (recording the alias/stage bindings it observed in the journal). Runs on the
// calling thread, which becomes the cache's single writer; store reads fan out over `workers`.
// Cancelling keeps every run already written; a failure leaves the cache as of the last
// commit. Never writes to the store.
class SyncEngine
{
public:
    SyncEngine(const StoreReader& reader, QString cachePath, WorkerPool& workers, SyncOptions options = {});

    Result<SyncSummary> run(const CancellationToken& cancel, const SyncProgressCallback& progress = {});

private:
    const StoreReader& m_reader;
    QString m_cachePath;
    WorkerPool& m_workers;
    SyncOptions m_options;
};

} // namespace prov
