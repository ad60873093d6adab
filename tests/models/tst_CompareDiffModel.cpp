#include "itemmodels/CompareDiffModel.h"
#include "query/CompareQuery.h"

#include "FixtureManifest.h"
#include "TestFixtures.h"

#include <QAbstractItemModelTester>
#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>
#include <map>
#include <set>

using namespace prov;
using namespace Qt::StringLiterals;

namespace {

const QStringList gbmRuns { u"gbm-lr0.05-d4"_s, u"gbm-lr0.05-d6"_s, u"gbm-lr0.1-d4"_s, u"gbm-lr0.1-d8"_s,
    u"gbm-lr0.2-d4"_s };

// The param keys whose values are not the same in every one of `runNames`, read from the
// fixture's own files (mlruns/<experiment>/<run>/params/<key>), not through the cache.
std::set<QString> differingParamsOnDisk(const QStringList& runNames)
{
    const QJsonObject runs = manifestRuns(readObject(u"mlflow/manifest-filestore.json"_s), true);
    std::map<QString, std::vector<QString>> values;
    for (const QString& name : runNames) {
        const QJsonObject run = runs[name].toObject();
        const QDir params(sharedFileStore() + u'/' + run[u"experiment_id"_s].toString() + u'/'
            + run[u"run_id"_s].toString() + u"/params"_s);
        const QStringList keys = params.entryList(QDir::Files);
        for (const QString& key : keys) {
            QFile file(params.filePath(key));
            if (file.open(QIODevice::ReadOnly))
                values[key].push_back(QString::fromUtf8(file.readAll()));
        }
    }
    std::set<QString> differing;
    for (const auto& [key, seen] : values) {
        if (qsizetype(seen.size()) != runNames.size()
            || std::any_of(seen.begin(), seen.end(), [&](const QString& v) { return v != seen.front(); }))
            differing.insert(key);
    }
    return differing;
}

CompareRunFacts factsOf(const QString& id, KeyValueList params, QList<MetricSummary> metrics, KeyValueList tags = {})
{
    return { { { u"store"_s, id }, u"run-"_s + id, u"1"_s, u"exp"_s, 0 }, std::move(params), std::move(tags),
        std::move(metrics) };
}

MetricSummary summary(const QString& key, double latest, double min, double max)
{
    MetricSummary s;
    s.key = key;
    s.latest = { 10, 1000, latest };
    s.pointCount = 11;
    s.minValue = min;
    s.maxValue = max;
    return s;
}

QStringList rowLabels(const CompareDiffModel& model)
{
    QStringList labels;
    for (int r = 0; r < model.rowCount(); ++r)
        labels.append(model.headerData(r, Qt::Vertical).toString());
    return labels;
}

} // namespace

// Specifies the diff table of the Compare page: params, metrics (latest / min / max) and tags
// as rows, runs as columns; "only differences" against the fixture's own param files; deltas
// against a reference run; copying cells.
class tst_CompareDiffModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void onlyDifferencesMatchTheFixturesParams();
    void rowsAreParamsMetricsThenTags();
    void referenceRunGivesDeltas();
    void missingValuesDiffer();
    void copiesExactValues();
};

void tst_CompareDiffModel::onlyDifferencesMatchTheFixturesParams()
{
    QTemporaryDir dir;
    auto cache = TestFixtures::syncedCache(sharedFileStore(), dir.filePath(u"cache.db"_s));
    QVERIFY2(cache, qPrintable(cache ? QString() : cache.error().describe()));
    const CompareQuery query(cache->database(), u"file-store"_s);
    const auto runs = query.runs(gbmRuns);
    QVERIFY2(runs, qPrintable(runs ? QString() : runs.error().message));
    QCOMPARE(runs->size(), 5);
    auto facts = query.facts(*runs);
    QVERIFY(facts);
    QCOMPARE(facts->at(0).params.size(), 25);

    CompareDiffModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setRuns(*facts);
    QCOMPARE(model.columnCount(), 5);
    QCOMPARE(model.headerData(0, Qt::Horizontal).toString(), u"gbm-lr0.05-d4"_s);
    model.setOnlyDifferences(true);
    std::set<QString> differing;
    for (int r = 0; r < model.rowCount(); ++r) {
        const QModelIndex index = model.index(r, 0);
        QVERIFY(index.data(CompareDiffModel::DiffersRole).toBool());
        if (index.data(CompareDiffModel::RowKindRole).toInt() == int(CompareDiffModel::RowKind::Param))
            differing.insert(index.data(CompareDiffModel::KeyRole).toString());
    }
    const std::set<QString> expected = differingParamsOnDisk(gbmRuns);
    QVERIFY(!expected.empty());
    QCOMPARE(differing, expected);
    QVERIFY(differing.count(u"learning_rate"_s) == 1);
    model.setOnlyDifferences(false);
    QVERIFY(model.rowCount() > int(expected.size()) + 20); // the 20 equal params are back
}

