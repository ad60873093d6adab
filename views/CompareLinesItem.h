#pragma once

#include <QGraphicsItem>
#include <QList>
#include <QMetaObject>
#include <QPen>
#include <QPointF>

#include <vector>

QT_BEGIN_NAMESPACE
class QAbstractSeries;
class QChart;
QT_END_NAMESPACE

namespace prov {

// Many runs' curves drawn by one item in a QChart's plot area, for charts of more runs than a
// legend can name. One QLineSeries per run costs Qt Charts a stroked outline of every curve
// for hit-testing, on each layout: 1,000 curves of 1,000 points spent most of a second there.
// This item keeps the curves in the chart's display units and maps them through `anchor`'s
// axes when painting, so zooming and resizing need no rebuild; it clips to the plot area and
// draws a one-point curve as a dot. It takes no mouse input (hover is the chart view's).
class CompareLinesItem : public QGraphicsItem
{
public:
    struct Curve
    {
        QList<QPointF> points; // x in display units, y the value
        QPen pen;
    };

    // `anchor`: a series of `chart` attached to its axes, whose domain maps values to positions.
    CompareLinesItem(QChart* chart, QAbstractSeries* anchor, bool logY);
    ~CompareLinesItem() override;

    void addCurve(Curve curve);
    const std::vector<Curve>& curves() const { return m_curves; }
    // Points of every curve.
    qsizetype pointCount() const;

    QRectF boundingRect() const override;
    void paint(QPainter* painter, const QStyleOptionGraphicsItem* option, QWidget* widget) override;

private:
    QChart* m_chart;
    QAbstractSeries* m_anchor;
    bool m_logY;
    QRectF m_area; // the plot area the item was last laid out for
    QMetaObject::Connection m_plotAreaWatch; // the chart outlives the item: cut when it goes
    std::vector<Curve> m_curves;
};

} // namespace prov
