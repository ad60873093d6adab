#pragma once

#include "CompareChartScene.h"

QT_BEGIN_NAMESPACE
class QChart;
QT_END_NAMESPACE

namespace prov {

// "Clip outliers" for a chart CompareChartScene has filled: narrows its y axis to
// CompareYRange::clipped() of the values it draws (padded and ticked as MetricChartAxes pads
// any y range) and moves the NaN / inf markers onto the new edges. Lines reaching beyond the
// axis are cut at the plot's edge, as Qt Charts clips every series to the plot area.
class CompareYClip
{
public:
    // True when the axis was narrowed (false: nothing to clip, or no value to draw).
    static bool apply(QChart* chart, const CompareChart& data, const CompareChartStyle& style, bool logApplied);
};

} // namespace prov
