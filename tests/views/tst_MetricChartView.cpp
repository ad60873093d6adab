#include "MetricChartView.h"
#include "jobs/JobRunner.h"

#include <QAbstractAxis>
#include <QChart>
#include <QChartView>
#include <QLabel>
#include <QLegend>
#include <QLineSeries>
#include <QMouseEvent>
#include <QScatterSeries>
#include <QSignalSpy>
#include <QTest>
#include <QToolTip>
#include <QValueAxis>

#include <cmath>
#include <limits>

using namespace prov;

namespace {

constexpr double NaN = std::numeric_limits<double>::quiet_NaN();
constexpr double Inf = std::numeric_limits<double>::infinity();

template<typename F> std::shared_ptr<const MetricHistory> history(qint64 count, F value)
{
    std::vector<MetricPoint> points;
    for (qint64 step = 0; step < count; ++step)
        points.push_back({ step, 1'700'000'000'000 + step * 1000, value(step) });
    return std::make_shared<const MetricHistory>(MetricHistory::fromPoints(std::move(points)));
}

std::shared_ptr<const MetricHistory> noisyLoss(qint64 count)
{
    return history(count, [](qint64 s) { return 1.0 / (1.0 + double(s) / 100.0) + 0.05 * std::sin(double(s)); });
}

QList<QLineSeries*> lines(const MetricChartView& view)
{
    QList<QLineSeries*> result;
    const auto series = view.chart()->series();
    for (QAbstractSeries* s : series) {
        if (s->type() == QAbstractSeries::SeriesTypeLine)
            result.append(static_cast<QLineSeries*>(s));
    }
    return result;
}

QScatterSeries* markers(const MetricChartView& view, const QString& objectName)
{
    const auto series = view.chart()->series();
    for (QAbstractSeries* s : series) {
        if (s->objectName() == objectName)
            return qobject_cast<QScatterSeries*>(s);
    }
    return nullptr;
}

qsizetype markerCount(const MetricChartView& view, const QString& objectName)
{
    const QScatterSeries* series = markers(view, objectName);
    return series ? series->count() : 0;
}

QAbstractAxis* axis(const MetricChartView& view, Qt::Orientation orientation)
{
    const auto axes = view.chart()->axes(orientation);
    return axes.isEmpty() ? nullptr : axes.constFirst();
}

// Applies `change` and waits until the view has drawn its result: decimation is a job.
template<typename F> bool drawn(MetricChartView& view, F change)
{
    QSignalSpy spy(&view, &MetricChartView::redrawn);
    change();
    return !spy.isEmpty() || spy.wait(5000);
}

} // namespace

Q_DECLARE_METATYPE(prov::MetricXAxis)

class tst_MetricChartView : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void emptyStateShowsHint();
    void decimatesToPlotWidth();
    void redecimatesOnResize();
    void nonFiniteValuesAreMarked();
    void seriesKeepTheirLabelsAndColours();
    void xAxisKind_data();
    void xAxisKind();
    void logScaleRefusedForNonPositiveData();
    void compactModeDropsLegendAndTitles();
    void hoverShowsNearestPoint();

private:
    JobRunner m_jobs;
};

void tst_MetricChartView::emptyStateShowsHint()
{
    MetricChartView view(m_jobs);
    view.resize(400, 300);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    auto* hint = view.findChild<QLabel*>(QStringLiteral("emptyStateLabel"));
    auto* chartView = view.findChild<QChartView*>(QStringLiteral("chartView"));
    QVERIFY(hint && chartView);
    QVERIFY(hint->isVisible());
    QVERIFY(!chartView->isVisible());
    QCOMPARE(hint->text(), QStringLiteral("Select a metric to see its history"));

    view.setEmptyText(QStringLiteral("No metric selected"));
    QCOMPARE(hint->text(), QStringLiteral("No metric selected"));

    QVERIFY(drawn(view, [&] { view.setHistory(QStringLiteral("loss"), noisyLoss(10)); }));
    QVERIFY(!hint->isVisible());
    QVERIFY(chartView->isVisible());

    QVERIFY(drawn(view, [&] { view.setHistory(QStringLiteral("loss"), std::make_shared<const MetricHistory>()); }));
    QVERIFY2(hint->isVisible(), "a history without points shows the hint too");
    QVERIFY(drawn(view, [&] { view.setHistory(QStringLiteral("loss"), noisyLoss(10)); }));
    QVERIFY(drawn(view, [&] { view.clear(); }));
    QVERIFY(hint->isVisible());
    QVERIFY(view.chart()->series().isEmpty());
}