void tst_CompareDiffModel::rowsAreParamsMetricsThenTags()
{
    CompareDiffModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setRuns({ factsOf(u"a"_s, { { u"lr"_s, u"0.1"_s } }, { summary(u"loss"_s, 0.5, 0.4, 2) },
                        { { u"team"_s, u"x"_s } }),
        factsOf(u"b"_s, { { u"lr"_s, u"0.2"_s } }, { summary(u"loss"_s, 0.25, 0.2, 3) }, { { u"team"_s, u"x"_s } }) });
    QCOMPARE(rowLabels(model),
        (QStringList { u"param  lr"_s, u"metric  loss (latest)"_s, u"metric  loss (min)"_s, u"metric  loss (max)"_s,
            u"tag  team"_s }));
    QCOMPARE(model.index(1, 1).data().toString(), u"0.25"_s);
    QCOMPARE(model.index(3, 0).data(CompareDiffModel::RawValueRole).toDouble(), 2.0);
    QCOMPARE(model.index(4, 0).data(CompareDiffModel::DiffersRole).toBool(), false);
    model.setOnlyDifferences(true);
    QCOMPARE(model.rowCount(), 4); // the shared tag is hidden
}

void tst_CompareDiffModel::referenceRunGivesDeltas()
{
    CompareDiffModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setRuns({ factsOf(u"a"_s, { { u"lr"_s, u"0.1"_s } }, { summary(u"loss"_s, 0.5, 0.4, 2) }),
        factsOf(u"b"_s, { { u"lr"_s, u"0.25"_s } }, { summary(u"loss"_s, 0.25, 0.2, 3) }) });
    QVERIFY(!model.index(1, 1).data(CompareDiffModel::DeltaRole).isValid());
    model.setReferenceRun(0);
    QCOMPARE(model.headerData(0, Qt::Horizontal).toString(), u"run-a (reference)"_s);
    QCOMPARE(model.index(1, 1).data(CompareDiffModel::DeltaRole).toDouble(), -0.25);
    QCOMPARE(model.index(1, 1).data().toString(), u"0.25 (-0.25)"_s);
    QCOMPARE(model.index(0, 1).data().toString(), u"0.25 (+0.15)"_s); // numeric params too
    QCOMPARE(model.index(1, 0).data().toString(), u"0.5"_s); // the reference itself has none
    model.setReferenceRun(7); // out of range: none
    QCOMPARE(model.referenceRun(), -1);
}

void tst_CompareDiffModel::missingValuesDiffer()
{
    CompareDiffModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    MetricSummary nan = summary(u"loss"_s, std::nan(""), 1, 1);
    model.setRuns({ factsOf(u"a"_s, { { u"lr"_s, u"0.1"_s } }, { nan }),
        factsOf(u"b"_s, { { u"lr"_s, u"0.1"_s }, { u"depth"_s, u"3"_s } }, { nan }) });
    model.setOnlyDifferences(true);
    QCOMPARE(rowLabels(model), QStringList { u"param  depth"_s }); // NaN equals NaN; absent differs
    QCOMPARE(model.index(0, 0).data().toString(), QString());
    QVERIFY(!model.index(0, 0).data(CompareDiffModel::RawValueRole).isValid());
}

void tst_CompareDiffModel::copiesExactValues()
{
    CompareDiffModel model;
    model.setRuns({ factsOf(u"a"_s, {}, { summary(u"loss"_s, 0.123456789012, 0, 1) }),
        factsOf(u"b"_s, {}, { summary(u"loss"_s, 2, 0, 1) }) });
    const QString text = model.copyText({ model.index(0, 0), model.index(0, 1) });
    QCOMPARE(text, u"\trun-a\trun-b\nmetric  loss (latest)\t0.123456789012\t2\n"_s);
}

QTEST_GUILESS_MAIN(tst_CompareDiffModel)
#include "tst_CompareDiffModel.moc"
