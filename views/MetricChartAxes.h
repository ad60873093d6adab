#pragma once

#include "compare/MetricDecimation.h"
#include "compare/MetricXAxis.h"

#include <QString>

#include <optional>

QT_BEGIN_NAMESPACE
class QAbstractAxis;
QT_END_NAMESPACE

namespace prov {

// Builds the axes of a metric chart: ranges padded so lines never touch the frame, ticks on
// round numbers (1, 2 or 5 x 10^k) wherever the range starts, label formats that show just
// the digits the ticks need, a date format that fits the time span and a unit (s, min, h, d)
// for relative time. Compact axes carry fewer ticks and no titles.
class MetricChartAxes
{
public:
    using Range = MetricDecimation::Range;

    struct TimeUnit
    {
        double milliseconds = 1000.0;
        QString suffix; // "s", "min", "h", "d"
    };

    // The unit relative-time x values are shown in, for a span of `spanMs` milliseconds.
    static TimeUnit relativeTimeUnit(double spanMs);
    // A round tick interval giving about `targetTicks` ticks over `span`; at least 1 when
    // `integral` (steps).
    static double niceTickInterval(double span, int targetTicks, bool integral = false);
    // A printf format for tick labels `interval` apart, e.g. "%.2f" for 0.05.
    static QString labelFormat(double interval);
    // A QDateTime format for wall-time ticks over `spanMs`.
    static QString dateTimeFormat(double spanMs);

    // The y range drawn for finite data `data` (nullopt: no finite value): padded linearly, or
    // widened to whole decades on a log axis (which then needs data.min > 0).
    static Range yDisplayRange(std::optional<Range> data, bool logarithmic);
    // `range` is in display units: steps, epoch ms, or relative time in `unit`.
    static QAbstractAxis* createXAxis(MetricXAxis axis, Range range, const TimeUnit& unit, bool compact);
    static QAbstractAxis* createYAxis(Range displayRange, bool logarithmic, bool compact);
};

} // namespace prov
