#include "CompareScatterView.h"

#include "MetricChartAxes.h"
#include "core/DisplayFormat.h"

#include <QCategoryAxis>
#include <QChart>
#include <QChartView>
#include <QCursor>
#include <QLogValueAxis>
#include <QScatterSeries>
#include <QToolTip>
#include <QVBoxLayout>
#include <QValueAxis>

#include <cmath>

namespace prov {
namespace {

QAbstractAxis* axisFor(const CompareDimension& d, const CompareScatter::Axis& range)
{
    QAbstractAxis* axis = nullptr;
    if (!d.isNumeric()) {
        auto* categories = new QCategoryAxis;
        categories->setLabelsPosition(QCategoryAxis::AxisLabelsPositionOnValue);
        for (qsizetype c = 0; c < d.categories.size(); ++c)
            categories->append(d.categories[c], double(c));
        categories->setRange(range.min, range.max);
        axis = categories;
    } else if (range.log) {
        auto* log = new QLogValueAxis;
        log->setRange(range.min, range.max);
        log->setLabelFormat(QStringLiteral("%g"));
        log->setMinorTickCount(-1);
        axis = log;
    } else {
        auto* linear = new QValueAxis;
        linear->setRange(range.min, range.max);
        const double interval = MetricChartAxes::niceTickInterval(range.max - range.min, 6);
        linear->setTickType(QValueAxis::TicksDynamic);
        linear->setTickAnchor(std::ceil(range.min / interval) * interval);
        linear->setTickInterval(interval);
        linear->setLabelFormat(MetricChartAxes::labelFormat(interval));
        axis = linear;
    }
    axis->setTitleText(d.label());
    return axis;
}

} // namespace

CompareScatterView::CompareScatterView(QWidget* parent)
    : QWidget(parent)
{
    m_chart = new QChart;
    m_chart->setAnimationOptions(QChart::NoAnimation);
    m_chart->setBackgroundRoundness(0);
    m_chart->legend()->hide();
    m_view = new QChartView(m_chart);
    m_view->setObjectName(QStringLiteral("scatterChart"));
    m_view->setRenderHint(QPainter::Antialiasing);
    m_view->setFrameShape(QFrame::NoFrame);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_view);
}

void CompareScatterView::clear(const QString& message)
{
    m_chart->removeAllSeries();
    const auto axes = m_chart->axes();
    for (QAbstractAxis* axis : axes) {
        m_chart->removeAxis(axis);
        delete axis;
    }
    m_chart->setTitle(message);
    m_shown.clear();
    m_texts.clear();
    m_points = nullptr;
}

void CompareScatterView::setData(const CompareDimension& x, const CompareDimension& y, const QStringList& runLabels,
    const std::vector<QColor>& runColors, const std::vector<bool>& passing, bool logX, bool logY)
{
    clear({});
    const auto xAxis = CompareScatter::axis(x, logX);
    const auto yAxis = CompareScatter::axis(y, logY);
    m_chart->addAxis(axisFor(x, xAxis), Qt::AlignBottom);
    m_chart->addAxis(axisFor(y, yAxis), Qt::AlignLeft);
    m_points = new QScatterSeries;
    m_points->setObjectName(QStringLiteral("points"));
    m_points->setMarkerSize(11);
    m_points->setBorderColor(Qt::transparent);
    auto* faded = new QScatterSeries;
    faded->setObjectName(QStringLiteral("filteredOut"));
    faded->setMarkerSize(6);
    faded->setColor(QColor(160, 160, 160, 120));
    faded->setBorderColor(Qt::transparent);
    std::vector<size_t> fadedRuns;
    for (const CompareScatter::Point& p : CompareScatter::points(x, y)) {
        const bool pass = p.run < passing.size() ? passing[p.run] : true;
        (pass ? m_points : faded)->append(p.x, p.y);
        (pass ? m_shown : fadedRuns).push_back(p.run);
    }
    for (qsizetype i = 0; i < m_points->count(); ++i) {
        const size_t run = m_shown[size_t(i)];
        m_points->setPointConfiguration(
            int(i), QXYSeries::PointConfiguration::Color, run < runColors.size() ? runColors[run] : QColor(Qt::gray));
        m_texts.push_back(QStringLiteral("%1\n%2: %3\n%4: %5")
                              .arg(runLabels.value(qsizetype(run)), x.label(), x.text(run), y.label(), y.text(run)));
    }
    m_shown.insert(m_shown.end(), fadedRuns.begin(), fadedRuns.end());
    for (QScatterSeries* series : { faded, m_points }) {
        m_chart->addSeries(series);
        series->attachAxis(m_chart->axes(Qt::Horizontal).constFirst());
        series->attachAxis(m_chart->axes(Qt::Vertical).constFirst());
    }
    connect(m_points, &QScatterSeries::hovered, this, &CompareScatterView::showPointText);
}

void CompareScatterView::showPointText(const QPointF& point, bool state)
{
    if (!state || !m_points) {
        QToolTip::hideText();
        return;
    }
    const auto points = m_points->points();
    for (qsizetype i = 0; i < points.size(); ++i) {
        if (points[i] == point && size_t(i) < m_texts.size()) {
            QToolTip::showText(QCursor::pos(), m_texts[size_t(i)], m_view);
            return;
        }
    }
}

} // namespace prov
