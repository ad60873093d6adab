#pragma once

#include <QString>

namespace prov {

// What a model version's `source` points at, resolved the same way for every store:
//   models:/m-<hex>                       -> an MLflow 3 logged model
//   runs:/<run_id>/<path>                 -> the MLflow 2 model at <path> in that run's artifacts
//   <any URI>/<run_id>/artifacts/<path>   -> the same, when <run_id> is the version's run
//   anything else (s3://bucket/model)     -> external; no producing model in the store
struct ModelSource
{
    enum class Kind { LoggedModel, RunArtifact, External };

    Kind kind = Kind::External;
    QString modelId; // the LoggedModel id it resolves to (runs:/<run>/<path> for run artifacts)
    QString runId;
    QString artifactPath;

    static ModelSource resolve(const QString& source, const QString& versionRunId);
    // The id under which Provenance records MLflow 2 models: runs:/<run_id>/<artifact_path>.
    static QString runArtifactModelId(const QString& runId, const QString& artifactPath);
};

} // namespace prov
