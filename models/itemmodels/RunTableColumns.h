#pragma once

#include <QString>
#include <QStringList>

namespace prov {

// The fixed columns of the run table, declared once; param, metric and tag columns follow.
enum class RunAttributeColumn {
    State, // run status (named State: Status is the Result<void> alias)
    Name,
    Experiment,
    User,
    Started,
    Duration,
    RunId,
    Count,
};

// What a run table column shows.
enum class RunColumnKind { Attribute, Metric, Param, Tag };

// Which param/metric/tag keys are shown as columns, in order. Keys not present in the
// current runs are skipped, so a chosen set survives switching experiments.
struct RunColumnChoice
{
    bool allMetrics = true;
    bool allParams = true;
    QStringList metrics; // used when allMetrics is false
    QStringList params;
    QStringList tags; // tags are opt-in: there are many and most are MLflow bookkeeping
};

} // namespace prov
