#include "CompareYClip.h"

#include "MetricChartAxes.h"
#include "compare/CompareYRange.h"

#include <QChart>
#include <QLogValueAxis>
#include <QScatterSeries>
#include <QValueAxis>

#include <cmath>

namespace prov {
namespace {

using Range = MetricDecimation::Range;

// Where CompareChartScene puts its markers: just inside the top or bottom edge.
double edgeY(Range display, bool logarithmic, bool top)
{
    constexpr double inset = 0.025;
    if (logarithmic) {
        const double low = std::log10(display.min);
        const double high = std::log10(display.max);
        return std::pow(10.0, top ? high - (high - low) * inset : low + (high - low) * inset);
    }
    const double pad = (display.max - display.min) * inset;
    return top ? display.max - pad : display.min + pad;
}

void moveMarkers(QChart* chart, Range display, bool logarithmic)
{
    const auto all = chart->series();
    for (QAbstractSeries* series : all) {
        auto* markers = qobject_cast<QScatterSeries*>(series);
        if (!markers)
            continue;
        const bool top = markers->objectName() == QLatin1String("positiveInfMarkers");
        const double y = edgeY(display, logarithmic, top);
        for (int i = 0; i < markers->count(); ++i)
            markers->replace(i, QPointF(markers->at(i).x(), y)); // keeps each marker's colour
    }
}

} // namespace

bool CompareYClip::apply(QChart* chart, const CompareChart& data, const CompareChartStyle& style, bool logApplied)
{
    const std::optional<Range> clipped
        = CompareYRange::clipped(CompareYRange::drawnValues(data, style.hidden, style.groups), logApplied);
    QAbstractAxis* axis = chart->axes(Qt::Vertical).value(0);
    if (!clipped || !axis)
        return false;
    const Range display = MetricChartAxes::yDisplayRange(clipped, logApplied);
    if (auto* log = qobject_cast<QLogValueAxis*>(axis)) {
        if (display.min <= log->min() && display.max >= log->max())
            return false;
        log->setRange(display.min, display.max);
    } else if (auto* linear = qobject_cast<QValueAxis*>(axis)) {
        if (display.min <= linear->min() && display.max >= linear->max())
            return false;
        const double interval = MetricChartAxes::niceTickInterval(display.max - display.min, style.compact ? 3 : 6);
        linear->setRange(display.min, display.max);
        linear->setTickInterval(interval);
        linear->setLabelFormat(MetricChartAxes::labelFormat(interval));
    } else {
        return false;
    }
    moveMarkers(chart, display, logApplied);
    return true;
}

} // namespace prov
