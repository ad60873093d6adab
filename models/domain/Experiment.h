#pragma once

#include "domain/KeyValue.h"
#include "domain/RunStatus.h"

#include <QString>

#include <optional>

namespace prov {

// An MLflow experiment. Ids are opaque strings (file stores use 18-19 digit numbers, SQLite
// small integers). `locator` is private to the reader that produced it (e.g. its folder).
struct Experiment
{
    QString experimentId;
    QString name;
    QString artifactLocation;
    LifecycleStage lifecycleStage = LifecycleStage::Active;
    std::optional<qint64> creationTime;
    std::optional<qint64> lastUpdateTime;
    KeyValueList tags;
    QString locator;
};

} // namespace prov
