#pragma once

#include <QList>
#include <QPointF>
#include <QWidget>

QT_BEGIN_NAMESPACE
class QChart;
class QChartView;
class QLineSeries;
class QScatterSeries;
class QValueAxis;
QT_END_NAMESPACE

namespace prov {

// One metric across a model's versions: a line with a marker per version (x = version number,
// labelled v1, v2, …). Versions without the metric leave no point. Hovering a marker shows
// the version and value; clicking it asks to show that version.
class VersionTrendChart : public QWidget
{
    Q_OBJECT

public:
    explicit VersionTrendChart(QWidget* parent = nullptr);

    void setSeries(const QString& metric, const QList<QPointF>& points);
    void setMessage(const QString& message);
    int pointCount() const { return int(m_points.size()); }

Q_SIGNALS:
    void versionClicked(qint64 version);

private:
    void onHovered(const QPointF& point, bool state);

    QChart* m_chart;
    QChartView* m_view;
    QLineSeries* m_line;
    QScatterSeries* m_markers;
    QValueAxis* m_x;
    QValueAxis* m_y;
    QList<QPointF> m_points;
    QString m_metric;
};

} // namespace prov
