#include "compare/CompareChartBuilder.h"
#include "compare/CompareCsv.h"
#include "jobs/WorkerPool.h"

#include <QBuffer>
#include <QTest>

#include <cmath>
#include <limits>

using namespace prov;
using namespace Qt::StringLiterals;

namespace {

constexpr double NaN = std::numeric_limits<double>::quiet_NaN();
constexpr double Inf = std::numeric_limits<double>::infinity();

ComparedRun runNamed(const QString& id, const QString& name)
{
    return ComparedRun { { u"file:///stores/a"_s, id }, name, u"1"_s, u"exp"_s, 0 };
}

// `count` points at steps first..first+count-1, `start` ms plus one second per step.
std::shared_ptr<const MetricHistory> history(qint64 first, qint64 count, qint64 start, double (*value)(qint64))
{
    std::vector<MetricPoint> points;
    for (qint64 i = 0; i < count; ++i)
        points.push_back({ first + i, start + i * 1000, value(first + i) });
    return std::make_shared<const MetricHistory>(MetricHistory::fromPoints(std::move(points)));
}

double ramp(qint64 step)
{
    return double(step);
}

QByteArray csvOf(const std::vector<CompareChart>& charts, CompareSeriesKind kind)
{
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    if (!CompareCsv::write(charts, kind, buffer))
        return {};
    return buffer.data();
}

} // namespace

Q_DECLARE_METATYPE(prov::MetricXAxis)

// Specifies how one metric key of several runs becomes a chart: shared pixel columns over the
// union of the runs' x ranges, smoothing from full data, and the CSV of raw and drawn points.
class tst_CompareChartBuilder : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void runsShareTheXRange_data();
    void runsShareTheXRange();
    void runsWithoutPointsAreLeftOut();
    void smoothingIsDrawnFromFullData();
    void zoomKeepsFullResolution();
    void countsPoints();
    void workersGiveTheSameChart();
    void csvRawHoldsEveryPoint();
    void csvDrawnHoldsWhatIsDrawn();
    void csvQuotesNamesAndSpellsNonFiniteValues();
};

void tst_CompareChartBuilder::runsShareTheXRange_data()
{
    QTest::addColumn<MetricXAxis>("axis");
    QTest::addColumn<double>("min");
    QTest::addColumn<double>("max");

    // Run a: steps 0..99 from t = 10 s; run b: steps 50..249 from t = 500 s.
    QTest::newRow("step") << MetricXAxis::Step << 0.0 << 249.0;
    QTest::newRow("wall time") << MetricXAxis::WallTime << 10'000.0 << 500'000.0 + 199'000.0;
    QTest::newRow("relative time starts every run at 0") << MetricXAxis::RelativeTime << 0.0 << 199'000.0;
}

