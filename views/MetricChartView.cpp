#include "MetricChartView.h"

#include "compare/MetricDecimator.h"
#include "jobs/JobRunner.h"

#include <QChart>
#include <QChartView>
#include <QEvent>
#include <QGraphicsLayout>
#include <QLabel>
#include <QLegend>
#include <QLegendMarker>
#include <QLineSeries>
#include <QScatterSeries>
#include <QStackedLayout>

#include <cmath>

namespace prov {
namespace {

// Tableau 10, the palette MLflow and matplotlib users read runs in.
QColor paletteColor(size_t index)
{
    static constexpr QRgb colors[]
        = { 0x1f77b4, 0xff7f0e, 0x2ca02c, 0xd62728, 0x9467bd, 0x8c564b, 0xe377c2, 0x7f7f7f, 0xbcbd22, 0x17becf };
    return QColor::fromRgb(colors[index % std::size(colors)]);
}

constexpr double EdgeInset = 0.025; // where edge markers sit, as a fraction of the y span

void sumRange(std::optional<MetricDecimation::Range>& into, const std::optional<MetricDecimation::Range>& range)
{
    if (!range)
        return;
    if (!into)
        into = range;
    else
        into = MetricDecimation::Range { std::min(into->min, range->min), std::max(into->max, range->max) };
}

using Decimations = std::shared_ptr<const std::vector<MetricDecimation>>;

// Decimates every history over the same x range so their columns line up (a job).
Decimations decimateAll(const std::vector<std::shared_ptr<const MetricHistory>>& histories, int columns,
    MetricXAxis axis, MetricDecimation::Range xRange, const JobContext& job)
{
    auto out = std::make_shared<std::vector<MetricDecimation>>();
    out->reserve(histories.size());
    for (const auto& history : histories) {
        if (job.isCancelled())
            break;
        MetricDecimator decimator(columns, axis);
        decimator.setVisibleRange(xRange.min, xRange.max);
        out->push_back(decimator.decimate(*history));
    }
    return out;
}

} // namespace

MetricChartView::MetricChartView(JobRunner& jobs, QWidget* parent)
    : QWidget(parent)
    , m_jobs(jobs)
    , m_channel(QStringLiteral("chart-decimation:") + QString::number(quintptr(this), 16))
{
    m_emptyLabel = new QLabel(tr("Select a metric to see its history"));
    m_emptyLabel->setObjectName(QStringLiteral("emptyStateLabel"));
    m_emptyLabel->setAlignment(Qt::AlignCenter);
    m_emptyLabel->setWordWrap(true);
    m_emptyLabel->setMargin(8);

    m_chart = new QChart;
    m_chartView = new QChartView(m_chart); // owns the chart
    m_chartView->setObjectName(QStringLiteral("chartView"));
    m_chartView->setRenderHint(QPainter::Antialiasing);
    m_chartView->setFrameShape(QFrame::NoFrame);
    m_hover = new MetricChartHover(m_chartView);

    m_stack = new QStackedLayout(this);
    m_stack->setContentsMargins(0, 0, 0, 0);
    m_stack->addWidget(m_emptyLabel);
    m_stack->addWidget(m_chartView);

    // Resizing fires many plot-area changes; decimate once it settles.
    m_redecimateTimer.setSingleShot(true);
    m_redecimateTimer.setInterval(30);
    connect(&m_redecimateTimer, &QTimer::timeout, this, &MetricChartView::redecimateIfNeeded);
    connect(m_chart, &QChart::plotAreaChanged, this, &MetricChartView::scheduleRedecimation);

    applyTheme();
    applyMode();
    rebuild();
}

MetricChartView::~MetricChartView() = default;

void MetricChartView::setSeries(std::vector<MetricChartSeries> series)
{
    m_series = std::move(series);
    rebuild();
}

void MetricChartView::setHistory(const QString& label, std::shared_ptr<const MetricHistory> history)
{
    std::vector<MetricChartSeries> series;
    series.push_back({ label, std::move(history), QColor() });
    setSeries(std::move(series));
}

void MetricChartView::clear()
{
    setSeries({});
}

void MetricChartView::setXAxis(MetricXAxis axis)
{
    if (axis == m_xAxis)
        return;
    m_xAxis = axis;
    rebuild();
}

void MetricChartView::setMode(Mode mode)
{
    if (mode == m_mode)
        return;
    m_mode = mode;
    applyMode();
    rebuild();
}

bool MetricChartView::setLogScale(bool enabled)
{
    if (enabled != m_logRequested) {
        m_logRequested = enabled;
        rebuild();
    }
    return isLogScale();
}

bool MetricChartView::isLogScale() const
{
    return m_logRequested && m_logAvailable;
}

void MetricChartView::setEmptyText(const QString& text)
{
    m_emptyLabel->setText(text);
}

QString MetricChartView::emptyText() const
{
    return m_emptyLabel->text();
}

QSize MetricChartView::sizeHint() const
{
    return m_mode == Mode::Compact ? QSize(320, 140) : QSize(640, 400);
}

QSize MetricChartView::minimumSizeHint() const
{
    return m_mode == Mode::Compact ? QSize(160, 80) : QSize(280, 180);
}

void MetricChartView::changeEvent(QEvent* event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::PaletteChange) {
        applyTheme();
        applyMode();
        rebuild();
    }
}

