#include "CliTestCase.h"
#include "CsvTable.h"
#include "FixtureManifest.h"
#include "TestFixtures.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonObject>
#include <QSet>
#include <QTest>

#include <algorithm>
#include <cmath>
#include <map>

using namespace Qt::StringLiterals;

namespace {

const QStringList header { u"run_id"_s, u"run_name"_s, u"key"_s, u"step"_s, u"timestamp"_s, u"value"_s };

constexpr qint64 MillionPoints = 1'000'000;
constexpr qint64 SpikeStep = 654'321;
const QString bigRunId = u"0123456789abcdef0123456789abcdef"_s;

QByteArray readAll(const QString& path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

bool writeFile(const QString& path, const QByteArray& bytes)
{
    QDir().mkpath(path.section(u'/', 0, -2));
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size();
}

// A file store with one run whose `loss` logged a million points: a slow sine with a single
// one-step spike at SpikeStep.
bool writeMillionPointStore(const QString& root)
{
    const QString experiment = root + u"/0"_s;
    const QString run = experiment + u'/' + bigRunId;
    const QByteArray experimentMeta = "artifact_location: file://" + experiment.toUtf8()
        + "\ncreation_time: 1740819600000\nexperiment_id: '0'\nlast_update_time: 1740819600000\n"
          "lifecycle_stage: active\nname: Default\n";
    const QByteArray runMeta = "artifact_uri: file://" + run.toUtf8()
        + "/artifacts\nend_time: 1741819600000\n"
          "entry_point_name: ''\nexperiment_id: '0'\nlifecycle_stage: active\nrun_id: "
        + bigRunId.toUtf8()
        + "\nrun_name: long-run\nsource_name: ''\nsource_type: 4\nsource_version: ''\nstart_time: 1740819600000\n"
          "status: 3\ntags: []\nuser_id: alice\n";
    QByteArray metric;
    metric.reserve(40 * MillionPoints);
    for (qint64 step = 0; step < MillionPoints; ++step) {
        const double value = step == SpikeStep ? 1000.0 : std::sin(double(step) / 20'000.0);
        metric += QByteArray::number(1'740'819'600'000 + step) + ' ' + QByteArray::number(value, 'g', 17) + ' '
            + QByteArray::number(step) + '\n';
    }
    return writeFile(experiment + u"/meta.yaml"_s, experimentMeta) && writeFile(run + u"/meta.yaml"_s, runMeta)
        && writeFile(run + u"/metrics/loss"_s, metric);
}

} // namespace

// Specifies `provenance compare`: a raw CSV holds exactly the points MLflow recorded, a drawn
// CSV exactly what a chart of the given width draws (a million points down to at most four per
// pixel column, a one-step spike included), and bad arguments are answered with a sentence.
class tst_CliCompare : public CliTestCase
{
    Q_OBJECT

public:
    tst_CliCompare()
        : CliTestCase(QStringLiteral(PROVENANCE_BINARY))
    { }

private Q_SLOTS:
    void initTestCase();
    void rawHoldsEveryRecordedPoint_data();
    void rawHoldsEveryRecordedPoint();
    void metricsAndRunNamesSelect();
    void smoothingKeepsOnePointPerRecordedPoint();
    void drawnMillionPointsKeepsTheSpike_data();
    void drawnMillionPointsKeepsTheSpike();
    void imagesCarryAFooter();
    void badArgumentsAreExplained_data();
    void badArgumentsAreExplained();

private:
    // Runs compare on `store` into a fresh CSV and returns its records; empty on failure.
    CsvTable compare(const QString& store, const QStringList& extra);

    QString m_bigStore;
};

void tst_CliCompare::initTestCase()
{
    QVERIFY(setUp());
}

CsvTable tst_CliCompare::compare(const QString& store, const QStringList& extra)
{
    const QString out = freshFolder() + u"/out.csv"_s;
    const CliResult result = run(QStringList { u"compare"_s, store, u"--cache"_s, m_cache, u"--out"_s, out } + extra);
    if (!result.finished || result.exitCode != 0) {
        qWarning("provenance compare: %s", result.describe().constData());
        return {};
    }
    return parseCsv(QString::fromUtf8(readAll(out)));
}

void tst_CliCompare::rawHoldsEveryRecordedPoint_data()
{
    QTest::addColumn<QString>("store");
    QTest::addColumn<QString>("manifest");
    QTest::newRow("file store") << sharedFileStore() << u"mlflow/manifest-filestore.json"_s;
    QTest::newRow("sqlite") << sharedSqliteStore() << u"mlflow/manifest-sqlite.json"_s;
}

void tst_CliCompare::rawHoldsEveryRecordedPoint()
{
    QFETCH(QString, store);
    QFETCH(QString, manifest);

    const QJsonObject runs = manifestRuns(readObject(manifest), true);
    QVERIFY(runs.size() == 30);
    QStringList ids;
    std::map<std::pair<QString, QString>, qsizetype> expected;
    qsizetype total = 0;
    for (auto it = runs.begin(); it != runs.end(); ++it) {
        const QString id = it.value()[u"run_id"_s].toString();
        ids.append(id);
        const QJsonObject metrics = it.value()[u"metrics"_s].toObject();
        for (auto m = metrics.begin(); m != metrics.end(); ++m) {
            expected[{ id, m.key() }] = m.value().toInteger();
            total += m.value().toInteger();
        }
    }
    QCOMPARE(total, qsizetype(13'970)); // what MLflow's client logged

    const CsvTable csv = compare(store, { u"--runs"_s, ids.join(u',') });
    QVERIFY(!csv.isEmpty());
    QCOMPARE(csv.first(), header);
    std::map<std::pair<QString, QString>, qsizetype> counted;
    for (qsizetype i = 1; i < csv.size(); ++i) {
        const QStringList& row = csv[i];
        QCOMPARE(row.size(), 6);
        ++counted[{ row[0], row[2] }];
    }
    QCOMPARE(csv.size() - 1, total);
    QVERIFY(counted == expected);

    // NaN and infinities of the diverged run are spelled out.
    const QString diverged = runs[u"gbm-lr1.0-diverged"_s][u"run_id"_s].toString();
    QSet<QString> spelled;
    for (const QStringList& row : csv) {
        if (row[0] == diverged)
            spelled.insert(row[5]);
    }
    QVERIFY(spelled.contains(u"NaN"_s));
    QVERIFY(spelled.contains(u"Infinity"_s));
    QVERIFY(spelled.contains(u"-Infinity"_s));
}

void tst_CliCompare::metricsAndRunNamesSelect()
{
    const QJsonObject runs = manifestRuns(readObject(u"mlflow/manifest-filestore.json"_s), true);
    const CsvTable csv = compare(sharedFileStore(),
        { u"--runs"_s, u"trial-00,trial-03"_s, u"--metrics"_s, u"val_loss,train_loss"_s, u"--series"_s, u"raw"_s });
    QCOMPARE(csv.size(), 1 + 200 + 200 + 120 + 120);
    // Charts in the order asked for, then runs in the order asked for.
    QCOMPARE(csv[1][2], u"val_loss"_s);
    QCOMPARE(csv[1][0], runs[u"trial-00"_s][u"run_id"_s].toString());
    QCOMPARE(csv[1][1], u"trial-00"_s);
    QCOMPARE(csv[201][1], u"trial-03"_s);
    QCOMPARE(csv[321][2], u"train_loss"_s);
}

void tst_CliCompare::smoothingKeepsOnePointPerRecordedPoint()
{
    const CsvTable raw = compare(sharedFileStore(), { u"--runs"_s, u"trial-00"_s, u"--metrics"_s, u"val_loss"_s });
    const CsvTable smoothed = compare(sharedFileStore(),
        { u"--runs"_s, u"trial-00"_s, u"--metrics"_s, u"val_loss"_s, u"--smoothing"_s, u"ema:0.9"_s });
    QCOMPARE(raw.size(), 201);
    QCOMPARE(smoothed.size(), raw.size());
    // Debiased: the first point is its own average (to rounding), not pulled towards zero.
    QVERIFY(qFuzzyCompare(smoothed[1][5].toDouble(), raw[1][5].toDouble()));
    int differ = 0;
    for (qsizetype i = 1; i < raw.size(); ++i) {
        QCOMPARE(smoothed[i][3], raw[i][3]);
        QCOMPARE(smoothed[i][4], raw[i][4]);
        differ += smoothed[i][5] != raw[i][5];
    }
    QVERIFY(differ > 150);
}

void tst_CliCompare::drawnMillionPointsKeepsTheSpike_data()
{
    QTest::addColumn<int>("width");
    QTest::addColumn<QString>("axis");
    QTest::newRow("default width") << 0 << u"step"_s;
    QTest::newRow("300 px") << 300 << u"step"_s;
    QTest::newRow("300 px, relative time") << 300 << u"relative"_s;
}

void tst_CliCompare::drawnMillionPointsKeepsTheSpike()
{
    QFETCH(int, width);
    QFETCH(QString, axis);

    if (m_bigStore.isEmpty()) {
        m_bigStore = freshFolder() + u"/mlruns"_s;
        QVERIFY(writeMillionPointStore(m_bigStore));
    }
    QStringList extra { u"--runs"_s, bigRunId, u"--series"_s, u"drawn"_s, u"--x"_s, axis };
    if (width > 0)
        extra << u"--width"_s << QString::number(width);
    const CsvTable csv = compare(m_bigStore, extra);
    QVERIFY(csv.size() > 1);
    const int columns = width > 0 ? width : 1600;
    // Steps and relative times are both 0 .. 999,999 here: one pixel column per 625 (or 3,333.3) points.
    std::map<int, int> perColumn;
    bool spike = false;
    for (qsizetype i = 1; i < csv.size(); ++i) {
        const qint64 step = csv[i][3].toLongLong();
        const double scale = double(columns) / double(MillionPoints - 1); // as the decimator splits the range
        const int column = std::min(columns - 1, int(std::floor(double(step) * scale)));
        ++perColumn[column];
        spike = spike || (step == SpikeStep && csv[i][5] == u"1000"_s);
    }
    QVERIFY(spike);
    QVERIFY(csv.size() - 1 <= 4 * columns);
    for (const auto& [column, count] : perColumn)
        QVERIFY2(count <= 4, qPrintable(u"column %1 holds %2 points"_s.arg(column).arg(count)));
}

void tst_CliCompare::imagesCarryAFooter()
{
    const QString folder = freshFolder();
    const QStringList args { u"compare"_s, sharedFileStore(), u"--cache"_s, m_cache, u"--runs"_s,
        u"trial-00,trial-03"_s, u"--metrics"_s, u"val_loss,train_loss"_s, u"--smoothing"_s, u"ema:0.6"_s, u"--log-y"_s,
        u"--width"_s, u"1200"_s };
    const CliResult png = run(args + QStringList { u"--out"_s, folder + u"/chart.png"_s });
    QVERIFY2(png.finished && png.exitCode == 0, png.describe().constData());
    const QByteArray image = readAll(folder + u"/chart.png"_s);
    QVERIFY(image.startsWith("\x89PNG\r\n\x1a\n"));
    const auto be32 = [&image](int at) {
        return (quint32(quint8(image[at])) << 24) | (quint32(quint8(image[at + 1])) << 16)
            | (quint32(quint8(image[at + 2])) << 8) | quint32(quint8(image[at + 3]));
    };
    QCOMPARE(be32(16), 1200u); // IHDR width: --width is the whole image's
    QVERIFY(be32(20) > 420u);
    QVERIFY2(png.errText().contains(u"provenance compare: drew "_s), png.err.constData());

    const CliResult svg = run(args + QStringList { u"--out"_s, folder + u"/chart.svg"_s });
    QVERIFY2(svg.finished && svg.exitCode == 0, svg.describe().constData());
    const QString text = QString::fromUtf8(readAll(folder + u"/chart.svg"_s));
    QVERIFY(text.contains(u"<svg"_s));
    QVERIFY(text.contains(u"Store: file://"_s));
    QVERIFY(text.contains(u"Runs (2): trial-00, trial-03"_s));
    QVERIFY(text.contains(u"Smoothing: EMA 0.6"_s));
    QVERIFY(text.contains(u"Metric val_loss: "_s));
    QVERIFY(text.contains(u" drawn of 320 recorded"_s)); // 200 + 120 points
}

void tst_CliCompare::badArgumentsAreExplained_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("sentence");

    const QString out = u"--out=chart.csv"_s;
    QTest::newRow("unknown run") << QStringList { u"--runs=trial-00,no-such-run"_s, out }
                                 << u"no run with the id or name no-such-run in this store"_s;
    QTest::newRow("unknown metric") << QStringList { u"--runs=trial-00"_s, u"--metrics=val_loss,lost"_s, out }
                                    << u"none of these runs logged the metric lost; they logged train_loss, "
                                       "val_accuracy, val_loss"_s;
    QTest::newRow("bad smoothing") << QStringList { u"--runs=trial-00"_s, u"--smoothing=ema:2"_s,
        out } << u"“ema:2” is not a smoothing: the EMA weight must be a number from 0 to below 1"_s;
    QTest::newRow("bad x axis") << QStringList { u"--runs=trial-00"_s, u"--x=epoch"_s, out }
                                << u"unknown --x “epoch” (use step, time or relative)"_s;
    QTest::newRow("bad width") << QStringList { u"--runs=trial-00"_s, u"--width=wide"_s, out }
                               << u"--width must be a number of pixels from 16 to 100000, not “wide”"_s;
    QTest::newRow("bad series") << QStringList { u"--runs=trial-00"_s, u"--series=all"_s, out }
                                << u"unknown --series “all” (use raw or drawn)"_s;
    QTest::newRow("no runs") << QStringList { out } << u"name the runs to compare: --runs ID[,ID…]"_s;
    QTest::newRow("no output") << QStringList { u"--runs=trial-00"_s } << u"say where to write: --out FILE"_s;
    QTest::newRow("unknown output kind") << QStringList { u"--runs=trial-00"_s, u"--out=chart.txt"_s }
                                         << u"cannot tell what to write from “chart.txt”"_s;
}

void tst_CliCompare::badArgumentsAreExplained()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, sentence);

    const CliResult result = run(QStringList { u"compare"_s, sharedFileStore(), u"--cache"_s, m_cache } + arguments);
    QVERIFY(result.finished);
    QCOMPARE(result.exitCode, 2);
    QVERIFY2(result.errText().contains(u"provenance compare: "_s + sentence), result.err.constData());
    QVERIFY2(!QFileInfo::exists(workingDirectory() + u"/chart.csv"_s), "nothing is written");
}

QTEST_MAIN(tst_CliCompare)
#include "tst_CliCompare.moc"
