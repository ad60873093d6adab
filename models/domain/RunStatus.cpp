#include "domain/RunStatus.h"

namespace prov {

QString runStatusName(RunStatus status)
{
    switch (status) {
    case RunStatus::Running:
        return QStringLiteral("RUNNING");
    case RunStatus::Scheduled:
        return QStringLiteral("SCHEDULED");
    case RunStatus::Finished:
        return QStringLiteral("FINISHED");
    case RunStatus::Failed:
        return QStringLiteral("FAILED");
    case RunStatus::Killed:
        return QStringLiteral("KILLED");
    }
    return QStringLiteral("UNKNOWN");
}

std::optional<RunStatus> runStatusFromName(QStringView name)
{
    for (RunStatus s :
        { RunStatus::Running, RunStatus::Scheduled, RunStatus::Finished, RunStatus::Failed, RunStatus::Killed }) {
        if (name.compare(runStatusName(s), Qt::CaseInsensitive) == 0)
            return s;
    }
    return std::nullopt;
}

std::optional<RunStatus> runStatusFromCode(qint64 code)
{
    if (code >= 1 && code <= 5)
        return static_cast<RunStatus>(code);
    return std::nullopt;
}

QString lifecycleStageName(LifecycleStage stage)
{
    return stage == LifecycleStage::Deleted ? QStringLiteral("deleted") : QStringLiteral("active");
}

std::optional<LifecycleStage> lifecycleStageFromName(QStringView name)
{
    if (name == u"active")
        return LifecycleStage::Active;
    if (name == u"deleted")
        return LifecycleStage::Deleted;
    return std::nullopt;
}

} // namespace prov
