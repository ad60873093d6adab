#pragma once

#include "core/Result.h"
#include "domain/Dataset.h"
#include "domain/RegisteredModel.h"

#include <QList>
#include <QStringList>

#include <optional>

namespace prov {

class SqliteDatabase;

// A metric of the run or logged model a version came from: the run's latest value, or a
// value linked to the logged model (MLflow 3), possibly evaluated on a dataset.
struct VersionMetric
{
    QString key;
    double value = 0.0;
    QString datasetName; // model-linked metrics evaluated on a dataset
    QString datasetDigest;
    bool modelLinked = false;
};

// A model version with what the Registry page shows beside it: its aliases, and the run,
// logged model, code and data it came from when those are in the cache.
struct ModelVersionEntry
{
    ModelVersion version;
    QStringList aliases;
    QString runName; // empty when the run is not in the cache
    QString experimentId;
    QString loggedModelName; // empty when the producing model is not in the cache
    QString runUser; // mlflow.user of the run (who trained it)
    QString codeCommit; // mlflow.source.git.commit
    QString codeRepository; // mlflow.source.git.repoURL
    QString codeSource; // mlflow.source.name
    QList<DatasetInput> datasets; // the run's dataset inputs, with digests
    QList<VersionMetric> metrics; // by key; model-linked ones after the run's own

    // The value to compare versions by: the run's latest value of `key`, else the first
    // model-linked one.
    std::optional<double> metric(const QString& key) const;
};

struct RegisteredModelEntry
{
    RegisteredModel model; // versions are in `versions` below
    QList<ModelVersionEntry> versions;
};

// Reads the registry mirror from the cache, with each version's lineage (VersionFactsLoader).
class RegistryQuery
{
public:
    explicit RegistryQuery(const SqliteDatabase& db);

    Result<QList<RegisteredModelEntry>> models() const;

private:
    Status loadVersions(RegisteredModelEntry& entry) const;

    const SqliteDatabase& m_db;
};

} // namespace prov
