#pragma once

#include <QString>

#include <optional>

namespace prov {

// MLflow's run status. Numbers are the proto enum values the file store writes in meta.yaml.
enum class RunStatus {
    Running = 1,
    Scheduled = 2,
    Finished = 3,
    Failed = 4,
    Killed = 5,
};

// "RUNNING", "FINISHED", ... as MLflow's REST API and SQLite backend spell them.
QString runStatusName(RunStatus status);
std::optional<RunStatus> runStatusFromName(QStringView name);
std::optional<RunStatus> runStatusFromCode(qint64 code);

// Experiments, runs and logged models are either active or soft-deleted.
enum class LifecycleStage { Active, Deleted };

QString lifecycleStageName(LifecycleStage stage);
std::optional<LifecycleStage> lifecycleStageFromName(QStringView name);

} // namespace prov