void MetricChartView::applyTheme()
{
    const bool dark = palette().color(QPalette::Window).lightness() < 128;
    m_chart->setTheme(dark ? QChart::ChartThemeDark : QChart::ChartThemeLight);
    m_chart->setBackgroundRoundness(0);
    m_chart->setDropShadowEnabled(false);
    QPalette hint = m_emptyLabel->palette();
    hint.setColor(QPalette::WindowText, palette().color(QPalette::PlaceholderText));
    m_emptyLabel->setPalette(hint);
}

void MetricChartView::applyMode()
{
    const bool compact = m_mode == Mode::Compact;
    m_chart->setMargins(compact ? QMargins(0, 2, 4, 0) : QMargins(6, 8, 14, 4));
    m_chart->layout()->setContentsMargins(0, 0, 0, 0);
    m_chart->legend()->setVisible(!compact);
    m_chart->legend()->setAlignment(Qt::AlignBottom);
    m_chart->legend()->setMarkerShape(QLegend::MarkerShapeFromSeries);
    // A compact chart sits in a panel: let the panel show through.
    m_chart->setBackgroundVisible(!compact);
    m_chartView->viewport()->setBackgroundRole(compact ? QPalette::Window : QPalette::Base);
    updateGeometry();
}

void MetricChartView::rebuild()
{
    m_pending.clear();
    std::optional<MetricChartAxes::Range> xRange;
    for (size_t i = 0; i < m_series.size(); ++i) {
        const MetricChartSeries& s = m_series[i];
        if (!s.history || s.history->isEmpty())
            continue;
        m_pending.push_back({ s.label, s.color.isValid() ? s.color : paletteColor(i), s.history, nullptr, {} });
        sumRange(xRange, MetricDecimator::xExtent(s.history->points(), m_xAxis));
    }
    ++m_drawGeneration; // whatever is being decimated is stale now
    if (m_pending.empty()) {
        clearChart();
        updateLogAvailability(std::nullopt);
        m_stack->setCurrentWidget(m_emptyLabel);
        Q_EMIT redrawn();
        return;
    }
    m_pendingXRange = *xRange;
    m_needsRebuild = true;
    requestDecimation(plotColumns());
}

void MetricChartView::clearChart()
{
    m_hover->setLayers(nullptr, {}, nullptr);
    m_chart->removeAllSeries();
    const auto axes = m_chart->axes();
    for (QAbstractAxis* axis : axes) {
        m_chart->removeAxis(axis);
        delete axis;
    }
    m_layers.clear();
    m_nanMarkers = m_positiveInfMarkers = m_negativeInfMarkers = nullptr;
}

void MetricChartView::requestDecimation(int columns)
{
    const std::vector<MetricChartLayer>& layers = m_needsRebuild ? m_pending : m_layers;
    std::vector<std::shared_ptr<const MetricHistory>> histories;
    for (const MetricChartLayer& layer : layers)
        histories.push_back(layer.history);
    const quint64 generation = ++m_drawGeneration;
    m_jobs.run<Decimations>(
        m_channel,
        [histories, columns, axis = m_xAxis, range = m_needsRebuild ? m_pendingXRange : m_xRange](
            JobContext& job) -> Result<Decimations> { return decimateAll(histories, columns, axis, range, job); },
        this,
        [this, generation, columns](const Result<Decimations>& result) {
            if (result && generation == m_drawGeneration)
                applyDecimation(**result, columns);
        });
}

