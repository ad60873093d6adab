#include "CompareChartScene.h"

#include "CompareLinesItem.h"
#include "ComparePalette.h"
#include "MetricChartAxes.h"
#include "compare/CompareYRange.h"

#include <QAreaSeries>
#include <QChart>
#include <QLegend>
#include <QLegendMarker>
#include <QLineSeries>
#include <QScatterSeries>

#include <cmath>

namespace prov {
namespace {

using Range = MetricDecimation::Range;

void include(std::optional<Range>& into, const std::optional<Range>& range)
{
    if (!range)
        return;
    into = into ? Range { std::min(into->min, range->min), std::max(into->max, range->max) } : *range;
}

struct Frame
{
    QChart* chart = nullptr;
    double xScale = 1.0;
    Range yDisplay;
    bool logY = false;
};

void attach(const Frame& frame, QAbstractSeries* series, bool inLegend)
{
    frame.chart->addSeries(series);
    series->attachAxis(frame.chart->axes(Qt::Horizontal).constFirst());
    series->attachAxis(frame.chart->axes(Qt::Vertical).constFirst());
    if (!inLegend) {
        const auto markers = frame.chart->legend()->markers(series);
        for (QLegendMarker* marker : markers)
            marker->setVisible(false);
    }
}

QList<QPointF> displayPoints(const std::vector<DecimatedPoint>& points, double xScale, bool logY)
{
    QList<QPointF> out;
    out.reserve(qsizetype(points.size()));
    for (const DecimatedPoint& p : points) {
        if (!logY || p.point.value > 0) // a log axis cannot place values <= 0
            out.append({ p.x / xScale, p.point.value });
    }
    return out;
}

std::optional<Range> yDataRange(const CompareChart& data, const CompareChartStyle& style)
{
    std::optional<Range> y;
    if (style.groups) {
        for (const GroupBand& band : *style.groups) {
            for (const GroupBandPoint& p : band.points)
                include(y, Range { p.min, p.max });
        }
        return y;
    }
    for (const CompareLine& line : data.lines) {
        if (style.hidden.contains(line.run.key))
            continue;
        include(y, line.drawn().yRange);
        if (line.isSmoothed())
            include(y, line.raw.yRange);
    }
    return y;
}

double edgeY(const Frame& frame, bool top)
{
    constexpr double inset = 0.025;
    if (frame.logY) {
        const double low = std::log10(frame.yDisplay.min);
        const double high = std::log10(frame.yDisplay.max);
        return std::pow(10.0, top ? high - (high - low) * inset : low + (high - low) * inset);
    }
    const double pad = (frame.yDisplay.max - frame.yDisplay.min) * inset;
    return top ? frame.yDisplay.max - pad : frame.yDisplay.min + pad;
}

// A hidden run keeps its legend entry (an empty series, dimmed and struck out) so that clicking
// the entry again shows the run; its points leave the chart and the y range.
void addHiddenRun(const Frame& frame, const CompareLine& line, int colorIndex)
{
    auto* series = new QLineSeries;
    series->setObjectName(QStringLiteral("line:") + line.run.runId());
    series->setName(line.run.label());
    QPen pen = ComparePalette::pen(colorIndex, 1.0);
    QColor dim = pen.color();
    dim.setAlpha(CompareChartScene::HiddenAlpha);
    pen.setColor(dim);
    series->setPen(pen);
    attach(frame, series, true);
    const auto markers = frame.chart->legend()->markers(series);
    for (QLegendMarker* marker : markers) {
        marker->setBrush(dim);
        marker->setLabelBrush(QColor(128, 128, 128));
        QFont font = marker->font();
        font.setStrikeOut(true);
        marker->setFont(font);
    }
}

// A chart is dense when a curve has more points than pixel columns or all its curves together
// have many points. Its curves are then drawn with solid one-pixel lines: dash patterns vanish
// in a curve that turns at every pixel, and wider or dashed pens leave the rasteriser's fast
// path (100 curves of 6,400 points took 43 s to paint with them, under a second without).
bool isDense(const CompareChart& data)
{
    constexpr qsizetype denseBudget = 20'000;
    qsizetype points = 0;
    for (const CompareLine& line : data.lines) {
        if (line.drawn().reduced)
            return true;
        points += qsizetype(line.drawn().line.size());
    }
    return points > denseBudget;
}

// A legend of more than a few dozen runs would fill the chart and says little; hover and the
// diff table name the runs then, and one item draws all their curves (CompareLinesItem).
constexpr qsizetype legendLimit = 24;

bool hasLegend(const CompareChart& data, const CompareChartStyle& style)
{
    return style.groups || qsizetype(data.lines.size()) <= legendLimit;
}

void addRunLinesAsOneItem(const Frame& frame, const CompareChart& data, const CompareChartStyle& style)
{
    // The item maps values to positions through this empty series' axes.
    auto* anchor = new QLineSeries;
    anchor->setObjectName(QStringLiteral("linesAnchor"));
    attach(frame, anchor, false);
    auto* item = new CompareLinesItem(frame.chart, anchor, frame.logY);
    for (const CompareLine& line : data.lines) {
        if (style.hidden.contains(line.run.key))
            continue;
        const int colorIndex = style.colorIndex.value(line.run.key, 0);
        if (line.isSmoothed()) {
            QColor faint = ComparePalette::color(colorIndex);
            faint.setAlpha(60);
            item->addCurve({ displayPoints(line.raw.line, frame.xScale, frame.logY), QPen(faint, 1.0) });
        }
        item->addCurve({ displayPoints(line.drawn().line, frame.xScale, frame.logY),
            QPen(ComparePalette::color(colorIndex), 1.0) });
    }
}

void addRunLines(const Frame& frame, const CompareChart& data, const CompareChartStyle& style)
{
    if (!hasLegend(data, style)) {
        addRunLinesAsOneItem(frame, data, style);
        return;
    }
    const bool dense = isDense(data);
    const double width = dense ? 1.0 : style.compact ? 1.25 : 1.6;
    for (const CompareLine& line : data.lines) {
        if (style.hidden.contains(line.run.key)) {
            addHiddenRun(frame, line, style.colorIndex.value(line.run.key, 0));
            continue;
        }
        const int colorIndex = style.colorIndex.value(line.run.key, 0);
        if (line.isSmoothed()) {
            auto* raw = new QLineSeries;
            raw->setObjectName(QStringLiteral("raw:") + line.run.runId());
            QColor faint = ComparePalette::color(colorIndex);
            faint.setAlpha(60);
            raw->setPen(QPen(faint, 1.0));
            raw->replace(displayPoints(line.raw.line, frame.xScale, frame.logY));
            attach(frame, raw, false);
        }
        auto* series = new QLineSeries;
        series->setObjectName(QStringLiteral("line:") + line.run.runId());
        series->setName(line.run.label());
        QPen pen = ComparePalette::pen(colorIndex, width);
        if (dense)
            pen.setStyle(Qt::SolidLine);
        series->setPen(pen);
        const QList<QPointF> points = displayPoints(line.drawn().line, frame.xScale, frame.logY);
        series->setPointsVisible(points.size() == 1);
        series->replace(points);
        attach(frame, series, true);
    }
}

using MarkerPoints = std::vector<DecimatedPoint> MetricDecimation::*;

void addMarkers(const Frame& frame, const CompareChart& data, const CompareChartStyle& style, MarkerPoints points,
    const QString& name, QScatterSeries::MarkerShape shape, bool top)
{
    QList<QPointF> positions;
    QList<QColor> colors;
    for (const CompareLine& line : data.lines) {
        if (style.hidden.contains(line.run.key))
            continue;
        for (const DecimatedPoint& p : line.drawn().*points) {
            positions.append({ p.x / frame.xScale, edgeY(frame, top) });
            colors.append(ComparePalette::color(style.colorIndex.value(line.run.key, 0)));
        }
    }
    if (positions.isEmpty())
        return;
    auto* series = new QScatterSeries;
    series->setObjectName(name);
    series->setMarkerShape(shape);
    series->setMarkerSize(style.compact ? 6.0 : 8.0);
    series->setBorderColor(Qt::transparent);
    series->replace(positions);
    for (qsizetype i = 0; i < colors.size(); ++i)
        series->setPointConfiguration(int(i), QXYSeries::PointConfiguration::Color, colors[i]);
    attach(frame, series, false);
}

void addGroups(const Frame& frame, const std::vector<GroupBand>& groups)
{
    for (size_t g = 0; g < groups.size(); ++g) {
        const GroupBand& band = groups[g];
        const QColor color = ComparePalette::color(int(g));
        auto* area = new QAreaSeries;
        area->setObjectName(QStringLiteral("band:") + band.label);
        auto* upper = new QLineSeries(area);
        auto* lower = new QLineSeries(area);
        auto* mean = new QLineSeries;
        mean->setObjectName(QStringLiteral("mean:") + band.label);
        mean->setName(QStringLiteral("%1 (%2)").arg(band.label).arg(band.runCount));
        mean->setPen(ComparePalette::pen(int(g), 1.8));
        for (const GroupBandPoint& p : band.points) {
            const double x = p.x / frame.xScale;
            if (frame.logY && p.min <= 0)
                continue;
            upper->append(x, p.max);
            lower->append(x, p.min);
            mean->append(x, p.mean);
        }
        area->setUpperSeries(upper);
        area->setLowerSeries(lower);
        QColor fill = color;
        fill.setAlpha(50);
        area->setBrush(fill);
        area->setPen(Qt::NoPen);
        attach(frame, area, false);
        attach(frame, mean, true);
    }
}

} // namespace

CompareLinesItem* CompareChartScene::linesItem(const QChart* chart)
{
    const auto children = chart->childItems();
    for (QGraphicsItem* child : children) {
        if (auto* item = dynamic_cast<CompareLinesItem*>(child))
            return item;
    }
    return nullptr;
}

CompareChartScene::Outcome CompareChartScene::populate(
    QChart* chart, const CompareChart& data, const CompareChartStyle& style)
{
    chart->removeAllSeries();
    delete linesItem(chart);
    const auto axes = chart->axes();
    for (QAbstractAxis* axis : axes) {
        chart->removeAxis(axis);
        delete axis;
    }
    chart->legend()->setVisible(hasLegend(data, style));
    Outcome outcome;
    const Range x = data.options.visibleRange.value_or(data.xRange.value_or(Range { 0, 1 }));
    const MetricChartAxes::TimeUnit unit = MetricChartAxes::relativeTimeUnit(x.max - x.min);
    outcome.xScale = data.options.axis == MetricXAxis::RelativeTime ? unit.milliseconds : 1.0;
    outcome.xDisplay = { x.min / outcome.xScale, x.max / outcome.xScale };
    std::optional<Range> y = yDataRange(data, style);
    outcome.logApplied = style.logY && (!y || y->min > 0);
    if (style.clipOutliers && y) {
        // Lines beyond the narrowed axis are cut at the plot's edge (Qt Charts clips every
        // series to the plot area); the NaN / inf markers go on the narrowed edges.
        const std::optional<Range> inside
            = CompareYRange::clipped(CompareYRange::drawnValues(data, style.hidden, style.groups), outcome.logApplied);
        if (inside && (inside->min > y->min || inside->max < y->max)) {
            y = inside;
            outcome.yClipped = true;
        }
    }

    Frame frame { chart, outcome.xScale, MetricChartAxes::yDisplayRange(y, outcome.logApplied), outcome.logApplied };
    chart->addAxis(
        MetricChartAxes::createXAxis(data.options.axis, outcome.xDisplay, unit, style.compact), Qt::AlignBottom);
    chart->addAxis(MetricChartAxes::createYAxis(frame.yDisplay, outcome.logApplied, style.compact), Qt::AlignLeft);
    if (style.groups) {
        addGroups(frame, *style.groups);
        return outcome;
    }
    addRunLines(frame, data, style);
    addMarkers(frame, data, style, &MetricDecimation::nanPoints, QStringLiteral("nanMarkers"),
        QScatterSeries::MarkerShapeRotatedRectangle, false);
    addMarkers(frame, data, style, &MetricDecimation::positiveInfPoints, QStringLiteral("positiveInfMarkers"),
        QScatterSeries::MarkerShapeTriangle, true);
    addMarkers(frame, data, style, &MetricDecimation::negativeInfPoints, QStringLiteral("negativeInfMarkers"),
        QScatterSeries::MarkerShapeTriangle, false);
    return outcome;
}

} // namespace prov
