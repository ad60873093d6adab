#include "compare/MetricDecimator.h"

#include <QElapsedTimer>
#include <QTest>

#include <cmath>
#include <limits>
#include <map>

using namespace prov;

namespace {

using Points = std::vector<MetricPoint>;
using Range = MetricDecimation::Range;

constexpr double NaN = std::numeric_limits<double>::quiet_NaN();
constexpr double Inf = std::numeric_limits<double>::infinity();

// What a decimation row expects; unset fields are not checked.
struct Expected
{
    qsizetype lineSize = -1;
    qsizetype maxLineSize = -1;
    QList<qint64> steps {}; // each must be on the line
    bool exactSteps = false; // ... and nothing else
    QList<qint64> nanSteps {};
    QList<qint64> positiveInfSteps {};
    QList<qint64> negativeInfSteps {};
    qsizetype nanCount = 0;
    qsizetype positiveInfCount = 0;
    qsizetype negativeInfCount = 0;
    std::optional<Range> yRange {};
    qsizetype sourceCount = -1;
    bool reduced = false;
};

// `count` points at steps 0..count-1, one second apart, valued by `value(step)`.
template<typename F> Points generate(qint64 count, F value)
{
    Points points;
    points.reserve(static_cast<size_t>(count));
    for (qint64 step = 0; step < count; ++step)
        points.push_back({ step, 1'700'000'000'000 + step * 1000, value(step) });
    return points;
}

Points ramp(qint64 count)
{
    return generate(count, [](qint64 step) { return static_cast<double>(step); });
}

QList<qint64> stepsOf(const std::vector<DecimatedPoint>& points)
{
    QList<qint64> steps;
    for (const DecimatedPoint& p : points)
        steps.append(p.point.step);
    return steps;
}

bool ascending(const std::vector<DecimatedPoint>& points)
{
    return std::is_sorted(
        points.begin(), points.end(), [](const DecimatedPoint& a, const DecimatedPoint& b) { return a.x < b.x; });
}

} // namespace

Q_DECLARE_METATYPE(Points)
Q_DECLARE_METATYPE(Expected)
Q_DECLARE_METATYPE(prov::MetricXAxis)

class tst_MetricDecimator : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void decimate_data();
    void decimate();
    void timeAxes_data();
    void timeAxes();
    void xExtent();
    void nearestByX_data();
    void nearestByX();
    void columnsAreAtLeastOne();
    void spikeSurvivesEveryZoom_data();
    void spikeSurvivesEveryZoom();
    void throughput();

private:
    static void checkInvariants(const MetricDecimation& result, int columns, std::optional<Range> visible);
};

