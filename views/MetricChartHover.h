#pragma once

#include "MetricChartLayer.h"

#include <QObject>
#include <QPointF>
#include <QPointer>

#include <optional>
#include <vector>

QT_BEGIN_NAMESPACE
class QChartView;
class QScatterSeries;
QT_END_NAMESPACE

namespace prov {

// Shows the logged point nearest the mouse on a metric chart: a highlight dot in the
// history's colour and a tooltip with step, value and time. Per history it takes the point
// nearest in x on the line and among the edge markers, then the one nearest on screen,
// within a few pixels horizontally -- so hovering anywhere above a thin sparkline works.
class MetricChartHover : public QObject
{
    Q_OBJECT

public:
    // Where things are drawn, in the chart's display units.
    struct Geometry
    {
        double xScale = 1.0; // decimation x per display x
        double topEdge = 0.0; // y of the +inf markers
        double bottomEdge = 0.0; // y of the NaN and -inf markers
    };

    // Watches `view`'s viewport (mouse tracking is turned on).
    explicit MetricChartHover(QChartView* view);

    // What the chart draws: `layers` must stay alive until the next call; `marker` (an empty
    // scatter series on the chart's axes) becomes the highlight dot. nullptr detaches.
    void setLayers(const std::vector<MetricChartLayer>* layers, Geometry geometry, QScatterSeries* marker);
    void hide();

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    struct Hit
    {
        const MetricChartLayer* layer = nullptr;
        MetricPoint point;
        QPointF value; // display units
    };

    void showAt(const QPoint& viewportPos);
    std::optional<Hit> hitAt(const QPointF& chartPos) const;

    QChartView* m_view = nullptr;
    QWidget* m_viewport = nullptr; // kept: eventFilter must not ask a view being destroyed
    const std::vector<MetricChartLayer>* m_layers = nullptr;
    Geometry m_geometry;
    QPointer<QScatterSeries> m_marker;
};

} // namespace prov
