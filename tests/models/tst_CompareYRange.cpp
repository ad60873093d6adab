#include "compare/CompareYRange.h"

#include <QTest>

#include <cmath>
#include <limits>
#include <numeric>

using namespace prov;

namespace {

constexpr double NaN = std::numeric_limits<double>::quiet_NaN();
constexpr double Inf = std::numeric_limits<double>::infinity();

std::vector<double> ramp(int from, int to)
{
    std::vector<double> values(size_t(to - from + 1));
    std::iota(values.begin(), values.end(), double(from));
    return values;
}

std::vector<double> with(std::vector<double> values, size_t at, double value)
{
    values[at] = value;
    return values;
}

} // namespace

using Values = std::vector<double>;
Q_DECLARE_METATYPE(Values)

// Specifies the y range of a chart with "Clip outliers": Tukey's fences on hand-computed rows.
// A spike never stretches the axis, equal values keep their one value, NaN and infinities
// never count, and a log axis takes the fences on the decades of the positive values.
class tst_CompareYRange : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void clipped_data();
    void clipped();
    void drawnValuesFollowWhatTheChartShows();
};

void tst_CompareYRange::clipped_data()
{
    QTest::addColumn<Values>("values");
    QTest::addColumn<bool>("logarithmic");
    QTest::addColumn<bool>("any");
    QTest::addColumn<double>("min");
    QTest::addColumn<double>("max");

    // 1..200 with the last replaced by 1e6: Q1 = 50.75, Q3 = 150.25, IQR = 99.5,
    // fences [-98.5, 299.5]: the spike is out, the range is what is left.
    QTest::newRow("one huge spike") << with(ramp(1, 200), 199, 1e6) << false << true << 1.0 << 199.0;
    // The same spike downwards: sorted -1e6, 2..200; same quartiles, range 2..200.
    QTest::newRow("one huge dip") << with(ramp(1, 200), 0, -1e6) << false << true << 2.0 << 200.0;
    // Five points: Q1 = 2, Q3 = 4, fences [-1, 7].
    QTest::newRow("spike in a short series") << Values { 1, 2, 3, 4, 1000 } << false << true << 1.0 << 4.0;
    // 1..8: Q1 = 2.75, Q3 = 6.25, fences [-2.5, 11.5]: nothing is clipped.
    QTest::newRow("no outlier") << ramp(1, 8) << false << true << 1.0 << 8.0;
    QTest::newRow("all equal") << Values { 5, 5, 5, 5 } << false << true << 5.0 << 5.0;
    QTest::newRow("one point") << Values { 7 } << false << true << 7.0 << 7.0;
    // Only 1, 2, 3 count: Q1 = 1.5, Q3 = 2.5, fences [0, 4].
    QTest::newRow("NaN and infinities ignored") << Values { NaN, Inf, 1, 2, 3, -Inf } << false << true << 1.0 << 3.0;
    QTest::newRow("nothing finite") << Values { NaN, Inf, -Inf } << false << false << 0.0 << 0.0;
    QTest::newRow("empty") << Values {} << false << false << 0.0 << 0.0;
    // Decades 0, 1, 2, 3, 12: Q1 = 1, Q3 = 3, fences [-2, 6] in log10: 1e12 is out.
    QTest::newRow("log: spike of nine decades") << Values { 1, 10, 100, 1000, 1e12 } << true << true << 1.0 << 1000.0;
    // Only 1, 10, 100 are > 0: decades 0..2, fences [-1, 3].
    QTest::newRow("log: values <= 0 ignored") << Values { -5, 0, 1, 10, 100 } << true << true << 1.0 << 100.0;
    QTest::newRow("log: nothing positive") << Values { -5, 0, NaN } << true << false << 0.0 << 0.0;
}

void tst_CompareYRange::clipped()
{
    QFETCH(Values, values);
    QFETCH(bool, logarithmic);
    QFETCH(bool, any);
    QFETCH(double, min);
    QFETCH(double, max);
    const auto range = CompareYRange::clipped(values, logarithmic);
    QCOMPARE(range.has_value(), any);
    if (!range)
        return;
    QCOMPARE(range->min, min);
    QCOMPARE(range->max, max);
}

void tst_CompareYRange::drawnValuesFollowWhatTheChartShows()
{
    CompareChart chart;
    chart.key = QStringLiteral("loss");
    for (const QString& id : { QStringLiteral("a"), QStringLiteral("b") }) {
        CompareLine line;
        line.run.key = RunRef { QStringLiteral("store"), id };
        for (int i = 0; i < 4; ++i)
            line.raw.line.push_back({ double(i), MetricPoint { i, 0, id == QStringLiteral("a") ? i : 10.0 * i } });
        chart.lines.push_back(line);
    }
    QCOMPARE(CompareYRange::drawnValues(chart, {}, nullptr), (Values { 0, 1, 2, 3, 0, 10, 20, 30 }));
    // A hidden run does not count; a zoom keeps the points inside the visible x range.
    const QSet<RunRef> hidden { RunRef { QStringLiteral("store"), QStringLiteral("b") } };
    QCOMPARE(CompareYRange::drawnValues(chart, hidden, nullptr), (Values { 0, 1, 2, 3 }));
    chart.options.visibleRange = MetricDecimation::Range { 1, 2 };
    QCOMPARE(CompareYRange::drawnValues(chart, hidden, nullptr), (Values { 1, 2 }));
    // Grouped: each band's min, mean and max.
    const std::vector<GroupBand> groups { GroupBand {
        QStringLiteral("g"), 2, { GroupBandPoint { 1.5, 5, 4, 6, 2 } } } };
    QCOMPARE(CompareYRange::drawnValues(chart, {}, &groups), (Values { 4, 5, 6 }));
}

QTEST_APPLESS_MAIN(tst_CompareYRange)
#include "tst_CompareYRange.moc"
