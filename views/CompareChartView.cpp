#include "CompareChartView.h"

#include "compare/MetricDecimator.h"
#include "core/DisplayFormat.h"

#include <QChart>
#include <QChartView>
#include <QDateTime>
#include <QDateTimeAxis>
#include <QEvent>
#include <QLabel>
#include <QLegend>
#include <QLegendMarker>
#include <QLineSeries>
#include <QMouseEvent>
#include <QStackedLayout>
#include <QToolTip>
#include <QValueAxis>

namespace prov {

CompareChartView::CompareChartView(QWidget* parent)
    : QWidget(parent)
{
    m_message = new QLabel(tr("Loading…"));
    m_message->setAlignment(Qt::AlignCenter);
    m_message->setObjectName(QStringLiteral("chartMessage"));
    m_chart = new QChart;
    m_chart->setAnimationOptions(QChart::NoAnimation);
    m_chart->setBackgroundRoundness(0);
    m_chart->setMargins(QMargins(4, 4, 8, 4));
    m_chart->legend()->setAlignment(Qt::AlignBottom);
    m_view = new QChartView(m_chart);
    m_view->setObjectName(QStringLiteral("chartView"));
    m_view->setRenderHint(QPainter::Antialiasing);
    m_view->setRubberBand(QChartView::HorizontalRubberBand);
    m_view->setFrameShape(QFrame::NoFrame);
    m_view->viewport()->installEventFilter(this);
    m_view->viewport()->setMouseTracking(true);
    // A right click is the chart's menu, not QChartView's "zoom out one step".
    m_view->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(m_view, &QWidget::customContextMenuRequested, this,
        [this](const QPoint& pos) { Q_EMIT menuRequested(m_view->viewport()->mapToGlobal(pos)); });
    m_stack = new QStackedLayout(this);
    m_stack->setContentsMargins(0, 0, 0, 0);
    m_stack->addWidget(m_message);
    m_stack->addWidget(m_view);
}

CompareChartView::~CompareChartView() = default;

QSize CompareChartView::sizeHint() const
{
    return { 560, 340 };
}

void CompareChartView::setLoading(const QString& text)
{
    m_message->setText(text);
    if (!m_data)
        m_stack->setCurrentWidget(m_message);
}

void CompareChartView::setChart(std::shared_ptr<const CompareChart> chart, const CompareChartStyle& style,
    std::shared_ptr<const std::vector<GroupBand>> groups)
{
    m_data = std::move(chart);
    m_groups = std::move(groups);
    m_style = style;
    m_style.groups = m_groups.get();
    m_chart->setTitle(m_data->key);
    m_populating = true; // the new axes' ranges are not a zoom
    m_outcome = CompareChartScene::populate(m_chart, *m_data, m_style);
    m_populating = false;
    if (auto* axis = qobject_cast<QValueAxis*>(m_chart->axes(Qt::Horizontal).value(0)))
        connect(axis, &QValueAxis::rangeChanged, this, &CompareChartView::onXRangeChanged);
    else if (auto* time = qobject_cast<QDateTimeAxis*>(m_chart->axes(Qt::Horizontal).value(0)))
        connect(time, &QDateTimeAxis::rangeChanged, this, &CompareChartView::onXRangeChanged);
    m_basePens.clear();
    const auto all = m_chart->series();
    for (QAbstractSeries* series : all) {
        if (auto* line = qobject_cast<QLineSeries*>(series); line && !line->objectName().isEmpty())
            m_basePens.insert(line->objectName(), line->pen());
    }
    applyHighlight();
    connectLegend();
    m_stack->setCurrentWidget(m_data->lines.empty() ? static_cast<QWidget*>(m_message) : m_view);
    if (m_data->lines.empty())
        m_message->setText(tr("No run logged %1").arg(m_data->key));
}

int CompareChartView::plotColumns() const
{
    const double area = m_chart->plotArea().width();
    return std::max(16, area >= 16.0 ? int(area) : width() - 80);
}

void CompareChartView::connectLegend()
{
    QHash<QString, RunRef> byName;
    if (m_data && !m_style.groups) {
        for (const CompareLine& line : m_data->lines)
            byName.insert(QStringLiteral("line:") + line.run.runId(), line.run.key);
    }
    const auto markers = m_chart->legend()->markers();
    for (QLegendMarker* marker : markers) {
        const auto found = byName.constFind(marker->series()->objectName());
        if (found == byName.constEnd())
            continue;
        const RunRef run = *found;
        // Queued: the page redraws the chart in answer, which deletes this marker mid-click.
        connect(
            marker, &QLegendMarker::clicked, this, [this, run] { Q_EMIT runToggled(run); }, Qt::QueuedConnection);
        connect(marker, &QLegendMarker::hovered, this, [this, run](bool entered) { Q_EMIT runHovered(run, entered); });
    }
}

void CompareChartView::setHighlightedRun(const std::optional<RunRef>& run)
{
    if (m_highlight == run)
        return;
    m_highlight = run;
    applyHighlight();
}

void CompareChartView::applyHighlight()
{
    QString highlighted;
    if (m_highlight && m_data && !m_style.groups && !m_style.hidden.contains(*m_highlight)) {
        for (const CompareLine& line : m_data->lines) {
            if (line.run.key == *m_highlight)
                highlighted = line.run.runId();
        }
    }
    const auto all = m_chart->series();
    for (QAbstractSeries* series : all) {
        auto* line = qobject_cast<QLineSeries*>(series);
        const auto base = line ? m_basePens.constFind(line->objectName()) : m_basePens.constEnd();
        if (base == m_basePens.constEnd())
            continue;
        QPen pen = *base;
        const QString runId = line->objectName().section(QLatin1Char(':'), 1);
        if (!highlighted.isEmpty() && runId == highlighted) {
            pen.setWidthF(pen.widthF() + 1.5);
        } else if (!highlighted.isEmpty()) {
            QColor faded = pen.color();
            faded.setAlphaF(faded.alphaF() * 0.25f);
            pen.setColor(faded);
        }
        if (line->pen() != pen)
            line->setPen(pen);
    }
}

void CompareChartView::onXRangeChanged()
{
    if (m_populating || !m_data)
        return;
    double min = 0, max = 0;
    if (auto* axis = qobject_cast<QValueAxis*>(m_chart->axes(Qt::Horizontal).value(0))) {
        min = axis->min();
        max = axis->max();
    } else if (auto* time = qobject_cast<QDateTimeAxis*>(m_chart->axes(Qt::Horizontal).value(0))) {
        min = double(time->min().toMSecsSinceEpoch());
        max = double(time->max().toMSecsSinceEpoch());
    }
    Q_EMIT zoomRequested(MetricDecimation::Range { min * m_outcome.xScale, max * m_outcome.xScale });
}

bool CompareChartView::eventFilter(QObject* watched, QEvent* event)
{
    if (watched == m_view->viewport()) {
        // A right press goes on to become the context menu; its release would make QChartView
        // zoom out by one step.
        if (event->type() == QEvent::MouseButtonRelease
            && static_cast<QMouseEvent*>(event)->button() == Qt::RightButton)
            return true;
        if (event->type() == QEvent::MouseMove)
            showValuesAt(static_cast<QMouseEvent*>(event)->position().toPoint());
    }
    return QWidget::eventFilter(watched, event);
}

QString CompareChartView::valuesAt(double x) const
{
    if (!m_data || m_style.groups)
        return {};
    QStringList rows;
    for (const CompareLine& line : m_data->lines) {
        if (m_style.hidden.contains(line.run.key))
            continue;
        const auto& points = line.drawn().line;
        const qsizetype i = MetricDecimator::nearestByX(points, x);
        if (i < 0)
            continue;
        const MetricPoint& p = points[size_t(i)].point;
        rows.append(QStringLiteral("%1: %2 (step %3)")
                        .arg(line.run.label(), DisplayFormat::metricValue(p.value), QString::number(p.step)));
    }
    return rows.join(QLatin1Char('\n'));
}

void CompareChartView::showValuesAt(const QPoint& viewportPos)
{
    const QPointF scenePos = m_view->mapToScene(viewportPos);
    const QPointF chartPos = m_chart->mapFromScene(scenePos);
    if (!m_chart->plotArea().contains(chartPos)) {
        QToolTip::hideText();
        return;
    }
    const double x = m_chart->mapToValue(chartPos).x() * m_outcome.xScale;
    const QString text = valuesAt(x);
    if (!text.isEmpty())
        QToolTip::showText(m_view->viewport()->mapToGlobal(viewportPos), text, m_view->viewport());
}

} // namespace prov
