#include "CompareChartScene.h"
#include "CompareChartView.h"
#include "compare/CompareChartBuilder.h"

#include <QChart>
#include <QScatterSeries>
#include <QTest>
#include <QValueAxis>

#include <algorithm>
#include <limits>

using namespace prov;
using namespace Qt::StringLiterals;

namespace {

template<typename F> CompareSeries series(const QString& id, qint64 count, F value)
{
    std::vector<MetricPoint> points;
    for (qint64 s = 0; s < count; ++s)
        points.push_back({ s, 1'700'000'000'000 + s * 1000, value(s) });
    return { ComparedRun { { u"s"_s, id }, u"run "_s + id, u"1"_s, u"e"_s, 0 },
        std::make_shared<const MetricHistory>(MetricHistory::fromPoints(std::move(points))) };
}

// Run a: 1..10 repeating with one spike of 100 at step 5,000; run b: 0.5 with a NaN at step 7.
CompareChart spiky()
{
    CompareChartOptions options;
    options.columns = 400;
    return CompareChartBuilder::build(u"loss"_s,
        { series(u"a"_s, 10'000, [](qint64 s) { return s == 5'000 ? 100.0 : 1.0 + double(s % 10); }),
            series(u"b"_s, 50, [](qint64 s) { return s == 7 ? std::numeric_limits<double>::quiet_NaN() : 0.5; }) },
        options);
}

QValueAxis* yAxis(QChart& chart)
{
    return qobject_cast<QValueAxis*>(chart.axes(Qt::Vertical).value(0));
}

} // namespace

// Specifies "Clip outliers" on a drawn chart: the spike leaves the y axis, the rest of the
// curves stay inside it, and the NaN markers move onto the new bottom edge.
class tst_CompareYClip : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void aSpikeLeavesTheAxis();
    void nothingToClipLeavesTheAxisAlone();
    void theChartViewClipsWhenAsked();
};

void tst_CompareYClip::aSpikeLeavesTheAxis()
{
    const CompareChart data = spiky();
    QChart chart;
    CompareChartStyle style;
    CompareChartScene::populate(&chart, data, style);
    QVERIFY(yAxis(chart)->max() >= 100.0);
    style.clipOutliers = true;
    QVERIFY(CompareChartScene::populate(&chart, data, style).yClipped);
    QVERIFY2(yAxis(chart)->max() < 20.0, qPrintable(QString::number(yAxis(chart)->max())));
    QVERIFY(yAxis(chart)->max() >= 10.0); // the highest ordinary value stays inside
    QVERIFY(yAxis(chart)->min() <= 0.5); // and so does run b
    const auto all = chart.series();
    auto* nan = qobject_cast<QScatterSeries*>(
        *std::find_if(all.begin(), all.end(), [](QAbstractSeries* s) { return s->objectName() == u"nanMarkers"_s; }));
    QVERIFY(nan && nan->count() > 0);
    QVERIFY(nan->at(0).y() >= yAxis(chart)->min() && nan->at(0).y() < 0.5);
}

void tst_CompareYClip::nothingToClipLeavesTheAxisAlone()
{
    CompareChartOptions options;
    options.columns = 400;
    const CompareChart data
        = CompareChartBuilder::build(u"acc"_s, { series(u"a"_s, 100, [](qint64 s) { return double(s); }) }, options);
    QChart chart;
    CompareChartStyle style;
    CompareChartScene::populate(&chart, data, style);
    const double min = yAxis(chart)->min();
    const double max = yAxis(chart)->max();
    style.clipOutliers = true;
    QVERIFY(!CompareChartScene::populate(&chart, data, style).yClipped);
    QCOMPARE(yAxis(chart)->min(), min);
    QCOMPARE(yAxis(chart)->max(), max);
}

void tst_CompareYClip::theChartViewClipsWhenAsked()
{
    CompareChartView view;
    CompareChartStyle style;
    view.setChart(std::make_shared<const CompareChart>(spiky()), style);
    QVERIFY(!view.isYClipped());
    QVERIFY(yAxis(*view.chart())->max() >= 100.0);
    style.clipOutliers = true;
    view.setChart(std::make_shared<const CompareChart>(spiky()), style);
    QVERIFY(view.isYClipped());
    QVERIFY(yAxis(*view.chart())->max() < 20.0);
}

QTEST_MAIN(tst_CompareYClip)
#include "tst_CompareYClip.moc"