void tst_MetricChartView::decimatesToPlotWidth()
{
    MetricChartView view(m_jobs);
    view.resize(400, 300);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    QVERIFY(drawn(view, [&] { view.setHistory(QStringLiteral("loss"), noisyLoss(10'000)); }));

    const QList<QLineSeries*> drawn = lines(view);
    QCOMPARE(drawn.size(), 1);
    QVERIFY(view.decimationColumns() <= view.width());
    QVERIFY2(drawn[0]->count() <= 4 * view.width(), qPrintable(QString::number(drawn[0]->count())));
    QVERIFY(drawn[0]->count() >= view.decimationColumns()); // a noisy line keeps >= 1 point per column
}

void tst_MetricChartView::redecimatesOnResize()
{
    MetricChartView view(m_jobs);
    view.resize(800, 300);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    QVERIFY(drawn(view, [&] { view.setHistory(QStringLiteral("loss"), noisyLoss(10'000)); }));
    QTRY_VERIFY(view.decimationColumns() > 600); // settles on the laid-out plot area

    view.resize(200, 300);
    QTRY_VERIFY(view.decimationColumns() <= 200);
    QTRY_VERIFY(lines(view).constFirst()->count() <= 4 * 200);
}

void tst_MetricChartView::nonFiniteValuesAreMarked()
{
    MetricChartView view(m_jobs);
    view.resize(600, 300);
    view.show();
    // Three NaN, two +inf and one -inf, far enough apart to land in different pixel columns.
    const auto spiky = history(10'000, [](qint64 s) {
        if (s == 1000 || s == 5000 || s == 9000)
            return NaN;
        if (s == 2000 || s == 6000)
            return Inf;
        return s == 3000 ? -Inf : 1.0 + double(s % 10);
    });
    QVERIFY(drawn(view, [&] { view.setHistory(QStringLiteral("loss"), spiky); }));

    QCOMPARE(markerCount(view, QStringLiteral("nanMarkers")), 3);
    QCOMPARE(markerCount(view, QStringLiteral("positiveInfMarkers")), 2);
    QCOMPARE(markerCount(view, QStringLiteral("negativeInfMarkers")), 1);
    QCOMPARE(markers(view, QStringLiteral("nanMarkers"))->name(), QStringLiteral("NaN (3)"));
    for (const QPointF& p : lines(view).constFirst()->points())
        QVERIFY(std::isfinite(p.y()));

    // Markers sit on the plot's edges: +inf at the top, NaN and -inf at the bottom.
    const auto* yAxis = static_cast<QValueAxis*>(axis(view, Qt::Vertical));
    const double middle = (yAxis->min() + yAxis->max()) / 2;
    QVERIFY(markers(view, QStringLiteral("positiveInfMarkers"))->at(0).y() > middle);
    QVERIFY(markers(view, QStringLiteral("negativeInfMarkers"))->at(0).y() < middle);

    QVERIFY(drawn(view, [&] { view.setHistory(QStringLiteral("loss"), noisyLoss(100)); }));
    QCOMPARE(markers(view, QStringLiteral("nanMarkers")), nullptr);
}

void tst_MetricChartView::seriesKeepTheirLabelsAndColours()
{
    MetricChartView view(m_jobs);
    QVERIFY(drawn(view, [&] {
        view.setSeries({ { QStringLiteral("run A"), noisyLoss(50), QColor(Qt::magenta) },
            { QStringLiteral("run B"), noisyLoss(80), QColor() }, { QStringLiteral("run C"), nullptr, QColor() } });
    }));
    const QList<QLineSeries*> drawn = lines(view);
    QCOMPARE(drawn.size(), 2); // run C has no history
    QCOMPARE(drawn[0]->name(), QStringLiteral("run A"));
    QCOMPARE(drawn[0]->color(), QColor(Qt::magenta));
    QCOMPARE(drawn[1]->name(), QStringLiteral("run B"));
    QVERIFY(drawn[1]->color() != drawn[0]->color());
}

void tst_MetricChartView::xAxisKind_data()
{
    QTest::addColumn<MetricXAxis>("kind");
    QTest::addColumn<int>("axisType");
    QTest::addColumn<QString>("title");
    QTest::newRow("step") << MetricXAxis::Step << int(QAbstractAxis::AxisTypeValue) << QStringLiteral("Step");
    QTest::newRow("wall time") << MetricXAxis::WallTime << int(QAbstractAxis::AxisTypeDateTime)
                               << QStringLiteral("Wall time");
    // 100 points a second apart: relative time reads in seconds.
    QTest::newRow("relative time") << MetricXAxis::RelativeTime << int(QAbstractAxis::AxisTypeValue)
                                   << QStringLiteral("Relative time (s)");
}

void tst_MetricChartView::xAxisKind()
{
    QFETCH(MetricXAxis, kind);
    QFETCH(int, axisType);
    QFETCH(QString, title);

    MetricChartView view(m_jobs);
    QVERIFY(drawn(view, [&] { view.setHistory(QStringLiteral("loss"), noisyLoss(100)); }));
    QVERIFY(drawn(view, [&] { view.setXAxis(kind); }));
    QCOMPARE(view.xAxis(), kind);
    QAbstractAxis* x = axis(view, Qt::Horizontal);
    QVERIFY(x);
    QCOMPARE(int(x->type()), axisType);
    QCOMPARE(x->titleText(), title);
    QCOMPARE(view.chart()->axes(Qt::Horizontal).size(), 1); // the old axis is gone

    const QList<QPointF> points = lines(view).constFirst()->points();
    if (kind == MetricXAxis::RelativeTime) {
        QCOMPARE(points.constFirst().x(), 0.0);
        QCOMPARE(points.constLast().x(), 99.0); // seconds
    } else if (kind == MetricXAxis::WallTime) {
        QCOMPARE(points.constFirst().x(), 1.7e12);
    }
}

void tst_MetricChartView::logScaleRefusedForNonPositiveData()
{
    MetricChartView view(m_jobs);
    QSignalSpy availability(&view, &MetricChartView::logScaleAvailableChanged);
    QVERIFY(drawn(view, [&] { view.setHistory(QStringLiteral("loss"), noisyLoss(100)); }));
    QVERIFY(view.logScaleAvailable());
    QVERIFY(drawn(view, [&] { QVERIFY(view.setLogScale(true)); }));
    QCOMPARE(axis(view, Qt::Vertical)->type(), QAbstractAxis::AxisTypeLogValue);

    QVERIFY(drawn(view,
        [&] { view.setHistory(QStringLiteral("delta"), history(100, [](qint64 s) { return double(s) - 50.0; })); }));
    QVERIFY(!view.logScaleAvailable());
    QVERIFY(!view.isLogScale());
    QVERIFY(view.logScaleRequested()); // kept for the next history that allows it
    QCOMPARE(axis(view, Qt::Vertical)->type(), QAbstractAxis::AxisTypeValue);
    QCOMPARE(availability.size(), 1);
    QCOMPARE(availability.constLast().constFirst().toBool(), false);

    QVERIFY(drawn(view, [&] { view.setHistory(QStringLiteral("zero"), history(10, [](qint64) { return 0.0; })); }));
    QVERIFY(!view.setLogScale(true)); // zero cannot be placed on a log axis either

    QVERIFY(drawn(view, [&] { view.setHistory(QStringLiteral("loss"), noisyLoss(100)); }));
    QVERIFY(view.isLogScale());
    QCOMPARE(axis(view, Qt::Vertical)->type(), QAbstractAxis::AxisTypeLogValue);
    QCOMPARE(availability.size(), 2);

    QVERIFY(drawn(view, [&] { view.setLogScale(false); }));
    QCOMPARE(axis(view, Qt::Vertical)->type(), QAbstractAxis::AxisTypeValue);
}

void tst_MetricChartView::compactModeDropsLegendAndTitles()
{
    MetricChartView view(m_jobs);
    QVERIFY(drawn(view, [&] { view.setHistory(QStringLiteral("loss"), noisyLoss(100)); }));
    QCOMPARE(view.mode(), MetricChartView::Mode::Normal);
    QVERIFY(view.chart()->legend()->isVisible());
    QVERIFY(axis(view, Qt::Horizontal)->isTitleVisible());

    QVERIFY(drawn(view, [&] { view.setMode(MetricChartView::Mode::Compact); }));
    QVERIFY(!view.chart()->legend()->isVisible());
    QVERIFY(!axis(view, Qt::Horizontal)->isTitleVisible());
    QVERIFY(view.minimumSizeHint().height() < 100);
    QCOMPARE(lines(view).size(), 1);
}

void tst_MetricChartView::hoverShowsNearestPoint()
{
    MetricChartView view(m_jobs);
    view.resize(500, 300);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    QVERIFY(drawn(view, [&] {
        view.setHistory(QStringLiteral("accuracy"), history(5, [](qint64 s) { return 0.5 + 0.1 * double(s); }));
    }));
    QTRY_VERIFY(view.chart()->plotArea().width() > 300);

    auto* chartView = view.findChild<QChartView*>(QStringLiteral("chartView"));
    QLineSeries* line = lines(view).constFirst();
    // A little to the right of step 2 (value 0.7).
    const QPointF target = view.chart()->mapToPosition(QPointF(2.0, 0.7), line) + QPointF(5, 3);
    const QPoint viewportPos = chartView->mapFromScene(view.chart()->mapToScene(target));
    QMouseEvent move(QEvent::MouseMove, viewportPos, chartView->viewport()->mapToGlobal(viewportPos), Qt::NoButton,
        Qt::NoButton, Qt::NoModifier);
    QCoreApplication::sendEvent(chartView->viewport(), &move);

    const QScatterSeries* hover = markers(view, QStringLiteral("hoverMarker"));
    QVERIFY(hover);
    QCOMPARE(hover->count(), 1);
    QCOMPARE(hover->at(0), QPointF(2.0, 0.7));
    QVERIFY2(QToolTip::text().contains(QStringLiteral("step 2")), qPrintable(QToolTip::text()));
    QVERIFY(QToolTip::text().contains(QStringLiteral("0.7")));
    QVERIFY(QToolTip::text().contains(QStringLiteral("accuracy")));

    QEvent leave(QEvent::Leave);
    QCoreApplication::sendEvent(chartView->viewport(), &leave);
    QCOMPARE(hover->count(), 0);
}

QTEST_MAIN(tst_MetricChartView)
#include "tst_MetricChartView.moc"
