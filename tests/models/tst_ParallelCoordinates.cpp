#include "compare/CompareDimension.h"
#include "compare/CompareScatter.h"
#include "compare/ParallelCoordinates.h"

#include <QTest>

#include <cmath>
#include <limits>

using namespace prov;
using namespace Qt::StringLiterals;

namespace {

MetricSummary latest(const QString& key, double value)
{
    MetricSummary m;
    m.key = key;
    m.latest = { 10, 0, value };
    m.pointCount = 11;
    return m;
}

// Four runs: lr numeric (one run without it), optimizer categorical, seed the same everywhere,
// val_loss latest positive, val_delta latest with a negative value, one run's loss NaN.
std::vector<CompareRunFacts> fourRuns()
{
    std::vector<CompareRunFacts> runs(4);
    const double nan = std::numeric_limits<double>::quiet_NaN();
    const QStringList lr { u"0.1"_s, u"0.01"_s, u"0.001"_s, {} };
    const QStringList optimizer { u"sgd"_s, u"adam"_s, u"sgd"_s, u"rmsprop"_s };
    const double loss[] = { 1.0, 0.1, 0.01, nan };
    const double delta[] = { -1.0, 0.0, 1.0, 2.0 };
    for (int r = 0; r < 4; ++r) {
        runs[size_t(r)].run
            = ComparedRun { { u"s"_s, QString::number(r) }, u"run "_s + QString::number(r), u"1"_s, u"e"_s, 0 };
        if (!lr[r].isNull())
            runs[size_t(r)].params.append({ u"lr"_s, lr[r] });
        runs[size_t(r)].params.append({ u"optimizer"_s, optimizer[r] });
        runs[size_t(r)].params.append({ u"seed"_s, u"7"_s });
        runs[size_t(r)].metrics.append(latest(u"val_delta"_s, delta[r]));
        runs[size_t(r)].metrics.append(latest(u"val_loss"_s, loss[r]));
    }
    return runs;
}

const CompareDimension& named(const std::vector<CompareDimension>& dims, const QString& key)
{
    for (const CompareDimension& d : dims) {
        if (d.key == key)
            return d;
    }
    qFatal("no dimension named %s", qPrintable(key));
}

} // namespace

// Specifies the pure half of the parallel coordinates and scatter views: which params and
// metrics become axes, where a run sits on an axis (linear, log, categorical), and which runs
// pass the brushed ranges.
class tst_ParallelCoordinates : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void dimensionsAreParamsThenLatestMetrics();
    void position_data();
    void position();
    void brushesFilterRuns();
    void scatterPairsValuesOfBothDimensions();
};

void tst_ParallelCoordinates::dimensionsAreParamsThenLatestMetrics()
{
    const auto all = CompareDimension::of(fourRuns(), false);
    QStringList keys;
    for (const CompareDimension& d : all)
        keys.append(d.key);
    QCOMPARE(keys, (QStringList { u"lr"_s, u"optimizer"_s, u"seed"_s, u"val_delta"_s, u"val_loss"_s }));

    const auto varying = CompareDimension::of(fourRuns(), true);
    keys.clear();
    for (const CompareDimension& d : varying)
        keys.append(d.key);
    QCOMPARE(keys, (QStringList { u"lr"_s, u"optimizer"_s, u"val_delta"_s, u"val_loss"_s })); // seed is constant

    const CompareDimension& lr = named(all, u"lr"_s);
    QVERIFY(lr.isNumeric());
    QCOMPARE(lr.values.size(), size_t(4));
    QVERIFY(!lr.values[3]);
    QCOMPARE(*lr.min, 0.001);
    QCOMPARE(*lr.max, 0.1);
    QVERIFY(lr.allowsLog());
    QCOMPARE(lr.text(1), u"0.01"_s);
    QCOMPARE(lr.text(3), QString());

    const CompareDimension& optimizer = named(all, u"optimizer"_s);
    QCOMPARE(optimizer.categories, (QStringList { u"adam"_s, u"rmsprop"_s, u"sgd"_s }));
    QCOMPARE(*optimizer.values[0], 2.0);
    QCOMPARE(*optimizer.values[3], 1.0);
    QCOMPARE(optimizer.text(1), u"adam"_s);
    QVERIFY(!optimizer.allowsLog());

    const CompareDimension& loss = named(all, u"val_loss"_s);
    QCOMPARE(loss.source, CompareDimension::Source::Metric);
    QCOMPARE(loss.label(), u"val_loss (latest)"_s);
    QVERIFY(!loss.values[3]); // NaN is no position
    QVERIFY(loss.allowsLog());
    QVERIFY(!named(all, u"val_delta"_s).allowsLog());
}

