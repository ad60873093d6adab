#include "VersionTrendChart.h"

#include "core/DisplayFormat.h"

#include <QChart>
#include <QChartView>
#include <QLineSeries>
#include <QScatterSeries>
#include <QToolTip>
#include <QVBoxLayout>
#include <QValueAxis>

#include <algorithm>

namespace prov {

VersionTrendChart::VersionTrendChart(QWidget* parent)
    : QWidget(parent)
    , m_chart(new QChart)
    , m_line(new QLineSeries(this))
    , m_markers(new QScatterSeries(this))
    , m_x(new QValueAxis(this))
    , m_y(new QValueAxis(this))
{
    m_chart->legend()->hide();
    m_chart->setMargins(QMargins(4, 4, 4, 4));
    m_chart->addSeries(m_line);
    m_chart->addSeries(m_markers);
    m_chart->addAxis(m_x, Qt::AlignBottom);
    m_chart->addAxis(m_y, Qt::AlignLeft);
    for (QXYSeries* series : { static_cast<QXYSeries*>(m_line), static_cast<QXYSeries*>(m_markers) }) {
        series->attachAxis(m_x);
        series->attachAxis(m_y);
    }
    m_markers->setMarkerSize(9);
    m_x->setLabelFormat(QStringLiteral("v%d"));
    m_x->setTickType(QValueAxis::TicksDynamic);
    m_x->setTickAnchor(1);
    m_x->setTickInterval(1);
    m_x->setTitleText(tr("Version"));
    m_view = new QChartView(m_chart, this);
    m_view->setRenderHint(QPainter::Antialiasing);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_view);
    connect(m_markers, &QScatterSeries::hovered, this, &VersionTrendChart::onHovered);
    connect(m_markers, &QScatterSeries::clicked, this,
        [this](const QPointF& point) { Q_EMIT versionClicked(qint64(std::llround(point.x()))); });
}

void VersionTrendChart::setSeries(const QString& metric, const QList<QPointF>& points)
{
    m_metric = metric;
    m_points = points;
    m_line->replace(points);
    m_markers->replace(points);
    m_chart->setTitle(points.isEmpty() ? QString() : metric);
    if (points.isEmpty())
        return;
    const auto [minX, maxX]
        = std::minmax_element(points.begin(), points.end(), [](auto a, auto b) { return a.x() < b.x(); });
    const auto [minY, maxY]
        = std::minmax_element(points.begin(), points.end(), [](auto a, auto b) { return a.y() < b.y(); });
    m_x->setRange(minX->x() - 0.5, maxX->x() + 0.5);
    const double span = std::max(1e-12, maxY->y() - minY->y());
    m_y->setRange(minY->y() - span * 0.15, maxY->y() + span * 0.15);
    m_y->applyNiceNumbers();
    m_y->setTitleText(metric);
}

void VersionTrendChart::setMessage(const QString& message)
{
    setSeries({}, {});
    m_chart->setTitle(message);
}

void VersionTrendChart::onHovered(const QPointF& point, bool state)
{
    if (!state) {
        QToolTip::hideText();
        return;
    }
    QToolTip::showText(QCursor::pos(),
        tr("Version %1: %2 = %3")
            .arg(qint64(std::llround(point.x())))
            .arg(m_metric, DisplayFormat::metricValue(point.y())),
        this);
}

} // namespace prov
