#include "cache/MetricHistoryCodec.h"
#include "domain/MetricHistory.h"

#include <QTest>

#include <cmath>
#include <limits>

using namespace prov;

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
constexpr double kInf = std::numeric_limits<double>::infinity();

using Points = std::vector<MetricPoint>;

} // namespace

Q_DECLARE_METATYPE(Points)

// MetricHistory is the canonical form every reader produces: sorted by step, timestamp and
// value, exact duplicates removed, and "latest" as MLflow defines it.
class tst_MetricHistory : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void canonicalOrder_data();
    void canonicalOrder();
    void latestIsHighestStepThenNewestTimestamp_data();
    void latestIsHighestStepThenNewestTimestamp();
    void summaryIgnoresNonFiniteValuesForRange();
    void codecRoundTripsEveryValue();
    void codecReadsTheRawFormatToo();
    void codecRejectsDamagedBlobs_data();
    void codecRejectsDamagedBlobs();
    void codecRoundTripsExtremeSteps();
    void codecSurvivesEveryByteFlipped();
};

void tst_MetricHistory::canonicalOrder_data()
{
    QTest::addColumn<Points>("input");
    QTest::addColumn<Points>("expected");
    QTest::newRow("empty") << Points() << Points();
    QTest::newRow("already sorted") << Points { { 0, 10, 1.0 }, { 1, 11, 2.0 } }
                                    << Points { { 0, 10, 1.0 }, { 1, 11, 2.0 } };
    QTest::newRow("logged out of step order") << Points { { 2, 30, 3.0 }, { 0, 10, 1.0 }, { 1, 20, 2.0 } }
                                              << Points { { 0, 10, 1.0 }, { 1, 20, 2.0 }, { 2, 30, 3.0 } };
    QTest::newRow("same step, older timestamp first")
        << Points { { 5, 50, 9.0 }, { 5, 40, 8.0 } } << Points { { 5, 40, 8.0 }, { 5, 50, 9.0 } };
    // The file store repeats step-0 points when a model is logged at step 0 (ensemble-✓).
    QTest::newRow("exact duplicates collapse")
        << Points { { 0, 10, 0.5 }, { 1, 11, 0.6 }, { 0, 10, 0.5 } } << Points { { 0, 10, 0.5 }, { 1, 11, 0.6 } };
    QTest::newRow("same step and time, different values kept")
        << Points { { 3, 30, 2.0 }, { 3, 30, 1.0 } } << Points { { 3, 30, 1.0 }, { 3, 30, 2.0 } };
    QTest::newRow("duplicate NaN collapses")
        << Points { { 1, 10, kNaN }, { 1, 10, kNaN } } << Points { MetricPoint { 1, 10, kNaN } };
}

static bool samePoints(const Points& a, const Points& b)
{
    if (a.size() != b.size())
        return false;
    for (std::size_t i = 0; i < a.size(); ++i) {
        const bool valuesMatch = (std::isnan(a[i].value) && std::isnan(b[i].value)) || a[i].value == b[i].value;
        if (a[i].step != b[i].step || a[i].timestamp != b[i].timestamp || !valuesMatch)
            return false;
    }
    return true;
}

void tst_MetricHistory::canonicalOrder()
{
    QFETCH(Points, input);
    QFETCH(Points, expected);
    QVERIFY(samePoints(MetricHistory::fromPoints(input).points(), expected));
}

void tst_MetricHistory::latestIsHighestStepThenNewestTimestamp_data()
{
    QTest::addColumn<Points>("input");
    QTest::addColumn<double>("latest");
    QTest::newRow("highest step wins over newer time") << Points { { 10, 100, 1.0 }, { 9, 200, 2.0 } } << 1.0;
    QTest::newRow("same step: newest timestamp") << Points { { 10, 100, 1.0 }, { 10, 150, 3.0 } } << 3.0;
    QTest::newRow("infinite latest") << Points { { 0, 1, 0.3 }, { 1, 2, kInf } } << kInf;
    QTest::newRow("negative steps") << Points { { -5, 1, 4.0 }, { -1, 2, 5.0 } } << 5.0;
}

void tst_MetricHistory::latestIsHighestStepThenNewestTimestamp()
{
    QFETCH(Points, input);
    QFETCH(double, latest);
    const auto point = MetricHistory::fromPoints(input).latest();
    QVERIFY(point);
    QCOMPARE(point->value, latest);
}

void tst_MetricHistory::summaryIgnoresNonFiniteValuesForRange()
{
    const auto history = MetricHistory::fromPoints({ { 0, 1, 0.5 }, { 1, 2, kInf }, { 2, 3, -0.25 }, { 3, 4, kNaN } });
    const MetricSummary summary = MetricSummary::of(QStringLiteral("loss"), history);
    QCOMPARE(summary.pointCount, 4);
    QVERIFY(std::isnan(summary.latest.value));
    QCOMPARE(summary.latest.step, 3);
    QCOMPARE(*summary.minValue, -0.25);
    QCOMPARE(*summary.maxValue, 0.5);
}