void tst_ParallelCoordinates::position_data()
{
    QTest::addColumn<QString>("key");
    QTest::addColumn<bool>("log");
    QTest::addColumn<double>("value");
    QTest::addColumn<double>("expected");
    QTest::newRow("linear bottom") << u"val_delta"_s << false << -1.0 << 0.0;
    QTest::newRow("linear top") << u"val_delta"_s << false << 2.0 << 1.0;
    QTest::newRow("linear third") << u"val_delta"_s << false << 0.0 << 1.0 / 3;
    QTest::newRow("log asked, not possible: linear") << u"val_delta"_s << true << 0.0 << 1.0 / 3;
    QTest::newRow("log middle") << u"val_loss"_s << true << 0.1 << 0.5;
    QTest::newRow("linear instead") << u"val_loss"_s << false << 0.1 << (0.1 - 0.01) / (1.0 - 0.01);
    QTest::newRow("first category") << u"optimizer"_s << false << 0.0 << 1.0 / 6;
    QTest::newRow("last category") << u"optimizer"_s << false << 2.0 << 5.0 / 6;
    QTest::newRow("constant axis: middle") << u"seed"_s << false << 7.0 << 0.5;
}

void tst_ParallelCoordinates::position()
{
    QFETCH(QString, key);
    QFETCH(bool, log);
    QFETCH(double, value);
    QFETCH(double, expected);
    const auto all = CompareDimension::of(fourRuns(), false);
    const CompareDimension& d = named(all, key);
    const double at = ParallelCoordinates::position(d, value, log);
    QVERIFY2(std::abs(at - expected) < 1e-12, qPrintable(QString::number(at)));
    if (key != u"seed"_s) {
        const double back = ParallelCoordinates::valueAt(d, at, log);
        QVERIFY2(std::abs(back - value) < 1e-12, qPrintable(QString::number(back)));
    }
}

void tst_ParallelCoordinates::brushesFilterRuns()
{
    const auto dims = CompareDimension::of(fourRuns(), true);
    using Brushes = ParallelCoordinates::Brushes;
    QCOMPARE(ParallelCoordinates::passing(dims, {}, 4), (std::vector<bool> { true, true, true, true }));
    // lr in [0.005, 1]: runs 0 and 1; run 3 has no lr, so it fails a brushed lr axis.
    Brushes brushes { { u"param:lr"_s, { 0.005, 1.0 } } };
    QCOMPARE(ParallelCoordinates::passing(dims, brushes, 4), (std::vector<bool> { true, true, false, false }));
    // And the optimizer is sgd (category 2).
    brushes.insert(u"param:optimizer"_s, { 1.5, 2.5 });
    QCOMPARE(ParallelCoordinates::passing(dims, brushes, 4), (std::vector<bool> { true, false, false, false }));
    // A brush on an axis not shown is ignored; metric and param ids do not collide.
    QCOMPARE(ParallelCoordinates::passing(dims, { { u"metric:lr"_s, { 5, 6 } }, { u"param:seed"_s, { 0, 1 } } }, 4),
        (std::vector<bool> { true, true, true, true }));
    QCOMPARE(ParallelCoordinates::id(named(dims, u"val_loss"_s)), u"metric:val_loss"_s);
}

void tst_ParallelCoordinates::scatterPairsValuesOfBothDimensions()
{
    const auto all = CompareDimension::of(fourRuns(), false);
    const auto points = CompareScatter::points(named(all, u"lr"_s), named(all, u"val_loss"_s));
    QCOMPARE(points.size(), size_t(3)); // run 3 has neither lr nor a finite loss
    QCOMPARE(points[1].run, size_t(1));
    QCOMPARE(points[1].x, 0.01);
    QCOMPARE(points[1].y, 0.1);

    const auto linear = CompareScatter::axis(named(all, u"val_delta"_s), true); // log impossible
    QVERIFY(!linear.log);
    QCOMPARE(linear.min, -1.15);
    QCOMPARE(linear.max, 2.15);
    const auto log = CompareScatter::axis(named(all, u"lr"_s), true);
    QVERIFY(log.log);
    QVERIFY(log.min < 0.001 && log.min > 0);
    QVERIFY(log.max > 0.1);
    const auto categories = CompareScatter::axis(named(all, u"optimizer"_s), false);
    QCOMPARE(categories.min, -0.5);
    QCOMPARE(categories.max, 2.5);
    const auto single = CompareScatter::axis(named(all, u"seed"_s), false);
    QCOMPARE(single.min, 6.0);
    QCOMPARE(single.max, 8.0);
}

QTEST_APPLESS_MAIN(tst_ParallelCoordinates)
#include "tst_ParallelCoordinates.moc"
