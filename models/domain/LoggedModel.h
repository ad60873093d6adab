#pragma once

#include "domain/KeyValue.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace prov {

// A metric linked to a logged model (MLflow 3), possibly evaluated on a dataset.
struct LoggedModelMetric
{
    QString key;
    double value = 0.0;
    qint64 step = 0;
    qint64 timestamp = 0;
    QString runId;
    QString datasetName;
    QString datasetDigest;
};

// A model produced by a run. MLflow 3 records these as first-class entities (`m-<hex>` ids);
// MLflow 2 only leaves a run artifact folder and the run tag `mlflow.log-model.history`, from
// which Provenance derives the same shape with id `runs:/<run_id>/<artifact_path>`.
struct LoggedModel
{
    enum class Origin { LoggedModelEntity, LogModelHistoryTag };

    QString modelId;
    QString experimentId;
    QString name;
    QString sourceRunId;
    QString artifactLocation;
    QString artifactPath; // MLflow 2: path under the run's artifacts
    QString status; // READY, PENDING, UPLOAD_FAILED
    QString modelType;
    std::optional<qint64> creationTime;
    std::optional<qint64> lastUpdatedTime;
    QStringList flavors;
    // MLmodel's signature.inputs / signature.outputs: MLflow's JSON column specs, verbatim;
    // empty when the model was logged without a signature or its MLmodel is not at hand.
    QString signatureInputs;
    QString signatureOutputs;
    KeyValueList params;
    KeyValueList tags;
    QList<LoggedModelMetric> metrics;
    Origin origin = Origin::LoggedModelEntity;
};

} // namespace prov
