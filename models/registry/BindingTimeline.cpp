#include "registry/BindingTimeline.h"

#include <algorithm>

namespace prov {
namespace {

int laneRank(const TimelineLane& lane)
{
    if (lane.kind == QLatin1String("alias"))
        return 0;
    static const QStringList stages { QStringLiteral("Production"), QStringLiteral("Staging"),
        QStringLiteral("Archived") };
    const qsizetype at = stages.indexOf(lane.binding);
    return at < 0 ? 4 : 1 + int(at);
}

} // namespace

BindingTimeline BindingTimeline::build(const BindingHistory& history, const QList<qint64>& observations)
{
    BindingTimeline timeline;
    timeline.observations = observations;
    std::sort(timeline.observations.begin(), timeline.observations.end());
    for (const BindingObservation& o : history) {
        auto lane = std::find_if(timeline.lanes.begin(), timeline.lanes.end(),
            [&](const TimelineLane& l) { return l.kind == o.kind && l.binding == o.binding; });
        if (lane == timeline.lanes.end()) {
            timeline.lanes.append({ o.kind, o.binding, {} });
            lane = timeline.lanes.end() - 1;
        }
        lane->segments.append({ o.version, o.firstSeen, o.lastSeen, o.endedSeen, o.sightings });
    }
    for (TimelineLane& lane : timeline.lanes)
        std::sort(lane.segments.begin(), lane.segments.end(),
            [](const TimelineSegment& a, const TimelineSegment& b) { return a.from < b.from; });
    std::stable_sort(timeline.lanes.begin(), timeline.lanes.end(), [](const TimelineLane& a, const TimelineLane& b) {
        return laneRank(a) != laneRank(b) ? laneRank(a) < laneRank(b) : a.binding < b.binding;
    });
    QList<qint64> moments = timeline.observations;
    for (const BindingObservation& o : history)
        moments << o.firstSeen << o.lastSeen << o.endedSeen.value_or(o.lastSeen);
    if (!moments.isEmpty()) {
        timeline.start = *std::min_element(moments.begin(), moments.end());
        timeline.end = *std::max_element(moments.begin(), moments.end());
    }
    return timeline;
}

} // namespace prov
