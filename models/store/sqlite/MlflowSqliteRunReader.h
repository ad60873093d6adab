#pragma once

#include "store/StoreReader.h"

namespace prov {

class MlflowSqliteArtifacts;
class MlflowSqliteContext;

// Assembles one run's RunRecord from `runs`, `tags`, `params`, the dataset and model
// inputs/outputs in `inputs` (+ `datasets`, `input_tags`), its local artifact folder and
// its metric stamps, in one read snapshot. Lists are sorted as the domain requires, in
// QString order, so every store kind yields identical values for identical content.
class MlflowSqliteRunReader
{
public:
    MlflowSqliteRunReader(const MlflowSqliteContext& context, const MlflowSqliteArtifacts& artifacts);

    Result<RunRecord> read(const QString& runId) const;

private:
    Status readInfo(const QString& runId, RunRecord& record) const;
    Result<KeyValueList> readKeyValues(const QString& table, const QString& runId) const;
    Status readDatasetInputs(const QString& runId, RunRecord& record) const;
    Result<QHash<QString, KeyValueList>> readInputTags(const QString& runId) const;
    Status readModelLinks(const QString& runId, RunRecord& record) const;

    const MlflowSqliteContext& m_context;
    const MlflowSqliteArtifacts& m_artifacts;
};

} // namespace prov
