#pragma once

#include "domain/MetricPoint.h"

#include <QString>

namespace prov {

// How metric values, times and hovered points read in charts: values with enough digits to
// tell neighbours apart, NaN / +inf / -inf spelled out, durations as "1h 02m 03s".
class MetricPointText
{
public:
    static QString value(double value);
    // Elapsed time, e.g. "850 ms", "12.3 s", "4m 05s", "1h 02m 03s", "3d 04h".
    static QString duration(qint64 milliseconds);
    // Local date and time with milliseconds when they are not zero.
    static QString dateTime(qint64 msecsSinceEpoch);
    // Rich text for a tooltip: series label, step, value, time and time since `timeOrigin`.
    static QString tooltip(const QString& label, const MetricPoint& point, qint64 timeOrigin);
};

} // namespace prov
