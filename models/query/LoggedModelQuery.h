#pragma once

#include "core/Result.h"
#include "domain/LoggedModel.h"
#include "query/RunDetail.h"

namespace prov {

class SqliteDatabase;

// One logged model as the Registry page shows it: the model, the run that produced it and the
// registered versions made from it, so version, run and logged model link to each other.
struct LoggedModelDetail
{
    LoggedModel model;
    QString runName;
    QString experimentName;
    QList<ModelVersionLink> versions;
};

class LoggedModelQuery
{
public:
    explicit LoggedModelQuery(const SqliteDatabase& db);

    // NotFound when the cache has no logged model with that id.
    Result<LoggedModelDetail> load(const QString& modelId) const;

private:
    const SqliteDatabase& m_db;
};

} // namespace prov
