#pragma once

#include "core/Result.h"
#include "query/RunSelection.h"
#include "query/RunTable.h"

#include <memory>

namespace prov {

class SqliteDatabase;

// Builds a RunTable for a RunSelection from the cache: one query for the runs and one each
// for their params, tags and latest metrics. Runs are ordered as MLflow lists them (newest
// start time first, then run id). Safe to call on any thread that owns `db`.
class RunTableLoader
{
public:
    explicit RunTableLoader(const SqliteDatabase& db);

    Result<std::shared_ptr<const RunTable>> load(const RunSelection& selection) const;

private:
    Status loadRows(RunTable& table, const RunSelectionSql& sql) const;
    Status loadTexts(RunTable& table, const RunSelectionSql& sql, const QString& source,
        std::vector<RunTable::TextColumn>& columns) const;
    Status loadMetrics(RunTable& table, const RunSelectionSql& sql) const;

    const SqliteDatabase& m_db;
};

} // namespace prov
