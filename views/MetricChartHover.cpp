#include "MetricChartHover.h"

#include "MetricPointText.h"
#include "compare/MetricDecimator.h"

#include <QChart>
#include <QChartView>
#include <QLineSeries>
#include <QMouseEvent>
#include <QScatterSeries>
#include <QToolTip>

#include <cmath>
#include <limits>

namespace prov {
namespace {

constexpr double ReachPx = 16.0; // how far (horizontally) from a point hovering still finds it

} // namespace

MetricChartHover::MetricChartHover(QChartView* view)
    : QObject(view)
    , m_view(view)
    , m_viewport(view->viewport())
{
    m_viewport->setMouseTracking(true);
    m_viewport->installEventFilter(this);
}

void MetricChartHover::setLayers(const std::vector<MetricChartLayer>* layers, Geometry geometry, QScatterSeries* marker)
{
    hide();
    m_layers = layers;
    m_geometry = geometry;
    m_marker = marker;
}

void MetricChartHover::hide()
{
    if (m_marker && m_marker->count() > 0)
        m_marker->clear();
    QToolTip::hideText();
}

bool MetricChartHover::eventFilter(QObject* watched, QEvent* event)
{
    // Compared with the viewport kept at construction: while the view is being destroyed its
    // viewport still sends events, and the view may no longer be a scroll area to ask.
    if (watched == m_viewport) {
        if (event->type() == QEvent::MouseMove)
            showAt(static_cast<QMouseEvent*>(event)->position().toPoint());
        else if (event->type() == QEvent::Leave)
            hide();
    }
    return QObject::eventFilter(watched, event);
}

void MetricChartHover::showAt(const QPoint& viewportPos)
{
    QChart* chart = m_view->chart();
    const QPointF chartPos = chart->mapFromScene(m_view->mapToScene(viewportPos));
    const bool inside = m_layers && m_marker && chart->plotArea().adjusted(-4, -4, 4, 4).contains(chartPos);
    const std::optional<Hit> hit = inside ? hitAt(chartPos) : std::nullopt;
    if (!hit) {
        hide();
        return;
    }
    m_marker->replace(QList<QPointF> { hit->value });
    m_marker->setColor(hit->layer->color);
    QToolTip::showText(m_view->viewport()->mapToGlobal(viewportPos),
        MetricPointText::tooltip(hit->layer->label, hit->point, hit->layer->decimation.timeOrigin), m_view->viewport());
}

std::optional<MetricChartHover::Hit> MetricChartHover::hitAt(const QPointF& chartPos) const
{
    QChart* chart = m_view->chart();
    std::optional<Hit> best;
    double bestDistance = std::numeric_limits<double>::max();
    for (const MetricChartLayer& layer : *m_layers) {
        const double x = chart->mapToValue(chartPos, layer.line).x() * m_geometry.xScale;
        const auto consider = [&](const std::vector<DecimatedPoint>& points, std::optional<double> edge) {
            const qsizetype index = MetricDecimator::nearestByX(points, x);
            if (index < 0)
                return;
            const DecimatedPoint& p = points[size_t(index)];
            const QPointF value(p.x / m_geometry.xScale, edge.value_or(p.point.value));
            const QPointF position = chart->mapToPosition(value, layer.line);
            const double dx = std::abs(position.x() - chartPos.x());
            const double distance = std::hypot(dx, position.y() - chartPos.y());
            if (dx <= ReachPx && distance < bestDistance) {
                bestDistance = distance;
                best = Hit { &layer, p.point, value };
            }
        };
        consider(layer.decimation.line, std::nullopt);
        consider(layer.decimation.nanPoints, m_geometry.bottomEdge);
        consider(layer.decimation.positiveInfPoints, m_geometry.topEdge);
        consider(layer.decimation.negativeInfPoints, m_geometry.bottomEdge);
    }
    return best;
}

} // namespace prov
