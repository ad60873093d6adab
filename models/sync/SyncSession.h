#pragma once

#include "core/CancellationToken.h"
#include "core/Result.h"
#include "domain/Experiment.h"
#include "domain/StoreIssue.h"
#include "domain/StoreStamp.h"
#include "sync/SyncProgress.h"
#include "sync/SyncSummary.h"

#include <QElapsedTimer>
#include <QList>
#include <QStringList>

namespace prov {

class CacheWriter;
class CachedRunState;
class RunReadPipeline;
class SqliteDatabase;
class StoreReader;

// The state of one sync as SyncEngine walks through its steps: what was scanned, which runs
// need reading or removing, the store-level issues met, and the counts for the summary.
// Each step commits its own transaction(s).
class SyncSession
{
public:
    SyncSession(const StoreReader& reader, CacheWriter& writer, const CancellationToken& cancel,
        const SyncProgressCallback& progress);

    // Where syncModels records the registry bindings it saw; none: nothing is recorded.
    void setJournal(const SqliteDatabase* journal) { m_journal = journal; }
    // The journal could not be opened or written: a store-level issue says so, and the sync
    // goes on (the cache does not depend on it).
    void noteJournalProblem(const Error& error);

    Status scan(const CachedRunState& cached);
    const QList<RunStamp>& runsToRead() const { return m_toRead; }
    Status syncRuns(RunReadPipeline& pipeline);
    Status syncModels();
    Result<SyncSummary> finish();
    Error fail(const Error& error);

private:
    Status scanExperiments();
    void report(SyncProgress::Phase phase, qint64 done, qint64 total, const QString& message);
    Status recordOutcome(const QString& outcome);

    const StoreReader& m_reader;
    CacheWriter& m_writer;
    const CancellationToken& m_cancel;
    const SyncProgressCallback& m_progress;
    QElapsedTimer m_timer;
    SyncSummary m_summary;
    QList<Experiment> m_experiments;
    QList<RunStamp> m_toRead;
    QStringList m_toRemove;
    StoreIssueList m_storeIssues;
    qint64 m_pointsRead = 0;
    const SqliteDatabase* m_journal = nullptr;
};

} // namespace prov
