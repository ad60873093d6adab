#pragma once

#include "domain/BindingObservation.h"

#include <QList>
#include <QString>

#include <optional>

namespace prov {

// One stretch of a lane: `version` held the binding at every sync from `from` to `to`
// (`sightings` of them); `nextSight` is the first sync that no longer saw it. Between `to` and
// `nextSight` is a gap: the binding moved at some unknown moment in it.
struct TimelineSegment
{
    qint64 version = 0;
    qint64 from = 0;
    qint64 to = 0;
    std::optional<qint64> nextSight;
    qint64 sightings = 0;
};

// All segments of one alias or stage of a model, in time order.
struct TimelineLane
{
    QString kind; // alias | stage
    QString binding;
    QList<TimelineSegment> segments;

    QString label() const { return kind == QLatin1String("alias") ? QStringLiteral("@") + binding : binding; }
};

// A model's alias and stage history laid out for a timeline: one lane per alias (by name)
// then per stage (Production, Staging, Archived, others), over the span of the syncs that
// observed the registry, whose moments are kept so a view can mark each observation.
struct BindingTimeline
{
    QList<TimelineLane> lanes;
    QList<qint64> observations;
    qint64 start = 0;
    qint64 end = 0;

    bool isEmpty() const { return lanes.isEmpty(); }
    static BindingTimeline build(const BindingHistory& history, const QList<qint64>& observations);
};

} // namespace prov
