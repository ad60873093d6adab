#pragma once

#include "domain/KeyValue.h"

#include <QString>

namespace prov {

// A dataset version as MLflow records it. Identity for lineage is (source, digest).
// source, schema and profile are the JSON strings MLflow stores, kept verbatim.
struct Dataset
{
    QString name;
    QString digest;
    QString sourceType; // s3 | http | local | code | ...
    QString source;
    QString schema;
    QString profile;
};

// A dataset consumed by a run, with the input's tags (mlflow.data.context = training, ...).
struct DatasetInput
{
    Dataset dataset;
    KeyValueList tags;

    QString context() const;
};

// MLflow 3: a logged model consumed by a run (e.g. an evaluation run).
struct ModelInput
{
    QString modelId;
};

// MLflow 3: a logged model produced by a run, at the step it was logged.
struct ModelOutput
{
    QString modelId;
    qint64 step = 0;
};

} // namespace prov
