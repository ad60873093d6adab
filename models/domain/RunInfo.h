#pragma once

#include "domain/RunStatus.h"

#include <QString>

#include <optional>

namespace prov {

// The attributes of a run (MLflow's RunInfo). Times are ms since the Unix epoch;
// endTime is empty while a run is RUNNING.
struct RunInfo
{
    QString runId;
    QString experimentId;
    QString runName;
    RunStatus status = RunStatus::Running;
    LifecycleStage lifecycleStage = LifecycleStage::Active;
    QString userId;
    QString artifactUri;
    std::optional<qint64> startTime;
    std::optional<qint64> endTime;
    std::optional<qint64> deletedTime;
};

} // namespace prov
