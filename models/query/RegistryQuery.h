#pragma once

#include "core/Result.h"
#include "domain/RegisteredModel.h"

#include <QList>
#include <QStringList>

#include <optional>

namespace prov {

class SqliteDatabase;

// A model version with what the Models page shows beside it: its aliases, and the run and
// logged model it came from when those are in the cache.
struct ModelVersionEntry
{
    ModelVersion version;
    QStringList aliases;
    QString runName; // empty when the run is not in the cache
    QString experimentId;
    QString loggedModelName; // empty when the producing model is not in the cache
};

struct RegisteredModelEntry
{
    RegisteredModel model; // versions are in `versions` below
    QList<ModelVersionEntry> versions;
};

// One interval during which a version held an alias or stage, as observed by syncs.
struct BindingObservation
{
    QString modelName;
    QString kind; // alias | stage
    QString binding; // "champion", "Production", ...
    qint64 version = 0;
    qint64 firstSeen = 0;
    qint64 lastSeen = 0;
    std::optional<qint64> endedSeen;
    QString how;
};

// Reads the registry mirror and the observed binding history from the cache.
class RegistryQuery
{
public:
    explicit RegistryQuery(const SqliteDatabase& db);

    Result<QList<RegisteredModelEntry>> models() const;
    Result<QList<BindingObservation>> bindingHistory(const QString& modelName) const;

private:
    Status loadVersions(RegisteredModelEntry& entry) const;

    const SqliteDatabase& m_db;
};

} // namespace prov
