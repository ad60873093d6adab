#pragma once

#include "core/Result.h"
#include "domain/MetricHistory.h"
#include "query/RunDetail.h"

namespace prov {

class SqliteDatabase;

// Reads one run's details, or one of its metric histories, from the cache.
class RunDetailQuery
{
public:
    explicit RunDetailQuery(const SqliteDatabase& db);

    Result<RunDetail> load(const QString& runId) const;
    Result<MetricHistory> metricHistory(const QString& runId, const QString& key) const;

private:
    Status loadInfo(RunDetail& detail) const;
    Status loadKeyValues(RunDetail& detail) const;
    Status loadMetrics(RunDetail& detail) const;
    Status loadInputs(RunDetail& detail) const;
    Status loadArtifacts(RunDetail& detail) const;
    Status loadRelatives(RunDetail& detail) const;
    Status loadModels(RunDetail& detail) const;
    Status loadIssues(RunDetail& detail) const;

    const SqliteDatabase& m_db;
};

} // namespace prov