void MetricChartView::applyDecimation(const std::vector<MetricDecimation>& decimations, int columns)
{
    m_columns = columns;
    if (m_needsRebuild) {
        clearChart();
        m_layers = std::move(m_pending);
        m_pending.clear();
        m_xRange = m_pendingXRange;
    }
    for (size_t i = 0; i < m_layers.size() && i < decimations.size(); ++i)
        m_layers[i].decimation = decimations[i];
    if (m_needsRebuild) {
        m_needsRebuild = false;
        buildChart();
    } else {
        m_hover->hide();
    }
    fillSeries();
    fillMarkers();
    Q_EMIT redrawn();
}

void MetricChartView::buildChart()
{
    m_stack->setCurrentWidget(m_chartView);
    const MetricChartAxes::TimeUnit unit = MetricChartAxes::relativeTimeUnit(m_xRange.max - m_xRange.min);
    m_xScale = m_xAxis == MetricXAxis::RelativeTime ? unit.milliseconds : 1.0;
    std::optional<MetricChartAxes::Range> yRange;
    for (const MetricChartLayer& layer : m_layers)
        sumRange(yRange, layer.decimation.yRange);
    updateLogAvailability(yRange);
    buildAxes(unit, yRange);

    for (MetricChartLayer& layer : m_layers) {
        layer.line = new QLineSeries;
        layer.line->setName(layer.label);
        QPen pen(layer.color, m_mode == Mode::Compact ? 1.25 : 1.5);
        pen.setCapStyle(Qt::RoundCap);
        pen.setJoinStyle(Qt::RoundJoin);
        layer.line->setPen(pen);
        layer.line->setMarkerSize(5.0);
        attach(layer.line);
    }
    buildMarkerSeries();
}

void MetricChartView::buildAxes(const MetricChartAxes::TimeUnit& unit, std::optional<MetricChartAxes::Range> yRange)
{
    const bool compact = m_mode == Mode::Compact;
    const bool logarithmic = isLogScale();
    m_yDisplay = MetricChartAxes::yDisplayRange(yRange, logarithmic);
    QAbstractAxis* xAxis
        = MetricChartAxes::createXAxis(m_xAxis, { displayX(m_xRange.min), displayX(m_xRange.max) }, unit, compact);
    QAbstractAxis* yAxis = MetricChartAxes::createYAxis(m_yDisplay, logarithmic, compact);
    for (QAbstractAxis* axis : { xAxis, yAxis }) {
        if (compact) {
            QFont small = font();
            small.setPointSizeF(small.pointSizeF() * 0.85);
            axis->setLabelsFont(small);
        }
        axis->setTitleFont(font());
    }
    m_chart->addAxis(xAxis, Qt::AlignBottom);
    m_chart->addAxis(yAxis, Qt::AlignLeft);
}

void MetricChartView::attach(QXYSeries* series)
{
    m_chart->addSeries(series);
    series->attachAxis(m_chart->axes(Qt::Horizontal).constFirst());
    series->attachAxis(m_chart->axes(Qt::Vertical).constFirst());
}

void MetricChartView::buildMarkerSeries()
{
    qsizetype nan = 0, positiveInf = 0, negativeInf = 0;
    for (const MetricChartLayer& layer : m_layers) {
        nan += layer.decimation.nanCount;
        positiveInf += layer.decimation.positiveInfCount;
        negativeInf += layer.decimation.negativeInfCount;
    }
    m_nanMarkers = addMarkerSeries(QStringLiteral("nanMarkers"), QScatterSeries::MarkerShapeRotatedRectangle, nan,
        tr("NaN (%n)", nullptr, int(nan)));
    m_positiveInfMarkers = addMarkerSeries(QStringLiteral("positiveInfMarkers"), QScatterSeries::MarkerShapeTriangle,
        positiveInf, tr("+inf (%n)", nullptr, int(positiveInf)));
    m_negativeInfMarkers = addMarkerSeries(QStringLiteral("negativeInfMarkers"), QScatterSeries::MarkerShapeTriangle,
        negativeInf, tr("-inf (%n)", nullptr, int(negativeInf)));

    auto* hoverMarker = new QScatterSeries;
    hoverMarker->setObjectName(QStringLiteral("hoverMarker"));
    hoverMarker->setMarkerSize(m_mode == Mode::Compact ? 7.0 : 9.0);
    hoverMarker->setBorderColor(palette().color(QPalette::Base));
    attach(hoverMarker);
    const auto hoverLegend = m_chart->legend()->markers(hoverMarker);
    for (QLegendMarker* marker : hoverLegend)
        marker->setVisible(false);
    m_hover->setLayers(&m_layers, { m_xScale, edgeY(true), edgeY(false) }, hoverMarker);
}

