#pragma once

#include "domain/KeyValue.h"

#include <QList>
#include <QString>

#include <optional>

namespace prov {

// One version of a registered model. `modelId` is what the store says (MLflow 3 file stores
// write it); ModelSource derives the producing model from `source` when it is empty.
struct ModelVersion
{
    QString name;
    qint64 version = 0;
    std::optional<qint64> creationTime;
    std::optional<qint64> lastUpdatedTime;
    QString description;
    QString userId;
    QString stage; // None | Staging | Production | Archived
    QString source;
    QString runId; // empty when registered without a run
    QString status;
    QString statusMessage;
    QString runLink;
    QString storageLocation;
    QString modelId;
    KeyValueList tags;
};

// A named pointer from an alias (e.g. "champion") to a version of a registered model.
struct ModelAlias
{
    QString alias;
    qint64 version = 0;

    friend bool operator==(const ModelAlias&, const ModelAlias&) = default;
};

// A registered model with its live (not soft-deleted) versions and aliases.
struct RegisteredModel
{
    QString name;
    QString description;
    std::optional<qint64> creationTime;
    std::optional<qint64> lastUpdatedTime;
    KeyValueList tags;
    QList<ModelAlias> aliases;
    QList<ModelVersion> versions;
};

} // namespace prov
