#pragma once

#include "store/StoreReader.h"

#include <QHash>

namespace prov {

class MlflowSqliteArtifacts;
class MlflowSqliteContext;

// Reads the MLflow 3 logged models of one experiment (`logged_models` and its params, tags
// and metrics tables) plus their flavors from each model's MLmodel file when its artifacts
// are local. Deleted models are left out, as MLflow's own search leaves them out; databases
// written by MLflow 2 have no such tables and yield no models (sync derives those from the
// `mlflow.log-model.history` run tag instead).
class MlflowSqliteLoggedModels
{
public:
    MlflowSqliteLoggedModels(const MlflowSqliteContext& context, const MlflowSqliteArtifacts& artifacts);

    Result<LoggedModelScan> scan(const Experiment& experiment) const;

private:
    using ModelIndex = QHash<QString, qsizetype>; // model id -> position in the scan

    Status readModels(qint64 experimentId, const QString& experimentKey, LoggedModelScan& scan) const;
    Status readKeyValues(const QString& table, const QString& keyColumn, const QString& valueColumn,
        qint64 experimentId, const ModelIndex& index, bool params, LoggedModelScan& scan) const;
    Status readMetrics(qint64 experimentId, const ModelIndex& index, LoggedModelScan& scan) const;

    const MlflowSqliteContext& m_context;
    const MlflowSqliteArtifacts& m_artifacts;
};

} // namespace prov