QScatterSeries* MetricChartView::addMarkerSeries(
    const QString& objectName, QScatterSeries::MarkerShape shape, qsizetype count, const QString& legend)
{
    if (count == 0)
        return nullptr;
    auto* series = new QScatterSeries;
    series->setObjectName(objectName);
    series->setName(legend);
    series->setMarkerShape(shape);
    series->setMarkerSize(m_mode == Mode::Compact ? 6.0 : 8.0);
    // The legend shows the kind in grey; each marker takes its history's colour.
    series->setColor(QColor(0x70, 0x70, 0x70));
    series->setBorderColor(Qt::transparent);
    attach(series);
    return series;
}

void MetricChartView::updateLogAvailability(std::optional<MetricChartAxes::Range> yRange)
{
    const bool available = !yRange || yRange->min > 0;
    if (available == m_logAvailable)
        return;
    m_logAvailable = available;
    Q_EMIT logScaleAvailableChanged(available);
}

int MetricChartView::plotColumns() const
{
    // Before the first layout the plot area is a default; never exceed the widget itself.
    const double area = m_chart->plotArea().width();
    const int columns = area >= 1.0 ? std::min(int(std::ceil(area)), width()) : width();
    return std::max(columns, 1);
}

void MetricChartView::fillSeries()
{
    for (MetricChartLayer& layer : m_layers) {
        QList<QPointF> points;
        points.reserve(qsizetype(layer.decimation.line.size()));
        for (const DecimatedPoint& p : layer.decimation.line)
            points.append({ displayX(p.x), p.point.value });
        // Sparse histories show their points; dense ones would turn into a thick smear.
        layer.line->setPointsVisible(points.size() * 8 <= m_columns);
        layer.line->replace(points);
    }
}

double MetricChartView::edgeY(bool top) const
{
    if (isLogScale()) {
        const double low = std::log10(m_yDisplay.min);
        const double high = std::log10(m_yDisplay.max);
        return std::pow(10.0, top ? high - (high - low) * EdgeInset : low + (high - low) * EdgeInset);
    }
    const double inset = (m_yDisplay.max - m_yDisplay.min) * EdgeInset;
    return top ? m_yDisplay.max - inset : m_yDisplay.min + inset;
}

void MetricChartView::fillMarkers()
{
    fillMarkerSeries(m_nanMarkers, &MetricDecimation::nanPoints, edgeY(false));
    fillMarkerSeries(m_positiveInfMarkers, &MetricDecimation::positiveInfPoints, edgeY(true));
    fillMarkerSeries(m_negativeInfMarkers, &MetricDecimation::negativeInfPoints, edgeY(false));
}

void MetricChartView::fillMarkerSeries(QScatterSeries* series, MarkerPoints points, double y)
{
    if (!series)
        return;
    QList<QPointF> positions;
    QList<QColor> colors;
    for (const MetricChartLayer& layer : m_layers) {
        for (const DecimatedPoint& p : layer.decimation.*points) {
            positions.append({ displayX(p.x), y });
            colors.append(layer.color);
        }
    }
    series->clearPointsConfiguration();
    series->replace(positions);
    for (qsizetype i = 0; i < colors.size(); ++i)
        series->setPointConfiguration(int(i), QXYSeries::PointConfiguration::Color, colors[i]);
}

void MetricChartView::scheduleRedecimation()
{
    if (!m_layers.empty() || m_needsRebuild)
        m_redecimateTimer.start();
}

void MetricChartView::redecimateIfNeeded()
{
    const int columns = plotColumns();
    if ((m_layers.empty() && !m_needsRebuild) || columns == m_columns)
        return;
    requestDecimation(columns);
}

} // namespace prov
