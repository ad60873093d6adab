#pragma once

#include "store/StoreReader.h"

#include <QHash>

namespace prov {

class MlflowSqliteContext;

// Reads the model registry of an SQLite backend: registered models with their tags and
// aliases, and their live versions with tags. Soft-deleted versions (stage
// Deleted_Internal, with redacted run id and source) are left out. `modelId` stays empty:
// this schema has no such column, and sync derives it from `source` for every store kind.
class MlflowSqliteRegistry
{
public:
    explicit MlflowSqliteRegistry(const MlflowSqliteContext& context);

    Result<RegistryScan> scan() const;

private:
    using ModelIndex = QHash<QString, qsizetype>; // registered model name -> position
    using VersionTags = QHash<QString, QHash<qint64, KeyValueList>>; // name -> version -> tags

    Status readModels(RegistryScan& scan) const;
    Status readModelTags(const ModelIndex& index, RegistryScan& scan) const;
    Status readAliases(const ModelIndex& index, RegistryScan& scan) const;
    Result<VersionTags> readVersionTags() const;
    Status readVersions(const ModelIndex& index, const VersionTags& tags, RegistryScan& scan) const;

    const MlflowSqliteContext& m_context;
};

} // namespace prov
