#pragma once

#include "core/CancellationToken.h"
#include "store/StoreReader.h"

namespace prov {

class MlflowSqliteContext;

// Lists every experiment of an SQLite backend, active and deleted (deleted ones stay in the
// table), with their tags, sorted by name. This is the first read of every sync, so it also
// reports store-wide concerns: an alembic revision this version of Provenance does not know.
class MlflowSqliteExperiments
{
public:
    explicit MlflowSqliteExperiments(const MlflowSqliteContext& context);

    Result<ExperimentScan> scan(const CancellationToken& cancel) const;

private:
    Result<QHash<qint64, KeyValueList>> readTags() const;
    StoreIssue unknownRevisionIssue() const;

    const MlflowSqliteContext& m_context;
};

} // namespace prov
