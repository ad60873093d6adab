#pragma once

#include "cache/RunUpdate.h"
#include "core/Result.h"
#include "core/SqliteStatement.h"

#include <QStringList>

namespace prov {

class SqliteDatabase;

// Writes runs into the cache: replaces everything cached for a run with what its RunUpdate
// carries, or removes runs. Does not manage transactions (CacheWriter does). Owned by the
// cache's single writer thread together with its connection.
class RunCacheWriter
{
public:
    explicit RunCacheWriter(const SqliteDatabase& db);

    Status prepare();
    Status write(const RunUpdate& update);
    // Records that a run could not be read at all; any cached copy of it is left as it was.
    Status writeFailure(const RunStamp& stamp, const StoreIssue& issue);
    Status remove(const QStringList& runIds);

private:
    Status clearRunRows(const QString& runId);
    Status clearIssues(const QString& runId);
    Status writeInfo(const RunUpdate& update);
    Status writeKeyValues(SqliteStatement& insert, const QString& runId, const KeyValueList& values);
    Status writeInputs(const RunRecord& record);
    Status writeArtifacts(const RunRecord& record);
    Status writeMetrics(const RunUpdate& update);
    Status removeVanishedMetrics(const RunUpdate& update);
    Status writeIssues(const QString& runId, const QString& experimentId, const StoreIssueList& issues);

    const SqliteDatabase& m_db;
    SqliteStatement m_upsertRun;
    SqliteStatement m_insertParam;
    SqliteStatement m_insertTag;
    SqliteStatement m_insertDataset;
    SqliteStatement m_insertModelInput;
    SqliteStatement m_insertModelOutput;
    SqliteStatement m_insertArtifact;
    SqliteStatement m_upsertLatest;
    SqliteStatement m_upsertHistory;
    SqliteStatement m_insertIssue;
    SqliteStatement m_cachedMetricKeys;
};

} // namespace prov
