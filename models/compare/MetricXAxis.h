#pragma once

#include "domain/MetricPoint.h"

namespace prov {

// What the x axis of a metric chart measures. Step is the logged step; WallTime is the
// timestamp (milliseconds since the Unix epoch); RelativeTime is milliseconds since the
// history's earliest timestamp, so runs started on different days line up at zero (as the
// MLflow UI and TensorBoard show it).
enum class MetricXAxis {
    Step,
    WallTime,
    RelativeTime,
};

// The x coordinate of `point` on `axis`; `timeOrigin` is only used for RelativeTime.
// Doubles hold every step and epoch millisecond exactly (below 2^53).
inline double metricX(const MetricPoint& point, MetricXAxis axis, qint64 timeOrigin)
{
    switch (axis) {
    case MetricXAxis::Step:
        return static_cast<double>(point.step);
    case MetricXAxis::WallTime:
        return static_cast<double>(point.timestamp);
    case MetricXAxis::RelativeTime:
        return static_cast<double>(point.timestamp - timeOrigin);
    }
    return static_cast<double>(point.step);
}

} // namespace prov
