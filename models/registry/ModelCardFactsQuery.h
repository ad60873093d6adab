#pragma once

#include "core/Result.h"
#include "registry/ModelCardFacts.h"

#include <QVariantList>

namespace prov {

class SqliteDatabase;
class SqliteStatement;

// Reads the auto-filled facts of one version's model card from the cache. A model or version
// the cache does not have is an InvalidArgument error whose sentence names what exists.
class ModelCardFactsQuery
{
public:
    explicit ModelCardFactsQuery(const SqliteDatabase& db);

    Result<ModelCardFacts> load(const QString& modelName, qint64 version) const;

private:
    using Row = std::function<void(const SqliteStatement&)>;
    Status each(const QString& sql, const QVariantList& values, const Row& row) const;
    Status loadVersion(ModelCardFacts& facts) const;
    Error missing(const QString& modelName, qint64 version) const;
    Status loadRun(ModelCardFacts& facts) const;
    Status loadRunData(ModelCardFacts& facts) const;
    Status loadLoggedModel(ModelCardFacts& facts) const;

    const SqliteDatabase& m_db;
};

} // namespace prov