void tst_CompareChartBuilder::runsShareTheXRange()
{
    QFETCH(MetricXAxis, axis);
    QFETCH(double, min);
    QFETCH(double, max);

    const std::vector<CompareSeries> series { { runNamed(u"a"_s, u"run a"_s), history(0, 100, 10'000, ramp) },
        { runNamed(u"b"_s, u"run b"_s), history(50, 200, 500'000, ramp) } };
    CompareChartOptions options;
    options.axis = axis;
    options.columns = 10;
    const CompareChart chart = CompareChartBuilder::build(u"loss"_s, series, options);
    QCOMPARE(chart.key, u"loss"_s);
    QCOMPARE(chart.xRange, (MetricDecimation::Range { min, max }));
    QCOMPARE(chart.lines.size(), size_t(2));
    QCOMPARE(chart.lines[0].run.runId(), u"a"_s);
    for (const CompareLine& line : chart.lines) {
        QVERIFY(!line.isSmoothed());
        QVERIFY(line.raw.reduced);
        QVERIFY(line.raw.line.size() <= 4 * 10);
        QCOMPARE(line.raw.sourceCount, line.history->size());
    }
}

void tst_CompareChartBuilder::runsWithoutPointsAreLeftOut()
{
    const std::vector<CompareSeries> series { { runNamed(u"a"_s, u"a"_s), nullptr },
        { runNamed(u"b"_s, u"b"_s), std::make_shared<const MetricHistory>() },
        { runNamed(u"c"_s, u"c"_s), history(5, 1, 0, ramp) } };
    const CompareChart chart = CompareChartBuilder::build(u"k"_s, series, {});
    QCOMPARE(chart.lines.size(), size_t(1));
    QCOMPARE(chart.lines[0].run.runId(), u"c"_s);
    QCOMPARE(chart.xRange, (MetricDecimation::Range { 5, 5 })); // one point: a zero-width range, no crash
    QCOMPARE(chart.lines[0].raw.line.size(), size_t(1));
    QVERIFY(CompareChartBuilder::build(u"k"_s, {}, {}).lines.empty());
}

void tst_CompareChartBuilder::smoothingIsDrawnFromFullData()
{
    // Alternating 0 / 1: a window of 2 averages every point after the first to 0.5 exactly.
    const auto zigzag = history(0, 10'000, 0, [](qint64 s) { return double(s % 2); });
    CompareChartOptions options;
    options.smoothing = MetricSmoothing::runningAverage(2);
    options.columns = 50;
    const CompareChart chart = CompareChartBuilder::build(u"k"_s, { { runNamed(u"a"_s, u"a"_s), zigzag } }, options);
    const CompareLine& line = chart.lines.at(0);
    QVERIFY(line.isSmoothed());
    QCOMPARE(qsizetype(line.smoothed->size()), zigzag->size());
    QCOMPARE(&line.drawn(), &line.smoothedDrawn);
    QCOMPARE(line.smoothedDrawn.yRange, (MetricDecimation::Range { 0, 0.5 }));
    QCOMPARE(line.raw.yRange, (MetricDecimation::Range { 0, 1 })); // the faint raw copy keeps its extremes
    QCOMPARE(line.values()[1].value, 0.5);
}

void tst_CompareChartBuilder::zoomKeepsFullResolution()
{
    CompareChartOptions options;
    options.columns = 100;
    options.visibleRange = MetricDecimation::Range { 1000, 1099 };
    const CompareChart chart
        = CompareChartBuilder::build(u"k"_s, { { runNamed(u"a"_s, u"a"_s), history(0, 1'000'000, 0, ramp) } }, options);
    const MetricDecimation& drawn = chart.lines.at(0).drawn();
    QVERIFY(!drawn.reduced); // 100 steps in 100 columns: every one of them
    QCOMPARE(drawn.sourceCount, qsizetype(100));
    QCOMPARE(drawn.line.size(), size_t(102)); // and the neighbours that carry the line to the edges
}

void tst_CompareChartBuilder::countsPoints()
{
    const auto markers = history(0, 6, 0, [](qint64 s) { return s == 1 ? NaN : s == 2 ? Inf : s == 3 ? -Inf : 1.0; });
    const CompareChart chart = CompareChartBuilder::build(
        u"k"_s, { { runNamed(u"a"_s, u"a"_s), markers }, { runNamed(u"b"_s, u"b"_s), history(0, 3000, 0, ramp) } }, {});
    QCOMPARE(chart.recordedPoints(), qsizetype(3006));
    // 6 small ones whole (3 on the line, 3 markers); the ramp's two ends in each of 1600 columns.
    QCOMPARE(chart.drawnPoints(), 6 + qsizetype(chart.lines[1].raw.line.size()));
    QVERIFY(chart.lines[1].raw.line.size() <= 3000);
    const auto drawn = drawnPointsOf(chart.lines[0].raw);
    QCOMPARE(drawn.size(), size_t(6));
    for (size_t i = 0; i < drawn.size(); ++i)
        QCOMPARE(drawn[i].point.step, qint64(i)); // markers interleaved in x order
}

void tst_CompareChartBuilder::workersGiveTheSameChart()
{
    std::vector<CompareSeries> series;
    for (int i = 0; i < 40; ++i) {
        series.push_back({ runNamed(u"r%1"_s.arg(i), u"run %1"_s.arg(i)),
            history(i * 7, 5'000 + i * 300, 1'700'000'000'000 + i, [](qint64 s) { return std::sin(double(s) / 50.0); }) });
    }
    series.push_back({ runNamed(u"empty"_s, u"empty"_s), nullptr });
    CompareChartOptions options;
    options.columns = 300;
    options.smoothing = MetricSmoothing::ema(0.6);
    const CompareChart alone = CompareChartBuilder::build(u"loss"_s, series, options);
    WorkerPool workers;
    const CompareChart spread = CompareChartBuilder::build(u"loss"_s, series, options, {}, &workers);
    QCOMPARE(spread.lines.size(), size_t(40));
    QCOMPARE(spread.lines.size(), alone.lines.size());
    QCOMPARE(spread.drawnPoints(), alone.drawnPoints());
    for (size_t i = 0; i < alone.lines.size(); ++i) {
        QCOMPARE(spread.lines[i].run.key, alone.lines[i].run.key); // the runs' order is kept
        QCOMPARE(spread.lines[i].raw.line.size(), alone.lines[i].raw.line.size());
        QCOMPARE(spread.lines[i].smoothedDrawn.line.size(), alone.lines[i].smoothedDrawn.line.size());
        for (size_t p = 0; p < alone.lines[i].raw.line.size(); ++p)
            QCOMPARE(spread.lines[i].raw.line[p].point.step, alone.lines[i].raw.line[p].point.step);
    }
}

void tst_CompareChartBuilder::csvRawHoldsEveryPoint()
{
    const std::vector<CompareChart> charts { CompareChartBuilder::build(
        u"loss"_s, { { runNamed(u"r1"_s, u"first"_s), history(0, 5000, 1000, ramp) } }, {}) };
    const QByteArray csv = csvOf(charts, CompareSeriesKind::Raw);
    const QList<QByteArray> lines = csv.split('\n');
    QCOMPARE(lines.first(), QByteArray("run_id,run_name,key,step,timestamp,value\r"));
    QCOMPARE(lines.size(), qsizetype(1 + 5000 + 1)); // header, rows, the empty rest after the last CRLF
    QCOMPARE(lines[1], QByteArray("r1,first,loss,0,1000,0\r"));
    QCOMPARE(lines[5000], QByteArray("r1,first,loss,4999,5000000,4999\r"));
    QCOMPARE(CompareCsv::rowCount(charts, CompareSeriesKind::Raw), qsizetype(5000));
}

void tst_CompareChartBuilder::csvDrawnHoldsWhatIsDrawn()
{
    CompareChartOptions options;
    options.columns = 100;
    const std::vector<CompareChart> charts { CompareChartBuilder::build(u"loss"_s,
        { { runNamed(u"r1"_s, u"first"_s), history(0, 100'000, 0, [](qint64 s) { return s == 777 ? 9.0 : 0.0; }) } },
        options) };
    const QByteArray csv = csvOf(charts, CompareSeriesKind::Drawn);
    const qsizetype rows = csv.count("\r\n") - 1;
    QCOMPARE(rows, CompareCsv::rowCount(charts, CompareSeriesKind::Drawn));
    QCOMPARE(rows, charts[0].drawnPoints());
    QVERIFY(rows <= 4 * 100);
    QVERIFY(csv.contains("\r\nr1,first,loss,777,777000,9\r\n"));
}

void tst_CompareChartBuilder::csvQuotesNamesAndSpellsNonFiniteValues()
{
    const auto values = history(0, 4, 0, [](qint64 s) { return s == 0 ? NaN : s == 1 ? Inf : s == 2 ? -Inf : 0.1; });
    const std::vector<CompareChart> charts { CompareChartBuilder::build(
        u"val, \"top-1\""_s, { { runNamed(u"r1"_s, u"lstm-ß-λ, v2"_s), values } }, {}) };
    const QByteArray csv = csvOf(charts, CompareSeriesKind::Raw);
    const QByteArray prefix = u"r1,\"lstm-ß-λ, v2\",\"val, \"\"top-1\"\"\","_s.toUtf8();
    const QByteArray expected = QByteArray("run_id,run_name,key,step,timestamp,value\r\n") + prefix
        + QByteArray("0,0,NaN\r\n") + prefix + QByteArray("1,1000,Infinity\r\n") + prefix
        + QByteArray("2,2000,-Infinity\r\n") + prefix + QByteArray("3,3000,0.1\r\n");
    QCOMPARE(csv, expected);
}

QTEST_APPLESS_MAIN(tst_CompareChartBuilder)
#include "tst_CompareChartBuilder.moc"