void tst_MetricDecimator::decimate_data()
{
    QTest::addColumn<Points>("points");
    QTest::addColumn<int>("columns");
    QTest::addColumn<QList<double>>("visibleRange");
    QTest::addColumn<Expected>("expected");
    const QList<double> all;

    QTest::newRow("empty history") << Points {} << 100 << all << Expected { .lineSize = 0, .sourceCount = 0 };
    QTest::newRow("one point") << Points {
        { 5, 1000, 1.5 }
    } << 100 << all << Expected { .steps = { 5 }, .exactSteps = true, .yRange = Range { 1.5, 1.5 }, .sourceCount = 1 };
    QTest::newRow("small history unchanged (2 per column)")
        << ramp(20) << 10 << all
        << Expected { .steps = { 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19 },
               .exactSteps = true,
               .yRange = Range { 0, 19 },
               .sourceCount = 20 };
    QTest::newRow("one point over the limit is reduced") << ramp(
        21) << 10 << all << Expected { .maxLineSize = 20, .steps = { 0, 20 }, .sourceCount = 21, .reduced = true };
    QTest::newRow("single spike preserved")
        << generate(10'000, [](qint64 s) { return s == 4321 ? 100.0 : 0.0; }) << 100 << all
        << Expected { .maxLineSize = 400,
               .steps = { 0, 4321, 9999 },
               .yRange = Range { 0, 100 },
               .sourceCount = 10'000,
               .reduced = true };
    QTest::newRow("single dip preserved")
        << generate(10'000, [](qint64 s) { return s == 777 ? -5.0 : 1.0; }) << 100 << all
        << Expected {
               .maxLineSize = 400, .steps = { 777 }, .yRange = Range { -5, 1 }, .sourceCount = 10'000, .reduced = true
           };
    QTest::newRow("monotone ramp keeps each column's two ends") << ramp(10'000) << 100 << all
                                                                << Expected { .lineSize = 200,
                                                                       .steps = { 0, 9999 },
                                                                       .yRange = Range { 0, 9999 },
                                                                       .sourceCount = 10'000,
                                                                       .reduced = true };
    QTest::newRow("NaN and inf reported, small") << generate(10,
        [](qint64 s) {
            return s == 3 ? NaN : s == 5 ? Inf : s == 7 ? -Inf : double(s);
        }) << 100 << all
                                                 << Expected { .steps = { 0, 1, 2, 4, 6, 8, 9 },
                                                        .exactSteps = true,
                                                        .nanSteps = { 3 },
                                                        .positiveInfSteps = { 5 },
                                                        .negativeInfSteps = { 7 },
                                                        .nanCount = 1,
                                                        .positiveInfCount = 1,
                                                        .negativeInfCount = 1,
                                                        .yRange = Range { 0, 9 },
                                                        .sourceCount = 10 };
    QTest::newRow("NaN and inf reported once per column")
        << generate(10'000, [](qint64 s) { return s >= 100 && s < 200 ? NaN
                                               : s == 5000            ? Inf
                                                                      : 1.0; }) << 10 << all
        << Expected { .nanSteps = { 100 },
               .positiveInfSteps = { 5000 },
               .nanCount = 100,
               .positiveInfCount = 1,
               .yRange = Range { 1, 1 },
               .sourceCount = 10'000,
               .reduced = true };
    QTest::newRow("only NaN: no line, no y range")
        << generate(3, [](qint64) { return NaN; }) << 100 << all
        << Expected { .lineSize = 0, .nanSteps = { 0, 1, 2 }, .nanCount = 3, .sourceCount = 3 };
    QTest::newRow("all points in one column: first, min, max, last")
        << generate(1000, [](qint64 s) { return s == 300 ? -2.0
                                             : s == 700  ? 3.0
                                                         : 0.0; }) << 1 << all
        << Expected { .steps = { 0, 300, 700, 999 },
               .exactSteps = true,
               .yRange = Range { -2, 3 },
               .sourceCount = 1000,
               .reduced = true };
    Points sameStep = generate(500, [](qint64 s) { return double(s % 13); });
    for (MetricPoint& p : sameStep)
        p.step = 7;
    QTest::newRow("all points at one x") << sameStep << 50 << all
                                         << Expected { .lineSize = 3, // first (= min), max, last
                                                .yRange = Range { 0, 12 },
                                                .sourceCount = 500,
                                                .reduced = true };
    QList<qint64> clipped { 99 };
    for (qint64 s = 100; s <= 199; ++s)
        clipped.append(s);
    clipped.append(200);
    QTest::newRow("x range clipped, with a neighbour each side")
        << ramp(1000) << 100 << QList<double> { 100, 199 }
        << Expected { .steps = clipped, .exactSteps = true, .yRange = Range { 100, 199 }, .sourceCount = 100 };
    QTest::newRow("x range clipped and reduced") << ramp(100'000) << 10 << QList<double> { 1000, 2999 }
                                                 << Expected { .maxLineSize = 2 + 40,
                                                        .steps = { 999, 1000, 2999, 3000 },
                                                        .yRange = Range { 1000, 2999 },
                                                        .sourceCount = 2000,
                                                        .reduced = true };
    QTest::newRow("neighbours skip non-finite values")
        << generate(21, [](qint64 s) { return s == 9 || s == 10 || s == 16 ? NaN : double(s); }) << 100
        << QList<double> { 11, 15 }
        << Expected {
               .steps = { 8, 11, 12, 13, 14, 15, 17 }, .exactSteps = true, .yRange = Range { 11, 15 }, .sourceCount = 5
           };
    QTest::newRow("steps logged out of order are drawn in step order")
        << Points { { 3, 4000, 3 }, { 0, 1000, 0 }, { 2, 3000, 2 }, { 1, 2000, 1 } } << 100 << all
        << Expected { .steps = { 0, 1, 2, 3 }, .exactSteps = true, .yRange = Range { 0, 3 }, .sourceCount = 4 };
    QTest::newRow("duplicated steps keep every value")
        << Points { { 0, 1000, 1 }, { 1, 2000, 5 }, { 1, 2500, -5 }, { 2, 3000, 2 } } << 100 << all
        << Expected { .steps = { 0, 1, 1, 2 }, .exactSteps = true, .yRange = Range { -5, 5 }, .sourceCount = 4 };
    Points repeated = generate(10'000, [](qint64 s) { return s == 5'000 ? 50.0 : 1.0; });
    for (MetricPoint& p : repeated)
        p.step /= 2; // every step logged twice: the spike's twin at the same step is 1.0
    QTest::newRow("duplicated steps, reduced: the spike stays")
        << repeated << 100 << all
        << Expected {
               .maxLineSize = 400, .steps = { 2'500 }, .yRange = Range { 1, 50 }, .sourceCount = 10'000, .reduced = true
           };
    QTest::newRow("x range beyond the data keeps the last point only")
        << ramp(100) << 100 << QList<double> { 5000, 6000 }
        << Expected { .steps = { 99 }, .exactSteps = true, .sourceCount = 0 };
}

void tst_MetricDecimator::decimate()
{
    QFETCH(Points, points);
    QFETCH(int, columns);
    QFETCH(QList<double>, visibleRange);
    QFETCH(Expected, expected);

    MetricDecimator decimator(columns);
    std::optional<Range> visible;
    if (visibleRange.size() == 2) {
        decimator.setVisibleRange(visibleRange[0], visibleRange[1]);
        visible = Range { visibleRange[0], visibleRange[1] };
    }
    const MetricDecimation result = decimator.decimate(MetricHistory::fromPoints(points));
    checkInvariants(result, columns, visible);

    const QList<qint64> steps = stepsOf(result.line);
    if (expected.lineSize >= 0)
        QCOMPARE(qsizetype(result.line.size()), expected.lineSize);
    if (expected.maxLineSize >= 0)
        QVERIFY2(
            qsizetype(result.line.size()) <= expected.maxLineSize, qPrintable(QString::number(result.line.size())));
    if (expected.exactSteps)
        QCOMPARE(steps, expected.steps);
    for (qint64 step : expected.steps)
        QVERIFY2(steps.contains(step), qPrintable(QStringLiteral("step %1 dropped").arg(step)));
    QCOMPARE(stepsOf(result.nanPoints), expected.nanSteps);
    QCOMPARE(stepsOf(result.positiveInfPoints), expected.positiveInfSteps);
    QCOMPARE(stepsOf(result.negativeInfPoints), expected.negativeInfSteps);
    QCOMPARE(result.nanCount, expected.nanCount);
    QCOMPARE(result.positiveInfCount, expected.positiveInfCount);
    QCOMPARE(result.negativeInfCount, expected.negativeInfCount);
    if (expected.yRange || result.sourceCount == 0 || expected.lineSize == 0)
        QCOMPARE(result.yRange, expected.yRange);
    if (expected.sourceCount >= 0)
        QCOMPARE(result.sourceCount, expected.sourceCount);
    QCOMPARE(result.reduced, expected.reduced);
}

// What holds for every decimation: the line is finite and in x order, no column (of those
// inside the visible range) keeps more than 4 points, markers are of their kind and reduced
// output keeps at most one marker of a kind per column.
void tst_MetricDecimator::checkInvariants(const MetricDecimation& result, int columns, std::optional<Range> visible)
{
    QVERIFY(ascending(result.line));
    QVERIFY(ascending(result.nanPoints));
    QVERIFY(ascending(result.positiveInfPoints));
    QVERIFY(ascending(result.negativeInfPoints));
    for (const DecimatedPoint& p : result.line)
        QVERIFY(std::isfinite(p.point.value));
    for (const DecimatedPoint& p : result.nanPoints)
        QVERIFY(std::isnan(p.point.value));
    for (const DecimatedPoint& p : result.positiveInfPoints)
        QVERIFY(std::isinf(p.point.value) && p.point.value > 0);
    for (const DecimatedPoint& p : result.negativeInfPoints)
        QVERIFY(std::isinf(p.point.value) && p.point.value < 0);
    QVERIFY(qsizetype(result.nanPoints.size()) <= result.nanCount);
    QVERIFY(qsizetype(result.positiveInfPoints.size()) <= result.positiveInfCount);
    QVERIFY(qsizetype(result.negativeInfPoints.size()) <= result.negativeInfCount);
    if (!result.reduced || !result.xRange)
        return;
    QVERIFY(qsizetype(result.nanPoints.size()) <= columns);
    const Range span = visible.value_or(*result.xRange);
    std::map<int, int> perColumn;
    for (const DecimatedPoint& p : result.line) {
        if (p.x < span.min || p.x > span.max)
            continue; // a neighbour outside the visible range
        const double width = span.max - span.min;
        const int column = width > 0 ? std::min(columns - 1, int(std::floor((p.x - span.min) / width * columns))) : 0;
        ++perColumn[column];
    }
    for (const auto& [column, count] : perColumn)
        QVERIFY2(count <= 4, qPrintable(QStringLiteral("column %1 keeps %2 points").arg(column).arg(count)));
}

void tst_MetricDecimator::timeAxes_data()
{
    QTest::addColumn<MetricXAxis>("axis");
    QTest::addColumn<Points>("points");
    QTest::addColumn<QList<double>>("expectedX");
    QTest::addColumn<QList<qint64>>("expectedSteps");

    const Points resumed { { 0, 5000, 1 }, { 1, 6000, 2 }, { 2, 2000, 3 }, { 3, 3000, 4 } };
    QTest::newRow("wall time is the timestamp")
        << MetricXAxis::WallTime << ramp(3) << QList<double> { 1.7e12, 1.7e12 + 1000, 1.7e12 + 2000 }
        << QList<qint64> { 0, 1, 2 };
    QTest::newRow("relative time starts at zero")
        << MetricXAxis::RelativeTime << ramp(3) << QList<double> { 0, 1000, 2000 } << QList<qint64> { 0, 1, 2 };
    QTest::newRow("wall time reorders a resumed run")
        << MetricXAxis::WallTime << resumed << QList<double> { 2000, 3000, 5000, 6000 } << QList<qint64> { 2, 3, 0, 1 };
    QTest::newRow("relative time counts from the earliest timestamp")
        << MetricXAxis::RelativeTime << resumed << QList<double> { 0, 1000, 3000, 4000 }
        << QList<qint64> { 2, 3, 0, 1 };
    QTest::newRow("step ignores time") << MetricXAxis::Step << resumed << QList<double> { 0, 1, 2, 3 }
                                       << QList<qint64> { 0, 1, 2, 3 };
}

void tst_MetricDecimator::timeAxes()
{
    QFETCH(MetricXAxis, axis);
    QFETCH(Points, points);
    QFETCH(QList<double>, expectedX);
    QFETCH(QList<qint64>, expectedSteps);

    const MetricDecimation result = MetricDecimator(100, axis).decimate(MetricHistory::fromPoints(points));
    QList<double> xs;
    for (const DecimatedPoint& p : result.line)
        xs.append(p.x);
    QCOMPARE(xs, expectedX);
    QCOMPARE(stepsOf(result.line), expectedSteps);
    QCOMPARE(result.timeOrigin, MetricDecimator::timeOrigin(points));
    QCOMPARE(result.axis, axis);
}

void tst_MetricDecimator::xExtent()
{
    const Points resumed { { 0, 5000, 1 }, { 1, 6000, 2 }, { 2, 2000, 3 } };
    QCOMPARE(MetricDecimator::xExtent({}, MetricXAxis::Step), std::nullopt);
    QCOMPARE(MetricDecimator::xExtent(resumed, MetricXAxis::Step), (Range { 0, 2 }));
    QCOMPARE(MetricDecimator::xExtent(resumed, MetricXAxis::WallTime), (Range { 2000, 6000 }));
    QCOMPARE(MetricDecimator::xExtent(resumed, MetricXAxis::RelativeTime), (Range { 0, 4000 }));
}

void tst_MetricDecimator::nearestByX_data()
{
    QTest::addColumn<QList<double>>("xs");
    QTest::addColumn<double>("x");
    QTest::addColumn<qsizetype>("expected");

    const QList<double> xs { 0, 10, 20, 20, 30 };
    QTest::newRow("empty") << QList<double> {} << 5.0 << qsizetype(-1);
    QTest::newRow("before the first") << xs << -100.0 << qsizetype(0);
    QTest::newRow("after the last") << xs << 100.0 << qsizetype(4);
    QTest::newRow("exact") << xs << 10.0 << qsizetype(1);
    QTest::newRow("nearer left") << xs << 14.0 << qsizetype(1);
    QTest::newRow("nearer right") << xs << 16.0 << qsizetype(2);
    QTest::newRow("halfway goes left") << xs << 5.0 << qsizetype(0);
    QTest::newRow("first of equal x") << xs << 21.0 << qsizetype(2);
    QTest::newRow("NaN finds nothing") << xs << NaN << qsizetype(-1);
}

void tst_MetricDecimator::nearestByX()
{
    QFETCH(QList<double>, xs);
    QFETCH(double, x);
    QFETCH(qsizetype, expected);

    std::vector<DecimatedPoint> points;
    for (double px : xs)
        points.push_back({ px, {} });
    QCOMPARE(MetricDecimator::nearestByX(points, x), expected);
}

void tst_MetricDecimator::columnsAreAtLeastOne()
{
    const MetricDecimator decimator(0);
    QCOMPARE(decimator.columns(), 1);
    const MetricDecimation result = decimator.decimate(MetricHistory::fromPoints(ramp(100)));
    QCOMPARE(stepsOf(result.line), (QList<qint64> { 0, 99 }));
}

void tst_MetricDecimator::spikeSurvivesEveryZoom_data()
{
    QTest::addColumn<int>("columns");
    QTest::addColumn<double>("from");
    QTest::addColumn<double>("to");

    for (int columns : { 1600, 300, 7, 1 }) {
        const auto name
            = [columns](const char* zoom) -> QByteArray { return QByteArray::number(columns) + " columns, " + zoom; };
        QTest::newRow(name("whole history").constData()) << columns << 0.0 << 999'999.0;
        QTest::newRow(name("half").constData()) << columns << 250'000.0 << 750'000.0;
        QTest::newRow(name("1000 steps").constData()) << columns << 654'000.0 << 654'999.0;
        QTest::newRow(name("spike at the left edge").constData()) << columns << 654'321.0 << 700'000.0;
        QTest::newRow(name("spike at the right edge").constData()) << columns << 600'000.0 << 654'321.0;
        QTest::newRow(name("3 steps").constData()) << columns << 654'320.0 << 654'322.0;
    }
}

// A one-step spike in a million points is drawn at every zoom and width, never more than
// four points per pixel column: decimation reads every point, it never skips steps.
void tst_MetricDecimator::spikeSurvivesEveryZoom()
{
    QFETCH(int, columns);
    QFETCH(double, from);
    QFETCH(double, to);

    static const MetricHistory history = MetricHistory::fromPoints(
        generate(1'000'000, [](qint64 s) { return s == 654'321 ? 1e6 : std::sin(double(s) / 5000.0); }));
    MetricDecimator decimator(columns);
    decimator.setVisibleRange(from, to);
    const MetricDecimation result = decimator.decimate(history);
    checkInvariants(result, columns, Range { from, to });
    QVERIFY(stepsOf(result.line).contains(654'321));
    QCOMPARE(result.yRange->max, 1e6);
    QCOMPARE(result.sourceCount, qsizetype(to - from) + 1);
    QVERIFY(qsizetype(result.line.size()) <= 4 * columns + 2); // + a neighbour each side
}

// Not a timing assertion: prints how fast a million-point history decimates (best of 3).
void tst_MetricDecimator::throughput()
{
    const MetricHistory history = MetricHistory::fromPoints(
        generate(1'000'000, [](qint64 s) { return std::sin(double(s) / 1000.0) + (s % 7); }));
    const MetricDecimator decimator(1920);
    MetricDecimation result;
    qint64 bestNs = std::numeric_limits<qint64>::max();
    for (int run = 0; run < 3; ++run) {
        QElapsedTimer timer;
        timer.start();
        result = decimator.decimate(history);
        bestNs = std::min(bestNs, std::max<qint64>(timer.nsecsElapsed(), 1));
    }
    qInfo("decimated %lld points to %lld for 1920 columns in %.2f ms (%.1f M points/s)",
        static_cast<long long>(history.size()), static_cast<long long>(result.line.size()), double(bestNs) / 1e6,
        double(history.size()) * 1e3 / double(bestNs));
    QVERIFY(qsizetype(result.line.size()) <= 4 * 1920);
}

QTEST_APPLESS_MAIN(tst_MetricDecimator)
#include "tst_MetricDecimator.moc"
