#pragma once

#include "compare/MetricXAxis.h"
#include "domain/MetricPoint.h"

#include <QtGlobal>

#include <optional>
#include <vector>

namespace prov {

// A logged point together with its x coordinate on the decimation's axis. The original
// point is kept so a tooltip can show step, value and time of exactly what was logged.
struct DecimatedPoint
{
    double x = 0.0;
    MetricPoint point;
};

// What MetricDecimator keeps of one history for drawing: the finite points of the line and,
// separately, where non-finite values were logged (they cannot be plotted; a view marks them
// on the plot edge). Counts and ranges describe the full data in the visible x range, not
// just the points kept.
struct MetricDecimation
{
    struct Range
    {
        double min = 0.0;
        double max = 0.0;
        friend bool operator==(const Range&, const Range&) = default;
    };

    MetricXAxis axis = MetricXAxis::Step;
    qint64 timeOrigin = 0; // earliest timestamp of the whole history: RelativeTime's zero

    // Finite points in ascending x (ties in history order). With a visible range, the nearest
    // finite point on each side outside it is kept too, so the line runs on to the plot edge.
    std::vector<DecimatedPoint> line;
    // Where NaN / +inf / -inf were logged, ascending x; when `reduced`, the first of each kind
    // per pixel column only (the counts below stay exact).
    std::vector<DecimatedPoint> nanPoints;
    std::vector<DecimatedPoint> positiveInfPoints;
    std::vector<DecimatedPoint> negativeInfPoints;

    qsizetype sourceCount = 0; // points (any value) inside the visible x range
    qsizetype nanCount = 0;
    qsizetype positiveInfCount = 0;
    qsizetype negativeInfCount = 0;
    bool reduced = false; // false: every point in range is in one of the vectors above

    std::optional<Range> xRange; // of all points in range, any value
    std::optional<Range> yRange; // of the finite values in range

    qsizetype nonFiniteCount() const { return nanCount + positiveInfCount + negativeInfCount; }
};

} // namespace prov
