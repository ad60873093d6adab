#pragma once

#include "compare/MetricDecimation.h"
#include "domain/MetricHistory.h"

#include <QColor>
#include <QString>

#include <memory>

QT_BEGIN_NAMESPACE
class QLineSeries;
QT_END_NAMESPACE

namespace prov {

// One history as a MetricChartView draws it: the full data, what the decimator kept of it
// for the current plot width, and the line series showing that. Shared by the view and its
// hover handling; the chart owns `line`.
struct MetricChartLayer
{
    QString label;
    QColor color;
    std::shared_ptr<const MetricHistory> history;
    QLineSeries* line = nullptr;
    MetricDecimation decimation;
};

} // namespace prov
