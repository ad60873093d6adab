#include "compare/CompareChartBuilder.h"
#include "compare/CompareGrouping.h"

#include <QTest>

#include <cmath>
#include <limits>

using namespace prov;
using namespace Qt::StringLiterals;

namespace {

ComparedRun run(const QString& id)
{
    return ComparedRun { { u"s"_s, id }, id, u"1"_s, u"e"_s, 0 };
}

// Steps 0..count-1 valued `offset + step`, one second apart.
CompareSeries series(const QString& id, qint64 count, double offset)
{
    std::vector<MetricPoint> points;
    for (qint64 s = 0; s < count; ++s)
        points.push_back({ s, s * 1000, offset + double(s) });
    return { run(id), std::make_shared<const MetricHistory>(MetricHistory::fromPoints(std::move(points))) };
}

CompareChart chartOf(const std::vector<CompareSeries>& all, int columns)
{
    CompareChartOptions options;
    options.columns = columns;
    return CompareChartBuilder::build(u"loss"_s, all, options);
}

} // namespace

// Specifies grouping: runs sharing a param or tag value become one curve, the mean per pixel
// column over a band from the lowest to the highest run.
class tst_CompareGrouping : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void meanAndBandPerColumn();
    void groupsInOrderOfFirstRun();
    void runsWithoutTheValueGroupTogether();
    void nonFiniteValuesAreLeftOut();
    void emptyChart();
};

void tst_CompareGrouping::meanAndBandPerColumn()
{
    // Steps 0..9 in 10 columns: one step each. Runs a, b, c at offsets 0, 10, 50.
    const CompareChart chart = chartOf({ series(u"a"_s, 10, 0), series(u"b"_s, 10, 10), series(u"c"_s, 10, 50) }, 10);
    const auto bands = CompareGrouping::bands(chart, { { run(u"a"_s).key, u"x"_s }, { run(u"b"_s).key, u"x"_s } });
    QCOMPARE(bands.size(), size_t(2));
    const GroupBand& x = bands[0];
    QCOMPARE(x.label, u"x"_s);
    QCOMPARE(x.runCount, 2);
    QCOMPARE(x.points.size(), size_t(10));
    QCOMPARE(x.points[3].mean, 8.0); // (3 + 13) / 2
    QCOMPARE(x.points[3].min, 3.0);
    QCOMPARE(x.points[3].max, 13.0);
    QCOMPARE(x.points[3].runs, 2);
    QCOMPARE(x.points[0].x, 0.45); // the column's centre: 9 steps / 10 columns
    QCOMPARE(bands[1].label, CompareGrouping::noValueLabel());
    QCOMPARE(bands[1].points[3].mean, 53.0);
}

void tst_CompareGrouping::groupsInOrderOfFirstRun()
{
    const CompareChart chart = chartOf({ series(u"a"_s, 5, 0), series(u"b"_s, 5, 0), series(u"c"_s, 5, 0) }, 5);
    const auto bands = CompareGrouping::bands(
        chart, { { run(u"a"_s).key, u"beta"_s }, { run(u"b"_s).key, u"alpha"_s }, { run(u"c"_s).key, u"beta"_s } });
    QCOMPARE(bands.size(), size_t(2));
    QCOMPARE(bands[0].label, u"beta"_s);
    QCOMPARE(bands[0].runCount, 2);
    QCOMPARE(bands[1].label, u"alpha"_s);
}

void tst_CompareGrouping::runsWithoutTheValueGroupTogether()
{
    const CompareChart chart = chartOf({ series(u"a"_s, 5, 0), series(u"b"_s, 5, 4) }, 5);
    const auto bands = CompareGrouping::bands(chart, {});
    QCOMPARE(bands.size(), size_t(1));
    QCOMPARE(bands[0].runCount, 2);
    QCOMPARE(bands[0].points[0].mean, 2.0);
}

void tst_CompareGrouping::nonFiniteValuesAreLeftOut()
{
    std::vector<MetricPoint> points { { 0, 0, std::numeric_limits<double>::quiet_NaN() }, { 1, 1000, 4 } };
    const CompareSeries withNan { run(u"n"_s),
        std::make_shared<const MetricHistory>(MetricHistory::fromPoints(points)) };
    const CompareChart chart = chartOf({ withNan, series(u"a"_s, 2, 0) }, 2);
    const auto bands = CompareGrouping::bands(chart, {});
    QCOMPARE(bands[0].points.size(), size_t(2));
    QCOMPARE(bands[0].points[0].runs, 1); // only run a has a number at step 0
    QCOMPARE(bands[0].points[0].mean, 0.0);
    QCOMPARE(bands[0].points[1].mean, 2.5);
}

void tst_CompareGrouping::emptyChart()
{
    QVERIFY(CompareGrouping::bands(chartOf({}, 10), {}).empty());
}

QTEST_APPLESS_MAIN(tst_CompareGrouping)
#include "tst_CompareGrouping.moc"