void tst_MetricHistory::codecRoundTripsEveryValue()
{
    Points points;
    for (qint64 i = 0; i < 1000; ++i)
        points.push_back({ i, 1741086395014 + i * 1234, std::sin(static_cast<double>(i)) * 1e-3 });
    points.push_back({ 1000, 1741086395014 + 1000 * 1234, kNaN });
    points.push_back({ 1001, 1741086395014 + 1001 * 1234, -kInf });
    points.push_back({ 1002, 1741086395014 + 1002 * 1234, std::numeric_limits<double>::max() });
    const auto history = MetricHistory::fromPoints(points);
    const QByteArray blob = MetricHistoryCodec::encode(history);
    QVERIFY2(blob.size() < 8 + 1003 * 12, "steps and times advancing by small amounts take a few bytes");
    const auto decoded = MetricHistoryCodec::decode(blob.constData(), blob.size());
    QVERIFY(decoded);
    QVERIFY(samePoints(decoded->points(), history.points()));
}

void tst_MetricHistory::codecReadsTheRawFormatToo()
{
    // Format 1: "PMH", 1, count, then { int64 step, int64 timestamp, double value } per point.
    const MetricPoint raw[2] = { { -3, 100, 0.5 }, { 7, 90, kInf } };
    QByteArray blob("PMH\x01", 4);
    const quint32 count = 2;
    blob.append(reinterpret_cast<const char*>(&count), 4);
    blob.append(reinterpret_cast<const char*>(raw), sizeof(raw));
    const auto decoded = MetricHistoryCodec::decode(blob.constData(), blob.size());
    QVERIFY(decoded);
    QVERIFY(samePoints(decoded->points(), Points(std::begin(raw), std::end(raw))));
}

void tst_MetricHistory::codecRejectsDamagedBlobs_data()
{
    const QByteArray good = MetricHistoryCodec::encode(MetricHistory::fromPoints({ { 0, 1, 2.0 }, { 1, 2, 3.0 } }));
    QTest::addColumn<QByteArray>("blob");
    QTest::newRow("empty") << QByteArray();
    QTest::newRow("wrong magic") << QByteArray("XYZ").append(good.mid(3));
    QTest::newRow("future format") << QByteArray(good).replace(3, 1, "\x07");
    QTest::newRow("count larger than the points") << QByteArray(good).replace(4, 1, "\x03");
    QTest::newRow("truncated") << good.left(good.size() - 1);
    QTest::newRow("trailing bytes") << good + QByteArray("x");
    // Hostile counts: refused from the blob's size, before anything is reserved for them.
    QTest::newRow("count of 4 billion") << QByteArray(good).replace(4, 4, QByteArray("\xff\xff\xff\xff", 4));
    QTest::newRow("raw count of 4 billion") << QByteArray("PMH\x01\xff\xff\xff\xff", 8) + QByteArray(48, '\0');
    QTest::newRow("raw count that is not a multiple") << QByteArray("PMH\x01\x02\0\0\0", 8) + QByteArray(47, '\0');
    QTest::newRow("header only, count 1") << QByteArray("PMH\x02\x01\0\0\0", 8);
    QTest::newRow("varint longer than 64 bits")
        << QByteArray("PMH\x02\x01\0\0\0", 8) + QByteArray(11, '\xff') + QByteArray(9, '\0');
}

void tst_MetricHistory::codecRoundTripsExtremeSteps()
{
    // Differences between these overflow int64: they wrap, and still decode to the same points.
    constexpr qint64 lowest = std::numeric_limits<qint64>::min();
    constexpr qint64 highest = std::numeric_limits<qint64>::max();
    const auto history
        = MetricHistory::fromPoints({ { lowest, highest, 1.0 }, { 0, 0, 2.0 }, { highest, lowest, 3.0 } });
    const QByteArray blob = MetricHistoryCodec::encode(history);
    const auto decoded = MetricHistoryCodec::decode(blob.constData(), blob.size());
    QVERIFY(decoded);
    QVERIFY(samePoints(decoded->points(), history.points()));
}

void tst_MetricHistory::codecSurvivesEveryByteFlipped()
{
    // Any single damaged byte either decodes to some history or is refused; never a crash.
    Points points;
    for (qint64 i = 0; i < 20; ++i)
        points.push_back({ i * 300, 1741086395014 + i * 77777, static_cast<double>(i) });
    const QByteArray good = MetricHistoryCodec::encode(MetricHistory::fromPoints(points));
    int refused = 0;
    for (qsizetype at = 0; at < good.size(); ++at) {
        for (const char flip : { '\x01', '\x80', '\xff' }) {
            QByteArray bad = good;
            bad[at] = static_cast<char>(bad[at] ^ flip);
            const auto decoded = MetricHistoryCodec::decode(bad.constData(), bad.size());
            if (!decoded)
                ++refused;
            else
                QVERIFY(decoded->size() <= 20);
        }
    }
    QVERIFY(refused > 0);
}

void tst_MetricHistory::codecRejectsDamagedBlobs()
{
    QFETCH(QByteArray, blob);
    const auto decoded = MetricHistoryCodec::decode(blob.constData(), blob.size());
    QVERIFY(!decoded);
    QCOMPARE(decoded.error().code, ErrorCode::Corrupt);
}

QTEST_GUILESS_MAIN(tst_MetricHistory)
#include "tst_MetricHistory.moc"
