#include "store/file/MetricFileParser.h"

#include <QTest>

#include <cmath>
#include <limits>
#include <string>

using namespace prov;
using namespace Qt::StringLiterals;

namespace {

constexpr double inf = std::numeric_limits<double>::infinity();

std::vector<MetricPoint> parseAll(const std::string& text, size_t chunkSize, MetricFileParser& parser)
{
    for (size_t at = 0; at < text.size(); at += chunkSize)
        parser.feed(std::string_view(text).substr(at, chunkSize));
    parser.finish();
    return parser.points();
}

bool sameValue(double a, double b)
{
    return (std::isnan(a) && std::isnan(b)) || a == b;
}

} // namespace

// MLflow's file-store metric lines, as FileStore writes and reads them (mlflow/store/tracking/file_store.py).
class tst_MetricFileParser : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void parsesOneLine_data()
    {
        QTest::addColumn<QByteArray>("line");
        QTest::addColumn<bool>("ok");
        QTest::addColumn<qint64>("timestamp");
        QTest::addColumn<double>("value");
        QTest::addColumn<qint64>("step");
        QTest::addColumn<int>("fields");

        QTest::newRow("plain") << "1741086395014 0.36007377250474104 36"_ba << true << 1741086395014LL
                               << 0.36007377250474104 << 36LL << 3;
        QTest::newRow("exponent") << "1741086305004 1e-05 0"_ba << true << 1741086305004LL << 1e-05 << 0LL << 3;
        QTest::newRow("big exponent") << "1 1.5e+300 2"_ba << true << 1LL << 1.5e300 << 2LL << 3;
        QTest::newRow("overflow rounds to inf") << "1 1e400 2"_ba << true << 1LL << inf << 2LL << 3;
        QTest::newRow("underflow rounds to 0") << "1 1e-400 2"_ba << true << 1LL << 0.0 << 2LL << 3;
        QTest::newRow("inf") << "1741086397501 inf 37"_ba << true << 1741086397501LL << inf << 37LL << 3;
        QTest::newRow("-inf") << "1741086310031 -inf 2"_ba << true << 1741086310031LL << -inf << 2LL << 3;
        QTest::newRow("Infinity") << "5 Infinity 1"_ba << true << 5LL << inf << 1LL << 3;
        QTest::newRow("nan") << "1741086400038 nan 38"_ba << true << 1741086400038LL << std::nan("") << 38LL << 3;
        QTest::newRow("integer value") << "10 3 4"_ba << true << 10LL << 3.0 << 4LL << 3;
        QTest::newRow("negative step") << "10 0.5 -1"_ba << true << 10LL << 0.5 << -1LL << 3;
        QTest::newRow("plus sign") << "10 +0.5 +1"_ba << true << 10LL << 0.5 << 1LL << 3;
        QTest::newRow("old two-field line") << "1500000000000 0.25"_ba << true << 1500000000000LL << 0.25 << 0LL << 2;
        QTest::newRow("MLflow 3 dataset-linked point") << "1741005300000 0.9666666666666667 0 iris-test e761a872"_ba
                                                       << true << 1741005300000LL << 0.9666666666666667 << 0LL << 5;
        QTest::newRow("CRLF") << "10 0.5 1\r"_ba << true << 10LL << 0.5 << 1LL << 3;
        QTest::newRow("surrounding blanks") << "  10 0.5 1  "_ba << true << 10LL << 0.5 << 1LL << 3;

        QTest::newRow("empty") << ""_ba << false << 0LL << 0.0 << 0LL << 0;
        QTest::newRow("one field") << "1741086395014"_ba << false << 0LL << 0.0 << 0LL << 0;
        QTest::newRow("four fields") << "1 0.5 1 x"_ba << false << 0LL << 0.0 << 0LL << 0;
        QTest::newRow("six fields") << "1 0.5 1 a b c"_ba << false << 0LL << 0.0 << 0LL << 0;
        QTest::newRow("double space") << "1  0.5 1"_ba << false << 0LL << 0.0 << 0LL << 0;
        QTest::newRow("tab separated") << "1\t0.5\t1"_ba << false << 0LL << 0.0 << 0LL << 0;
        QTest::newRow("text value") << "1 abc 1"_ba << false << 0LL << 0.0 << 0LL << 0;
        QTest::newRow("float step") << "1 0.5 1.0"_ba << false << 0LL << 0.0 << 0LL << 0;
        QTest::newRow("float timestamp") << "1.5 0.5 1"_ba << false << 0LL << 0.0 << 0LL << 0;
        QTest::newRow("value with junk") << "1 0.5x 1"_ba << false << 0LL << 0.0 << 0LL << 0;
        QTest::newRow("hex") << "1 0x10 1"_ba << false << 0LL << 0.0 << 0LL << 0;
        QTest::newRow("timestamp overflow") << "99999999999999999999 0.5 1"_ba << false << 0LL << 0.0 << 0LL << 0;
        QTest::newRow("NUL byte") << QByteArray("1 0.5\0 1", 8) << false << 0LL << 0.0 << 0LL << 0;
    }

    void parsesOneLine()
    {
        QFETCH(QByteArray, line);
        QFETCH(bool, ok);
        MetricPoint point;
        int fields = 0;
        QCOMPARE(
            MetricFileParser::parseLine(std::string_view(line.constData(), size_t(line.size())), point, &fields), ok);
        if (!ok)
            return;
        QFETCH(qint64, timestamp);
        QFETCH(double, value);
        QFETCH(qint64, step);
        QTEST(fields, "fields");
        QCOMPARE(point.timestamp, timestamp);
        QCOMPARE(point.step, step);
        QVERIFY2(sameValue(point.value, value), qPrintable(QString::number(point.value)));
        QCOMPARE(std::signbit(point.value), std::signbit(value));
    }

    void chunkBoundariesDoNotMatter()
    {
        std::string text;
        for (int i = 0; i < 500; ++i)
            text += std::to_string(1741086395014LL + i) + ' ' + std::to_string(i * 0.125) + ' ' + std::to_string(i)
                + '\n';
        for (size_t chunk : { size_t(1), size_t(3), size_t(7), size_t(64), size_t(4096), text.size() }) {
            MetricFileParser parser;
            const auto points = parseAll(text, chunk, parser);
            QCOMPARE(points.size(), size_t(500));
            QCOMPARE(parser.badLineCount(), 0);
            QCOMPARE(points[499].step, 499);
            QCOMPARE(points[499].timestamp, 1741086395014LL + 499);
            QCOMPARE(points[499].value, 499 * 0.125);
        }
    }

    void lastLineWithoutNewlineIsInProgress_data()
    {
        QTest::addColumn<QByteArray>("tail");
        QTest::newRow("whole-looking line") << "2 0.75 1"_ba; // may still become 2 0.7512 10
        QTest::newRow("cut value") << "2 0.7"_ba;
        QTest::newRow("cut timestamp") << "17410"_ba;
        QTest::newRow("five fields, cut digest") << "2 0.75 1 train 8d3f"_ba;
    }

    void lastLineWithoutNewlineIsInProgress()
    {
        // MLflow ends every line with '\n': without it a training job is writing it right now.
        // It is neither a point nor a bad line; the next sync reads it whole.
        QFETCH(QByteArray, tail);
        MetricFileParser parser;
        const auto points = parseAll("1 0.5 0\n" + tail.toStdString(), 5, parser);
        QCOMPARE(points.size(), size_t(1));
        QCOMPARE(parser.badLineCount(), 0);
        QVERIFY(parser.lineInProgress());

        MetricFileParser whole;
        QCOMPARE(parseAll("1 0.5 0\n2 0.75 1\n", 5, whole).size(), size_t(2));
        QVERIFY(!whole.lineInProgress());
    }

    void badLinesAreCountedWithTheirNumbers()
    {
        MetricFileParser parser;
        const auto points = parseAll("1 0.5 0\ngarbage here\n\n3 0.7 2\n4 x 3\n", 4, parser);
        QCOMPARE(points.size(), size_t(2));
        QCOMPARE(parser.badLineCount(), 2);
        QCOMPARE(parser.badLines().size(), size_t(2));
        QCOMPARE(parser.badLines()[0].lineNumber, 2); // blank line 3 is not an error
        QCOMPARE(parser.badLines()[0].excerpt, u"garbage here"_s);
        QCOMPARE(parser.badLines()[1].lineNumber, 5);
    }

    void onlyTheFirstBadLinesAreKept()
    {
        std::string text;
        for (int i = 0; i < 1000; ++i)
            text += "\x01\x02 binary\n";
        MetricFileParser parser;
        parseAll(text, 100, parser);
        QCOMPARE(parser.badLineCount(), 1000);
        QCOMPARE(qsizetype(parser.badLines().size()), MetricFileParser::MaxKeptBadLines);
        QVERIFY(!parser.badLines()[0].excerpt.contains(QChar(1))); // control characters never reach the UI
    }

    void longBadLinesAreTruncated()
    {
        MetricFileParser parser;
        parseAll(std::string(10000, 'x') + '\n', 1000, parser);
        QCOMPARE(parser.badLineCount(), 1);
        QVERIFY(parser.badLines()[0].excerpt.size() <= 61);
    }

    void cutLineAmongThreeFieldLinesIsBad()
    {
        // A damaged file: a line lost its step and part of its value, and more lines follow.
        MetricFileParser parser;
        const auto points = parseAll("1 0.5 0\n2 0.6 1\n3 0.36\n4 0.7 3\n", 3, parser);
        QCOMPARE(points.size(), size_t(3));
        QCOMPARE(parser.badLineCount(), 1);
        QCOMPARE(parser.badLines()[0].lineNumber, 3);
    }

    void oldTwoFieldFilesAreStepZero()
    {
        MetricFileParser parser;
        const auto points = parseAll("1 0.5\n2 0.6\n", 64, parser);
        QCOMPARE(points.size(), size_t(2));
        QCOMPARE(parser.badLineCount(), 0);
        QCOMPARE(points[0].step, 0);
        QCOMPARE(points[1].step, 0);
    }

    void parsesLoggedModelLines_data()
    {
        QTest::addColumn<QByteArray>("line");
        QTest::addColumn<bool>("ok");
        QTest::addColumn<QString>("runId");
        QTest::addColumn<QString>("datasetName");
        QTest::addColumn<QString>("datasetDigest");

        QTest::newRow("with dataset") << "1741001700000 0.9333333333333333 0 ad872d58 iris-test e761a872"_ba << true
                                      << u"ad872d58"_s << u"iris-test"_s << u"e761a872"_s;
        QTest::newRow("empty dataset fields")
            << "1741001700000 0.5 3 ad872d58  "_ba << true << u"ad872d58"_s << QString() << QString();
        QTest::newRow("four fields") << "1741001700000 0.5 3 ad872d58"_ba << true << u"ad872d58"_s << QString()
                                     << QString();
        QTest::newRow("three fields") << "1741001700000 0.5 3"_ba << false << QString() << QString() << QString();
        QTest::newRow("five fields") << "1 0.5 3 run name"_ba << false << QString() << QString() << QString();
        QTest::newRow("bad value") << "1 x 3 run a b"_ba << false << QString() << QString() << QString();
    }

    void parsesLoggedModelLines()
    {
        QFETCH(QByteArray, line);
        QFETCH(bool, ok);
        LoggedModelMetric metric;
        QCOMPARE(MetricFileParser::parseModelLine(std::string_view(line.constData(), size_t(line.size())), metric), ok);
        if (!ok)
            return;
        QTEST(metric.runId, "runId");
        QTEST(metric.datasetName, "datasetName");
        QTEST(metric.datasetDigest, "datasetDigest");
    }
};

QTEST_GUILESS_MAIN(tst_MetricFileParser)
#include "tst_MetricFileParser.moc"
