#pragma once

#include "core/CancellationToken.h"
#include "core/Result.h"
#include "lineage/LineageGraph.h"

namespace prov {

class SqliteDatabase;

// Builds the whole-store lineage graph from a cache: dataset versions (one per source and
// digest) and code versions used by runs, runs and their parent runs, the users who ran them,
// the logged models runs produced (MLflow 3 entities, and MLflow 2 models recorded by the
// `mlflow.log-model.history` tag) and used, the registered versions made from them, and the
// versions' current alias and stage bindings as deployments. Soft-deleted runs (and the runs
// of deleted experiments) are left out unless a model version was made from them.
class LineageBuilder
{
public:
    explicit LineageBuilder(const SqliteDatabase& cache);

    Result<LineageGraph> build(const CancellationToken& cancel = {}) const;

private:
    const SqliteDatabase& m_db;
};

} // namespace prov
