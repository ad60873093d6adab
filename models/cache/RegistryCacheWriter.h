#pragma once

#include "core/Result.h"
#include "domain/LoggedModel.h"
#include "domain/RegisteredModel.h"

#include <QList>

namespace prov {

class SqliteDatabase;

// Writes the model registry and logged models into the cache, replacing what an earlier sync
// wrote. (The history of alias and stage bindings is the journal's: BindingRecorder.) Runs
// inside the caller's transaction.
class RegistryCacheWriter
{
public:
    explicit RegistryCacheWriter(const SqliteDatabase& db);

    Status replaceRegistry(const QList<RegisteredModel>& models);
    // Replaces the logged models of one experiment that came from `origin`.
    Status replaceLoggedModels(
        const QString& experimentId, LoggedModel::Origin origin, const QList<LoggedModel>& models);
    // Replaces the models derived from one run's `mlflow.log-model.history` tag (MLflow 2).
    Status replaceRunHistoryModels(const QString& runId, const QList<LoggedModel>& models);

private:
    Status clearRegistry();
    Status insertModel(const RegisteredModel& model);
    Status insertVersion(const ModelVersion& version);
    Status insertLoggedModel(const LoggedModel& model);

    const SqliteDatabase& m_db;
};

} // namespace prov
