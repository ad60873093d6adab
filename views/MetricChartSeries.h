#pragma once

#include "domain/MetricHistory.h"

#include <QColor>
#include <QString>

#include <memory>

namespace prov {

// One line of a MetricChartView: a labelled metric history (shared, never copied -- histories
// can hold millions of points) and an optional colour. An invalid colour lets the view pick
// one from its palette by position; screens that compare runs pass each run's colour so it
// matches across charts.
struct MetricChartSeries
{
    QString label;
    std::shared_ptr<const MetricHistory> history;
    QColor color;
};

} // namespace prov
