#pragma once

#include <QList>
#include <QString>

#include <optional>

namespace prov {

// One interval during which a version held an alias or a stage, as Provenance's syncs
// observed it: first seen by the sync at `firstSeen`, still seen by the one at `lastSeen`,
// no longer seen by the one at `endedSeen` (empty while still held). Nothing is known between
// lastSeen and endedSeen: the binding moved at some moment in that gap. `sightings` is the
// number of syncs that saw it.
struct BindingObservation
{
    QString modelName;
    QString kind; // alias | stage
    QString binding; // "champion", "Production", ...
    qint64 version = 0;
    qint64 firstSeen = 0;
    qint64 lastSeen = 0;
    std::optional<qint64> endedSeen;
    QString how; // observed-at-sync
    qint64 sightings = 0;

    bool isAlias() const { return kind == QLatin1String("alias"); }
};

using BindingHistory = QList<BindingObservation>;

} // namespace prov
