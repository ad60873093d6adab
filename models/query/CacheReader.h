#pragma once

#include "core/Result.h"
#include "core/SqliteDatabase.h"
#include "domain/StoreIssue.h"
#include "query/CacheInfo.h"

#include <QList>
#include <QString>

namespace prov {

// An experiment as the run browser lists it.
struct ExperimentEntry
{
    QString experimentId;
    QString name;
    bool deleted = false;
    qint64 runCount = 0; // active runs
    QString description; // tag mlflow.note.content
};

// A read-only connection to one cache, for one thread. Readers never block the sync writer
// (WAL) and see only whole commits. The query classes in this folder take its database().
class CacheReader
{
public:
    static Result<CacheReader> open(const QString& cachePath);

    const SqliteDatabase& database() const { return m_db; }

    Result<CacheInfo> info() const;
    Result<QList<ExperimentEntry>> experiments() const;
    Result<StoreIssueList> issues() const;

private:
    explicit CacheReader(SqliteDatabase db);

    SqliteDatabase m_db;
};

} // namespace prov
