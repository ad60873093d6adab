#pragma once

#include "core/SqliteStatement.h"
#include "domain/RunInfo.h"

#include <limits>

namespace prov::CacheRows {

// Column list and decoder for a cached run's attributes, shared by every query that reads
// runs so the mapping from cache columns to RunInfo exists once.
inline const char* const runInfoColumns = "r.run_id, r.experiment_id, r.run_name, r.status, r.lifecycle_stage, "
                                          "r.start_time, r.end_time, r.deleted_time, r.user_id, r.artifact_uri";
constexpr int runInfoColumnCount = 10;

inline RunInfo runInfo(const SqliteStatement& s, int first = 0)
{
    RunInfo info;
    info.runId = s.text(first);
    info.experimentId = s.text(first + 1);
    info.runName = s.text(first + 2);
    info.status = runStatusFromName(s.text(first + 3)).value_or(RunStatus::Running);
    info.lifecycleStage = lifecycleStageFromName(s.text(first + 4)).value_or(LifecycleStage::Active);
    info.startTime = s.optionalInt64(first + 5);
    info.endTime = s.optionalInt64(first + 6);
    info.deletedTime = s.optionalInt64(first + 7);
    info.userId = s.text(first + 8);
    info.artifactUri = s.text(first + 9);
    return info;
}

// latest_metrics.value and similar columns store NaN as NULL.
inline double metricValue(const SqliteStatement& s, int column)
{
    return s.isNull(column) ? std::numeric_limits<double>::quiet_NaN() : s.real(column);
}

} // namespace prov::CacheRows
