#include "MetricChartAxes.h"

#include <QDateTime>
#include <QDateTimeAxis>
#include <QLogValueAxis>
#include <QPen>
#include <QValueAxis>

#include <algorithm>
#include <cmath>

namespace prov {
namespace {

constexpr int NormalTicks = 6;
constexpr int CompactTicks = 3;

// Widens an empty or degenerate range so that a single value sits in the middle.
MetricChartAxes::Range widened(MetricChartAxes::Range range, double minimumHalfWidth)
{
    if (range.max > range.min)
        return range;
    const double half = std::max(std::abs(range.min) * 0.1, minimumHalfWidth);
    return { range.min - half, range.max + half };
}

// A little room left and right keeps the first and last points (and their markers) clear
// of the frame.
MetricChartAxes::Range xPadded(MetricChartAxes::Range range, double minimumHalfWidth)
{
    const MetricChartAxes::Range wide = widened(range, minimumHalfWidth);
    const double pad = (wide.max - wide.min) * 0.015;
    return { wide.min - pad, wide.max + pad };
}

QValueAxis* valueAxis(MetricChartAxes::Range range, bool integral, bool compact)
{
    auto* axis = new QValueAxis;
    axis->setRange(range.min, range.max);
    const double interval
        = MetricChartAxes::niceTickInterval(range.max - range.min, compact ? CompactTicks : NormalTicks, integral);
    axis->setTickType(QValueAxis::TicksDynamic);
    axis->setTickAnchor(0.0);
    axis->setTickInterval(interval);
    axis->setLabelFormat(MetricChartAxes::labelFormat(interval));
    return axis;
}

} // namespace

MetricChartAxes::TimeUnit MetricChartAxes::relativeTimeUnit(double spanMs)
{
    constexpr double second = 1000.0;
    constexpr double minute = 60 * second;
    constexpr double hour = 60 * minute;
    if (spanMs < 2 * minute)
        return { second, QStringLiteral("s") };
    if (spanMs < 2 * hour)
        return { minute, QStringLiteral("min") };
    if (spanMs < 48 * hour)
        return { hour, QStringLiteral("h") };
    return { 24 * hour, QStringLiteral("d") };
}

double MetricChartAxes::niceTickInterval(double span, int targetTicks, bool integral)
{
    if (!(span > 0) || !std::isfinite(span))
        return 1.0;
    const double raw = span / std::max(targetTicks - 1, 1);
    const double magnitude = std::pow(10.0, std::floor(std::log10(raw)));
    const double normalised = raw / magnitude;
    const double nice = normalised < 1.5 ? 1 : normalised < 3 ? 2 : normalised < 7 ? 5 : 10;
    const double interval = nice * magnitude;
    return integral ? std::max(interval, 1.0) : interval;
}

QString MetricChartAxes::labelFormat(double interval)
{
    if (!(interval > 0) || interval >= 1e7 || interval < 1e-6)
        return QStringLiteral("%.3g");
    const int decimals = std::max(0, int(-std::floor(std::log10(interval) + 1e-9)));
    return QStringLiteral("%.%1f").arg(decimals);
}

QString MetricChartAxes::dateTimeFormat(double spanMs)
{
    constexpr double day = 24 * 3600 * 1000.0;
    if (spanMs < 2 * 60 * 1000.0)
        return QStringLiteral("hh:mm:ss");
    if (spanMs < day)
        return QStringLiteral("hh:mm");
    if (spanMs < 180 * day)
        return QStringLiteral("MMM d hh:mm");
    return QStringLiteral("yyyy-MM-dd");
}

MetricChartAxes::Range MetricChartAxes::yDisplayRange(std::optional<Range> data, bool logarithmic)
{
    if (!data)
        return logarithmic ? Range { 1, 10 } : Range { 0, 1 };
    if (logarithmic) {
        // A log axis labels powers of ten only: show at least one whole decade.
        const double low = std::pow(10.0, std::floor(std::log10(data->min)));
        double high = std::pow(10.0, std::ceil(std::log10(data->max)));
        if (high <= low)
            high = low * 10;
        // Nudged outwards so rounding never drops the end decades' labels.
        return { low * (1 - 1e-9), high * (1 + 1e-9) };
    }
    const Range range = widened(*data, 0.5);
    // Padding leaves room for the NaN / inf markers on the top and bottom edges.
    const double pad = (range.max - range.min) * 0.08;
    return { range.min - pad, range.max + pad };
}

QAbstractAxis* MetricChartAxes::createXAxis(MetricXAxis axis, Range range, const TimeUnit& unit, bool compact)
{
    QAbstractAxis* result = nullptr;
    switch (axis) {
    case MetricXAxis::Step:
        result = valueAxis(xPadded(range, 1.0), true, compact);
        result->setTitleText(QStringLiteral("Step"));
        break;
    case MetricXAxis::RelativeTime: {
        QValueAxis* timeAxis = valueAxis(xPadded(range, 1.0), false, compact);
        timeAxis->setTitleText(QStringLiteral("Relative time (%1)").arg(unit.suffix));
        if (compact) // no title to carry the unit: the labels do
            timeAxis->setLabelFormat(timeAxis->labelFormat() % QLatin1Char(' ') % unit.suffix);
        result = timeAxis;
        break;
    }
    case MetricXAxis::WallTime: {
        const Range span = xPadded(range, 1000.0);
        auto* timeAxis = new QDateTimeAxis;
        timeAxis->setRange(
            QDateTime::fromMSecsSinceEpoch(qint64(span.min)), QDateTime::fromMSecsSinceEpoch(qint64(span.max)));
        timeAxis->setFormat(dateTimeFormat(span.max - span.min));
        timeAxis->setTickCount(compact ? CompactTicks : 5);
        timeAxis->setTitleText(QStringLiteral("Wall time"));
        result = timeAxis;
        break;
    }
    }
    result->setTitleVisible(!compact);
    return result;
}

QAbstractAxis* MetricChartAxes::createYAxis(Range displayRange, bool logarithmic, bool compact)
{
    if (logarithmic) {
        auto* axis = new QLogValueAxis;
        axis->setBase(10.0);
        axis->setRange(displayRange.min, displayRange.max);
        axis->setLabelFormat(QStringLiteral("%g"));
        axis->setMinorTickCount(compact ? 0 : 8);
        axis->setMinorGridLinePen(QPen(QColor(128, 128, 128, 40), 1.0));
        return axis;
    }
    return valueAxis(displayRange, false, compact);
}

} // namespace prov
