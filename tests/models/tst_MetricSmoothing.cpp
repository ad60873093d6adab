#include "compare/MetricSmoothing.h"

#include <QTest>

#include <cmath>
#include <limits>

using namespace prov;
using namespace Qt::StringLiterals;

namespace {

constexpr double NaN = std::numeric_limits<double>::quiet_NaN();
constexpr double Inf = std::numeric_limits<double>::infinity();

std::vector<MetricPoint> pointsOf(const QList<double>& values)
{
    std::vector<MetricPoint> points;
    for (qsizetype i = 0; i < values.size(); ++i)
        points.push_back({ i, 1'000 + i, values[i] });
    return points;
}

// Equal values, NaN equal to NaN, and close enough for hand-computed decimals.
bool same(double a, double b)
{
    if (std::isnan(a) || std::isnan(b))
        return std::isnan(a) && std::isnan(b);
    if (std::isinf(a) || std::isinf(b))
        return a == b;
    return std::abs(a - b) <= 1e-12 * std::max(1.0, std::abs(b));
}

} // namespace

Q_DECLARE_METATYPE(prov::MetricSmoothing)

// Specifies smoothing: the spec a user types, TensorBoard's debiased EMA and the running and
// Gaussian averages on hand-computed rows, and how NaN and infinities pass through untouched.
class tst_MetricSmoothing : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void parse_data();
    void parse();
    void badSpecsAreExplained_data();
    void badSpecsAreExplained();
    void smooth_data();
    void smooth();
    void stepsAndTimesAreKept();
    void emptyHistory();
};

void tst_MetricSmoothing::parse_data()
{
    QTest::addColumn<QString>("spec");
    QTest::addColumn<MetricSmoothing>("expected");
    QTest::addColumn<QString>("canonical");

    QTest::newRow("none") << u"none"_s << MetricSmoothing() << u"none"_s;
    QTest::newRow("empty") << QString() << MetricSmoothing() << u"none"_s;
    QTest::newRow("ema") << u"ema:0.6"_s << MetricSmoothing::ema(0.6) << u"ema:0.6"_s;
    QTest::newRow("ema zero") << u"ema:0"_s << MetricSmoothing::ema(0) << u"ema:0"_s;
    QTest::newRow("ema upper case, spaces") << u" EMA:0.999 "_s << MetricSmoothing::ema(0.999) << u"ema:0.999"_s;
    QTest::newRow("running average") << u"avg:10"_s << MetricSmoothing::runningAverage(10) << u"avg:10"_s;
    QTest::newRow("gaussian") << u"gauss:2.5"_s << MetricSmoothing::gaussian(2.5) << u"gauss:2.5"_s;
}

void tst_MetricSmoothing::parse()
{
    QFETCH(QString, spec);
    QFETCH(MetricSmoothing, expected);
    QFETCH(QString, canonical);

    const auto parsed = MetricSmoothing::parse(spec);
    QVERIFY2(parsed, qPrintable(parsed ? QString() : parsed.error().message));
    QVERIFY(*parsed == expected);
    QCOMPARE(parsed->spec(), canonical);
    QVERIFY(MetricSmoothing::parse(parsed->spec()).value() == expected);
}

void tst_MetricSmoothing::badSpecsAreExplained_data()
{
    QTest::addColumn<QString>("spec");
    QTest::addColumn<QString>("reason");

    QTest::newRow("unknown kind") << u"median:3"_s << u"unknown kind “median”"_s;
    QTest::newRow("ema of 1") << u"ema:1"_s << u"from 0 to below 1"_s;
    QTest::newRow("negative ema") << u"ema:-0.1"_s << u"from 0 to below 1"_s;
    QTest::newRow("ema without weight") << u"ema"_s << u"from 0 to below 1"_s;
    QTest::newRow("ema NaN") << u"ema:nan"_s << u"from 0 to below 1"_s;
    QTest::newRow("average of 0") << u"avg:0"_s << u"whole number of points"_s;
    QTest::newRow("average of 2.5") << u"avg:2.5"_s << u"whole number of points"_s;
    QTest::newRow("gaussian of 0") << u"gauss:0"_s << u"above 0"_s;
    QTest::newRow("huge gaussian") << u"gauss:5000"_s << u"at most 1000"_s;
}

void tst_MetricSmoothing::badSpecsAreExplained()
{
    QFETCH(QString, spec);
    QFETCH(QString, reason);

    const auto parsed = MetricSmoothing::parse(spec);
    QVERIFY(!parsed);
    QCOMPARE(parsed.error().code, ErrorCode::InvalidArgument);
    const QString message = parsed.error().message;
    QVERIFY2(message.contains(reason), qPrintable(message));
    QVERIFY2(message.contains(u"“"_s + spec + u"”"_s), qPrintable(message));
    QVERIFY2(message.contains(u"ema:WEIGHT"_s), qPrintable(message)); // says what is accepted
}

void tst_MetricSmoothing::smooth_data()
{
    QTest::addColumn<MetricSmoothing>("smoothing");
    QTest::addColumn<QList<double>>("values");
    QTest::addColumn<QList<double>>("expected");

    // TensorBoard: last = last * w + (1 - w) * v; smoothed = last / (1 - w^n).
    // w = 0.6: 0.4 / 0.4 = 1; 1.04 / 0.64 = 1.625; 1.824 / 0.784 = 2.326530612244898.
    QTest::newRow("ema, hand-computed") << MetricSmoothing::ema(0.6) << QList<double> { 1, 2, 3 }
                                        << QList<double> { 1, 1.625, 1.824 / 0.784 };
    QTest::newRow("ema skips NaN, which stays")
        << MetricSmoothing::ema(0.6) << QList<double> { 1, NaN, 2 } << QList<double> { 1, NaN, 1.625 };
    QTest::newRow("ema skips infinities")
        << MetricSmoothing::ema(0.6) << QList<double> { Inf, 1, -Inf, 2 } << QList<double> { Inf, 1, -Inf, 1.625 };
    QTest::newRow("ema weight 0 is the raw curve")
        << MetricSmoothing::ema(0) << QList<double> { 3, -1, 7 } << QList<double> { 3, -1, 7 };
    QTest::newRow("ema leaves a constant curve exact")
        << MetricSmoothing::ema(0.9) << QList<double> { 0.1, 0.1, 0.1, 0.1 } << QList<double> { 0.1, 0.1, 0.1, 0.1 };
    QTest::newRow("ema of one point") << MetricSmoothing::ema(0.99) << QList<double> { 42 } << QList<double> { 42 };

    QTest::newRow("running average, trailing window")
        << MetricSmoothing::runningAverage(2) << QList<double> { 1, 2, 3, 4 } << QList<double> { 1, 1.5, 2.5, 3.5 };
    QTest::newRow("running average wider than the curve")
        << MetricSmoothing::runningAverage(10) << QList<double> { 2, 4, 9 } << QList<double> { 2, 3, 5 };
    QTest::newRow("running average skips infinities") << MetricSmoothing::runningAverage(
        2) << QList<double> { 1, Inf, 3, NaN, 5 } << QList<double> { 1, Inf, 2, NaN, 4 };
    QTest::newRow("running average of 1 is the raw curve")
        << MetricSmoothing::runningAverage(1) << QList<double> { 5, -2, 8 } << QList<double> { 5, -2, 8 };

    // sigma 1, cut at 3: weights e^(-d^2/2) = 1, 0.6065, 0.1353, 0.0111, renormalised at the ends.
    QTest::newRow("gaussian spreads an impulse") << MetricSmoothing::gaussian(1) << QList<double> { 0, 0, 1, 0, 0 }
                                                 << QList<double> { 0.07720320478522086, 0.2570583684642447,
                                                        0.40261994689424746, 0.2570583684642447, 0.07720320478522086 };
    QTest::newRow("gaussian keeps a constant curve")
        << MetricSmoothing::gaussian(3) << QList<double> { 2, 2, 2, 2 } << QList<double> { 2, 2, 2, 2 };
    QTest::newRow("gaussian steps over NaN") << MetricSmoothing::gaussian(1) << QList<double> { 0, NaN, 0, 1, 0, 0 }
                                             << QList<double> { 0.07720320478522086, NaN, 0.2570583684642447,
                                                    0.40261994689424746, 0.2570583684642447, 0.07720320478522086 };
    QTest::newRow("no smoothing") << MetricSmoothing() << QList<double> { 1, NaN, -Inf }
                                  << QList<double> { 1, NaN, -Inf };
}

void tst_MetricSmoothing::smooth()
{
    QFETCH(MetricSmoothing, smoothing);
    QFETCH(QList<double>, values);
    QFETCH(QList<double>, expected);

    const std::vector<MetricPoint> smoothed = smoothing.apply(pointsOf(values));
    QCOMPARE(qsizetype(smoothed.size()), expected.size());
    for (qsizetype i = 0; i < expected.size(); ++i)
        QVERIFY2(same(smoothed[size_t(i)].value, expected[i]),
            qPrintable(u"point %1: %2, expected %3"_s.arg(i).arg(smoothed[size_t(i)].value).arg(expected[i])));
}

void tst_MetricSmoothing::stepsAndTimesAreKept()
{
    const std::vector<MetricPoint> points { { 7, 100, 1 }, { 7, 90, 5 }, { 3, 200, NaN }, { 12, 50, 2 } };
    for (const MetricSmoothing& smoothing :
        { MetricSmoothing::ema(0.5), MetricSmoothing::runningAverage(3), MetricSmoothing::gaussian(2) }) {
        const auto smoothed = smoothing.apply(points);
        QCOMPARE(smoothed.size(), points.size());
        for (size_t i = 0; i < points.size(); ++i) {
            QCOMPARE(smoothed[i].step, points[i].step);
            QCOMPARE(smoothed[i].timestamp, points[i].timestamp);
        }
    }
}

void tst_MetricSmoothing::emptyHistory()
{
    for (const MetricSmoothing& smoothing :
        { MetricSmoothing::ema(0.5), MetricSmoothing::runningAverage(3), MetricSmoothing::gaussian(2) })
        QVERIFY(smoothing.apply({}).empty());
}

QTEST_APPLESS_MAIN(tst_MetricSmoothing)
#include "tst_MetricSmoothing.moc"
