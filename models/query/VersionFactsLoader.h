#pragma once

#include "core/Result.h"
#include "query/RegistryQuery.h"

namespace prov {

class SqliteDatabase;

// Fills in what a registered model's versions came from, from the cache in a few queries per
// model: the user, code revision, dataset inputs and latest metrics of each version's run, and
// the metrics linked to its logged model with the dataset they were evaluated on.
class VersionFactsLoader
{
public:
    explicit VersionFactsLoader(const SqliteDatabase& db);

    Status load(const QString& modelName, QList<ModelVersionEntry>& versions) const;

private:
    Status loadTags(const QString& modelName, QList<ModelVersionEntry>& versions) const;
    Status loadDatasets(const QString& modelName, QList<ModelVersionEntry>& versions) const;
    Status loadRunMetrics(const QString& modelName, QList<ModelVersionEntry>& versions) const;
    Status loadModelMetrics(const QString& modelName, QList<ModelVersionEntry>& versions) const;

    const SqliteDatabase& m_db;
};

} // namespace prov
