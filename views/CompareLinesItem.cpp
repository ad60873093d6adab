#include "CompareLinesItem.h"

#include <QChart>
#include <QPainter>
#include <QPolygonF>

#include <cmath>

namespace prov {

CompareLinesItem::CompareLinesItem(QChart* chart, QAbstractSeries* anchor, bool logY)
    : QGraphicsItem(chart)
    , m_chart(chart)
    , m_anchor(anchor)
    , m_logY(logY)
    , m_area(chart->plotArea())
{
    setAcceptedMouseButtons(Qt::NoButton);
    setAcceptHoverEvents(false);
    setZValue(4); // Qt Charts' series level: above the grid, beside the NaN / inf markers
    m_plotAreaWatch = QObject::connect(chart, &QChart::plotAreaChanged, chart, [this](const QRectF& area) {
        prepareGeometryChange();
        m_area = area;
    });
}

CompareLinesItem::~CompareLinesItem()
{
    QObject::disconnect(m_plotAreaWatch);
}

void CompareLinesItem::addCurve(Curve curve)
{
    m_curves.push_back(std::move(curve));
    update();
}

qsizetype CompareLinesItem::pointCount() const
{
    qsizetype points = 0;
    for (const Curve& curve : m_curves)
        points += curve.points.size();
    return points;
}

QRectF CompareLinesItem::boundingRect() const
{
    return m_area;
}

void CompareLinesItem::paint(QPainter* painter, const QStyleOptionGraphicsItem* option, QWidget* widget)
{
    Q_UNUSED(option)
    Q_UNUSED(widget)
    const QRectF area = m_chart->plotArea();
    if (area.isEmpty() || m_curves.empty())
        return;
    // Both axes are affine in the plot (y in log10 on a log axis): the values at the plot's
    // corners give the mapping, whatever the zoom, without the rounding of far references.
    const QPointF topLeft = m_chart->mapToValue(area.topLeft(), m_anchor);
    const QPointF bottomRight = m_chart->mapToValue(area.bottomRight(), m_anchor);
    auto scaleY = [this](double y) { return m_logY ? std::log10(y) : y; };
    const double xSpan = bottomRight.x() - topLeft.x();
    const double ySpan = scaleY(topLeft.y()) - scaleY(bottomRight.y());
    if (!(xSpan > 0) || !(ySpan > 0))
        return;
    const double xScale = area.width() / xSpan;
    const double yScale = area.height() / ySpan;
    const double xMin = topLeft.x();
    const double yMax = scaleY(topLeft.y());
    painter->save();
    painter->setClipRect(area, Qt::IntersectClip);
    QPolygonF polygon;
    for (const Curve& curve : m_curves) {
        polygon.resize(curve.points.size());
        QPointF* out = polygon.data();
        for (const QPointF& p : curve.points) {
            *out++ = QPointF(area.left() + (p.x() - xMin) * xScale, area.top() + (yMax - scaleY(p.y())) * yScale);
        }
        if (polygon.size() == 1) {
            painter->setPen(Qt::NoPen);
            painter->setBrush(curve.pen.color());
            painter->drawEllipse(polygon.first(), 2.5, 2.5);
            continue;
        }
        painter->setPen(curve.pen);
        painter->drawPolyline(polygon);
    }
    painter->restore();
}

} // namespace prov
