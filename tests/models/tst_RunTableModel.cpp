#include "itemmodels/RunTableModel.h"

#include "TestFixtures.h"
#include "query/RunTableLoader.h"

#include <QAbstractItemModelTester>
#include <QDir>
#include <QJsonObject>
#include <QPersistentModelIndex>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>
#include <limits>
#include <memory>

using namespace prov;
using namespace Qt::StringLiterals;

namespace {

const double notANumber = std::numeric_limits<double>::quiet_NaN();
const double infinity = std::numeric_limits<double>::infinity();

constexpr int attributeColumns = static_cast<int>(RunAttributeColumn::Count);

int attributeColumn(RunAttributeColumn column)
{
    return static_cast<int>(column);
}

RunTable::Row makeRow(const QString& name, std::optional<qint64> start, std::optional<qint64> end, RunStatus status)
{
    RunTable::Row row;
    row.info.runId = u"run-"_s + name;
    row.info.experimentId = u"1"_s;
    row.info.runName = name;
    row.info.status = status;
    row.info.startTime = start;
    row.info.endTime = end;
    row.info.userId = u"alice"_s;
    row.experimentName = u"exp"_s;
    return row;
}

// Five runs a..e whose values differ in every way sorting must respect: 9 vs 10 (text would
// put "10" first), start 999 vs 1000 (text would put "999" last), NaN, +/-inf and absent values.
std::shared_ptr<const RunTable> sampleTable()
{
    auto table = std::make_shared<RunTable>();
    table->rows = { makeRow(u"a"_s, 1000, 61000, RunStatus::Finished), makeRow(u"b"_s, 999, 1999, RunStatus::Finished),
        makeRow(u"c"_s, std::nullopt, std::nullopt, RunStatus::Scheduled),
        makeRow(u"d"_s, 5000, std::nullopt, RunStatus::Running), makeRow(u"e"_s, 100000, 100500, RunStatus::Failed) };
    table->rows[3].info.lifecycleStage = LifecycleStage::Deleted;
    table->rows[4].parentRunId = u"run-a"_s;
    table->metrics = {
        { u"acc"_s, { 9.0, 10.0, std::nullopt, notANumber, 0.5 } },
        { u"loss"_s, { infinity, -infinity, 1.0, std::nullopt, 2.0 } },
    };
    table->params = {
        { u"lr"_s, { u"0.01"_s, std::nullopt, QString(500, u'x'), u"first\nsecond"_s, u"0.1"_s } },
        { u"optimizer"_s, { u"adam"_s, u"adam"_s, u"sgd"_s, u"adam"_s, u"adam"_s } },
    };
    table->tags = { { u"team"_s, { u"vision"_s, std::nullopt, std::nullopt, u"nlp"_s, std::nullopt } } };
    return table;
}

// The same runs in a later snapshot: acc changed for a and b, and a new run f appeared.
std::shared_ptr<const RunTable> laterTable()
{
    auto table = std::make_shared<RunTable>(*sampleTable());
    table->rows.push_back(makeRow(u"f"_s, 200000, 200100, RunStatus::Finished));
    table->metrics[0].values = { 3.0, 30.0, std::nullopt, notANumber, 0.5, 7.0 };
    table->metrics[1].values.push_back(std::nullopt);
    table->params[0].values.push_back(std::nullopt);
    table->params[1].values.push_back(std::nullopt);
    table->tags[0].values.push_back(std::nullopt);
    return table;
}

QStringList namesInViewOrder(const RunTableModel& model)
{
    QStringList names;
    for (int row = 0; row < model.rowCount(); ++row)
        names << model.index(row, attributeColumn(RunAttributeColumn::Name)).data().toString();
    return names;
}

QString runIdOf(const QJsonObject& manifest, const QString& runName)
{
    return manifest.value(u"runs"_s).toObject().value(runName).toObject().value(u"run_id"_s).toString();
}

} // namespace

class tst_RunTableModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();

    void hasAttributeColumnsThenMetricsThenParams();
    void sortsOnRawValues_data();
    void sortsOnRawValues();
    void keepsPersistentIndexesOnTheirRunsAcrossSorts();
    void columnChoiceShowsOnlyListedKeysInOrder();
    void tagsAreOptIn();
    void rowOfRunAndRunIdAtRoundTrip();
    void sortSurvivesANewSnapshot();
    void showsNonFiniteMetricValues_data();
    void showsNonFiniteMetricValues();
    void shortensLongParamValuesForDisplayOnly();
    void exposesRunMeaningAsRoles();
    void visibleRunsNarrowRowsAndColumnsWithoutReloading();
    void visibleRunsSurviveANewSnapshotAndSort();
    void visibleTableExportsWhatIsShown();

    void fixtureRunsSortByValAucWithNaNAndAbsentValuesPlaced();
    void fixtureRunsSortChronologically();
    void fixtureRolesDescribeRunsAndParents();

private:
    QTemporaryDir m_cacheDir;
    std::shared_ptr<const RunTable> m_fixture;
    QJsonObject m_manifest;
};

void tst_RunTableModel::initTestCase()
{
    QVERIFY(m_cacheDir.isValid());
    auto cache = TestFixtures::syncedCache(u"mlflow/mlruns"_s, m_cacheDir.filePath(u"cache.sqlite"_s));
    QVERIFY2(cache.ok(), qPrintable(cache ? QString() : cache.error().describe()));
    auto table = RunTableLoader(cache->database()).load(RunSelection {});
    QVERIFY(table.ok());
    m_fixture = *table;
    m_manifest = TestFixtures::readJson(TestFixtures::dataPath(u"mlflow/manifest-filestore.json"_s)).object();
    QVERIFY(!m_manifest.isEmpty());
}

void tst_RunTableModel::hasAttributeColumnsThenMetricsThenParams()
{
    RunTableModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(model.rowCount(), 0);

    model.setTable(sampleTable());
    QCOMPARE(model.rowCount(), 5);
    QCOMPARE(model.columnCount(), attributeColumns + 2 + 2);
    const QList<std::pair<RunColumnKind, QString>> expected {
        { RunColumnKind::Metric, u"acc"_s },
        { RunColumnKind::Metric, u"loss"_s },
        { RunColumnKind::Param, u"lr"_s },
        { RunColumnKind::Param, u"optimizer"_s },
    };
    for (int i = 0; i < expected.size(); ++i) {
        const int column = attributeColumns + i;
        QCOMPARE(model.columnKind(column), expected[i].first);
        QCOMPARE(model.columnKey(column), expected[i].second);
        QCOMPARE(model.headerData(column, Qt::Horizontal, RunTableModel::ColumnKindRole).toInt(),
            static_cast<int>(expected[i].first));
        QCOMPARE(model.headerData(column, Qt::Horizontal, RunTableModel::ColumnKeyRole).toString(), expected[i].second);
        QCOMPARE(model.headerData(column, Qt::Horizontal).toString(), expected[i].second);
        QCOMPARE(model.columnOf(expected[i].first, expected[i].second), column);
    }
    QCOMPARE(model.headerData(attributeColumn(RunAttributeColumn::Name), Qt::Horizontal).toString(), u"Run name"_s);
    QCOMPARE(model.columnKind(attributeColumn(RunAttributeColumn::Started)), RunColumnKind::Attribute);
    // A key is looked up with its kind: "acc" is not a param.
    QCOMPARE(model.columnOf(RunColumnKind::Param, u"acc"_s), -1);
}

void tst_RunTableModel::sortsOnRawValues_data()
{
    QTest::addColumn<int>("kind");
    QTest::addColumn<QString>("key");
    QTest::addColumn<Qt::SortOrder>("order");
    QTest::addColumn<QStringList>("names");

    const int metric = static_cast<int>(RunColumnKind::Metric);
    const int param = static_cast<int>(RunColumnKind::Param);
    const int attribute = static_cast<int>(RunColumnKind::Attribute);
    const QString started = QString::number(attributeColumn(RunAttributeColumn::Started));
    const QString duration = QString::number(attributeColumn(RunAttributeColumn::Duration));
    const QString name = QString::number(attributeColumn(RunAttributeColumn::Name));

    QTest::newRow("metric ascending: numbers as numbers (9 < 10), NaN first, absent last")
        << metric << u"acc"_s << Qt::AscendingOrder << QStringList { u"d"_s, u"e"_s, u"a"_s, u"b"_s, u"c"_s };
    QTest::newRow("metric descending: NaN after numbers, absent still last")
        << metric << u"acc"_s << Qt::DescendingOrder << QStringList { u"b"_s, u"a"_s, u"e"_s, u"d"_s, u"c"_s };
    QTest::newRow("metric ascending: -inf < numbers < inf")
        << metric << u"loss"_s << Qt::AscendingOrder << QStringList { u"b"_s, u"c"_s, u"e"_s, u"a"_s, u"d"_s };
    QTest::newRow("metric descending: inf first, absent last")
        << metric << u"loss"_s << Qt::DescendingOrder << QStringList { u"a"_s, u"e"_s, u"c"_s, u"b"_s, u"d"_s };
    QTest::newRow("start time ascending: chronological (999 before 1000), absent last")
        << attribute << started << Qt::AscendingOrder << QStringList { u"b"_s, u"a"_s, u"d"_s, u"e"_s, u"c"_s };
    QTest::newRow("start time descending: absent still last")
        << attribute << started << Qt::DescendingOrder << QStringList { u"e"_s, u"d"_s, u"a"_s, u"b"_s, u"c"_s };
    QTest::newRow("duration ascending: 0.5 s < 1 s < 60 s, runs without an end last")
        << attribute << duration << Qt::AscendingOrder << QStringList { u"e"_s, u"b"_s, u"a"_s, u"c"_s, u"d"_s };
    QTest::newRow("duration descending") << attribute << duration << Qt::DescendingOrder
                                         << QStringList { u"a"_s, u"b"_s, u"e"_s, u"c"_s, u"d"_s };
    QTest::newRow("param ascending: as text, absent last")
        << param << u"lr"_s << Qt::AscendingOrder << QStringList { u"a"_s, u"e"_s, u"d"_s, u"c"_s, u"b"_s };
    QTest::newRow("param descending: absent still last")
        << param << u"lr"_s << Qt::DescendingOrder << QStringList { u"c"_s, u"d"_s, u"e"_s, u"a"_s, u"b"_s };
    QTest::newRow("run name descending") << attribute << name << Qt::DescendingOrder
                                         << QStringList { u"e"_s, u"d"_s, u"c"_s, u"b"_s, u"a"_s };
}

void tst_RunTableModel::sortsOnRawValues()
{
    QFETCH(int, kind);
    QFETCH(QString, key);
    QFETCH(Qt::SortOrder, order);
    QFETCH(QStringList, names);

    RunTableModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setTable(sampleTable());
    const int column = model.columnOf(static_cast<RunColumnKind>(kind), key);
    QVERIFY(column >= 0);
    model.sort(column, order);
    QCOMPARE(namesInViewOrder(model), names);
}

void tst_RunTableModel::keepsPersistentIndexesOnTheirRunsAcrossSorts()
{
    RunTableModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setTable(sampleTable());
    const int acc = model.columnOf(RunColumnKind::Metric, u"acc"_s);
    // Every run "selected", as a view's selection model holds them.
    QList<QPersistentModelIndex> selected;
    for (int row = 0; row < model.rowCount(); ++row)
        selected << QPersistentModelIndex(model.index(row, acc));
    const QStringList runIds { u"run-a"_s, u"run-b"_s, u"run-c"_s, u"run-d"_s, u"run-e"_s };

    for (const Qt::SortOrder order : { Qt::DescendingOrder, Qt::AscendingOrder }) {
        model.sort(acc, order);
        for (int i = 0; i < selected.size(); ++i) {
            QVERIFY(selected[i].isValid());
            QCOMPARE(selected[i].column(), acc);
            QCOMPARE(selected[i].data(RunTableModel::RunIdRole).toString(), runIds[i]);
            QCOMPARE(selected[i].row(), model.rowOfRun(runIds[i]));
        }
    }
    // The run in row 0 before sorting by name descending ends in the last row.
    QPersistentModelIndex first(model.index(0, attributeColumn(RunAttributeColumn::Name)));
    const QString firstRun = first.data(RunTableModel::RunIdRole).toString();
    model.sort(attributeColumn(RunAttributeColumn::Name), Qt::DescendingOrder);
    QCOMPARE(first.data(RunTableModel::RunIdRole).toString(), firstRun);
    QCOMPARE(first.row(), model.rowOfRun(firstRun));
}

void tst_RunTableModel::columnChoiceShowsOnlyListedKeysInOrder()
{
    RunTableModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setTable(sampleTable());

    RunColumnChoice choice;
    choice.allMetrics = false;
    choice.metrics = { u"loss"_s, u"not-in-these-runs"_s, u"acc"_s };
    choice.allParams = false;
    choice.params = { u"optimizer"_s };
    model.setColumnChoice(choice);

    QCOMPARE(model.columnCount(), attributeColumns + 3);
    QCOMPARE(model.columnKind(attributeColumns), RunColumnKind::Metric);
    QCOMPARE(model.columnKey(attributeColumns), u"loss"_s);
    QCOMPARE(model.columnKind(attributeColumns + 1), RunColumnKind::Metric);
    QCOMPARE(model.columnKey(attributeColumns + 1), u"acc"_s);
    QCOMPARE(model.columnKind(attributeColumns + 2), RunColumnKind::Param);
    QCOMPARE(model.columnKey(attributeColumns + 2), u"optimizer"_s);
    QCOMPARE(model.columnOf(RunColumnKind::Metric, u"not-in-these-runs"_s), -1);
    QCOMPARE(model.columnOf(RunColumnKind::Param, u"lr"_s), -1);
    QCOMPARE(model.columnChoice().metrics, choice.metrics);

    // The choice is kept for the next snapshot (e.g. another experiment).
    model.setTable(laterTable());
    QCOMPARE(model.columnCount(), attributeColumns + 3);
    QCOMPARE(model.columnKey(attributeColumns), u"loss"_s);

    // Nothing chosen: attributes only.
    choice.metrics.clear();
    choice.params.clear();
    model.setColumnChoice(choice);
    QCOMPARE(model.columnCount(), attributeColumns);
}

void tst_RunTableModel::tagsAreOptIn()
{
    RunTableModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setTable(sampleTable());
    QCOMPARE(model.columnOf(RunColumnKind::Tag, u"team"_s), -1);

    RunColumnChoice choice;
    choice.tags = { u"team"_s };
    model.setColumnChoice(choice);
    const int team = model.columnOf(RunColumnKind::Tag, u"team"_s);
    QCOMPARE(team, model.columnCount() - 1);
    QCOMPARE(model.headerData(team, Qt::Horizontal, RunTableModel::ColumnKindRole).toInt(),
        static_cast<int>(RunColumnKind::Tag));
    QCOMPARE(model.index(model.rowOfRun(u"run-a"_s), team).data().toString(), u"vision"_s);
    QVERIFY(!model.index(model.rowOfRun(u"run-b"_s), team).data(RunTableModel::RawValueRole).isValid());
}

void tst_RunTableModel::rowOfRunAndRunIdAtRoundTrip()
{
    RunTableModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(model.rowOfRun(u"run-a"_s), -1);
    QCOMPARE(model.runIdAt(0), QString());

    model.setTable(sampleTable());
    for (const Qt::SortOrder order : { Qt::AscendingOrder, Qt::DescendingOrder }) {
        model.sort(model.columnOf(RunColumnKind::Metric, u"loss"_s), order);
        for (int row = 0; row < model.rowCount(); ++row) {
            const QString runId = model.runIdAt(row);
            QVERIFY(!runId.isEmpty());
            QCOMPARE(model.rowOfRun(runId), row);
            QCOMPARE(model.index(row, 0).data(RunTableModel::RunIdRole).toString(), runId);
        }
    }
    QCOMPARE(model.rowOfRun(u"no-such-run"_s), -1);
    QCOMPARE(model.runIdAt(-1), QString());
    QCOMPARE(model.runIdAt(model.rowCount()), QString());
}

void tst_RunTableModel::sortSurvivesANewSnapshot()
{
    RunTableModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setTable(sampleTable());
    model.sort(model.columnOf(RunColumnKind::Metric, u"acc"_s), Qt::DescendingOrder);
    QCOMPARE(namesInViewOrder(model), (QStringList { u"b"_s, u"a"_s, u"e"_s, u"d"_s, u"c"_s }));

    // acc is now a=3, b=30, f=7: the new snapshot comes in sorted by the same column and order.
    model.setTable(laterTable());
    QCOMPARE(namesInViewOrder(model), (QStringList { u"b"_s, u"f"_s, u"a"_s, u"e"_s, u"d"_s, u"c"_s }));
}

void tst_RunTableModel::showsNonFiniteMetricValues_data()
{
    QTest::addColumn<double>("value");
    QTest::addColumn<QString>("display");

    QTest::newRow("NaN") << notANumber << u"NaN"_s;
    QTest::newRow("+inf") << infinity << u"inf"_s;
    QTest::newRow("-inf") << -infinity << u"-inf"_s;
    QTest::newRow("finite, 6 significant digits") << 0.123456789 << u"0.123457"_s;
    QTest::newRow("integral") << 10.0 << u"10"_s;
}

void tst_RunTableModel::showsNonFiniteMetricValues()
{
    QFETCH(double, value);
    QFETCH(QString, display);

    auto table = std::make_shared<RunTable>();
    table->rows = { makeRow(u"a"_s, 1000, 2000, RunStatus::Finished) };
    table->metrics = { { u"m"_s, { value } } };
    RunTableModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setTable(table);
    const QModelIndex cell = model.index(0, model.columnOf(RunColumnKind::Metric, u"m"_s));
    QCOMPARE(cell.data().toString(), display);
    const QVariant raw = cell.data(RunTableModel::RawValueRole);
    QCOMPARE(raw.typeId(), QMetaType::Double);
    if (std::isnan(value))
        QVERIFY(std::isnan(raw.toDouble()));
    else
        QCOMPARE(raw.toDouble(), value);
}

void tst_RunTableModel::shortensLongParamValuesForDisplayOnly()
{
    RunTableModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setTable(sampleTable());
    const int lr = model.columnOf(RunColumnKind::Param, u"lr"_s);

    const QModelIndex longValue = model.index(model.rowOfRun(u"run-c"_s), lr);
    const QString shown = longValue.data().toString();
    QVERIFY2(shown.size() < 500, qPrintable(QString::number(shown.size())));
    QVERIFY(shown.startsWith(QString(100, u'x')));
    QVERIFY(shown.endsWith(u"…"_s));
    QCOMPARE(longValue.data(RunTableModel::RawValueRole).toString(), QString(500, u'x'));

    // Only the first line of a multi-line value is shown.
    const QModelIndex multiLine = model.index(model.rowOfRun(u"run-d"_s), lr);
    QVERIFY(multiLine.data().toString().startsWith(u"first"_s));
    QVERIFY(!multiLine.data().toString().contains(u"second"_s));
    QCOMPARE(multiLine.data(RunTableModel::RawValueRole).toString(), u"first\nsecond"_s);

    // Short values are shown as they are.
    QCOMPARE(model.index(model.rowOfRun(u"run-a"_s), lr).data().toString(), u"0.01"_s);
}

void tst_RunTableModel::exposesRunMeaningAsRoles()
{
    RunTableModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setTable(sampleTable());
    const int duration = attributeColumn(RunAttributeColumn::Duration);

    const QModelIndex running = model.index(model.rowOfRun(u"run-d"_s), duration);
    QCOMPARE(running.data(RunTableModel::StatusRole).toInt(), static_cast<int>(RunStatus::Running));
    QCOMPARE(running.data().toString(), u"running"_s);
    QVERIFY(running.data(RunTableModel::DeletedRole).toBool());
    QVERIFY(!running.data(RunTableModel::RawValueRole).isValid());

    const QModelIndex child = model.index(model.rowOfRun(u"run-e"_s), duration);
    QCOMPARE(child.data(RunTableModel::ParentRunIdRole).toString(), u"run-a"_s);
    QCOMPARE(child.data(RunTableModel::RawValueRole).toLongLong(), 500);
    QVERIFY(!child.data(RunTableModel::DeletedRole).toBool());
    QCOMPARE(child.data(RunTableModel::ExperimentIdRole).toString(), u"1"_s);
    QCOMPARE(model.index(child.row(), attributeColumn(RunAttributeColumn::State)).data().toString(), u"Failed"_s);
    QCOMPARE(model.index(child.row(), attributeColumn(RunAttributeColumn::Started)).data(RunTableModel::RawValueRole),
        QVariant(qint64(100000)));
}

void tst_RunTableModel::fixtureRunsSortByValAucWithNaNAndAbsentValuesPlaced()
{
    RunTableModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setTable(m_fixture);
    QCOMPARE(model.rowCount(), 27);
    const int valAuc = model.columnOf(RunColumnKind::Metric, u"val_auc"_s);
    QVERIFY(valAuc >= 0);
    // Eight active churn-prediction runs log val_auc; gbm-lr1.0-diverged's latest value is NaN.
    const QString diverged = runIdOf(m_manifest, u"gbm-lr1.0-diverged"_s);

    model.sort(valAuc, Qt::DescendingOrder);
    QCOMPARE(model.runIdAt(0), runIdOf(m_manifest, u"gbm-lr0.1-d8"_s));
    for (int row = 1; row < 7; ++row) {
        const double above = model.index(row - 1, valAuc).data(RunTableModel::RawValueRole).toDouble();
        const double here = model.index(row, valAuc).data(RunTableModel::RawValueRole).toDouble();
        QVERIFY2(above >= here, qPrintable(u"row %1: %2 after %3"_s.arg(row).arg(here).arg(above)));
    }
    QCOMPARE(model.runIdAt(7), diverged);
    QCOMPARE(model.index(7, valAuc).data().toString(), u"NaN"_s);
    for (int row = 8; row < model.rowCount(); ++row)
        QVERIFY(!model.index(row, valAuc).data(RunTableModel::RawValueRole).isValid());

    model.sort(valAuc, Qt::AscendingOrder);
    QCOMPARE(model.runIdAt(0), diverged);
    QCOMPARE(model.runIdAt(7), runIdOf(m_manifest, u"gbm-lr0.1-d8"_s));
    for (int row = 8; row < model.rowCount(); ++row)
        QVERIFY(!model.index(row, valAuc).data(RunTableModel::RawValueRole).isValid());
}

void tst_RunTableModel::fixtureRunsSortChronologically()
{
    RunTableModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setTable(m_fixture);
    const int started = attributeColumn(RunAttributeColumn::Started);
    model.sort(started, Qt::AscendingOrder);
    for (int row = 1; row < model.rowCount(); ++row) {
        const QVariant before = model.index(row - 1, started).data(RunTableModel::RawValueRole);
        const QVariant here = model.index(row, started).data(RunTableModel::RawValueRole);
        QVERIFY(before.isValid() && here.isValid());
        QVERIFY(before.toLongLong() <= here.toLongLong());
    }
    model.sort(started, Qt::DescendingOrder);
    for (int row = 1; row < model.rowCount(); ++row) {
        QVERIFY(model.index(row - 1, started).data(RunTableModel::RawValueRole).toLongLong()
            >= model.index(row, started).data(RunTableModel::RawValueRole).toLongLong());
    }
}

void tst_RunTableModel::fixtureRolesDescribeRunsAndParents()
{
    RunTableModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setTable(m_fixture);
    const QString sweep = runIdOf(m_manifest, u"hpo-logreg-sweep"_s);
    for (int i = 0; i < 8; ++i) {
        const QString trial = runIdOf(m_manifest, u"trial-0%1"_s.arg(i));
        const int row = model.rowOfRun(trial);
        QVERIFY2(row >= 0, qPrintable(trial));
        QCOMPARE(model.index(row, 0).data(RunTableModel::ParentRunIdRole).toString(), sweep);
    }
    const int nightly = model.rowOfRun(runIdOf(m_manifest, u"nightly-retrain"_s));
    QVERIFY(nightly >= 0);
    QCOMPARE(model.index(nightly, 0).data(RunTableModel::StatusRole).toInt(), static_cast<int>(RunStatus::Running));
    QCOMPARE(model.index(nightly, attributeColumn(RunAttributeColumn::Duration)).data().toString(), u"running"_s);

    const int d8 = model.rowOfRun(runIdOf(m_manifest, u"gbm-lr0.1-d8"_s));
    const QModelIndex features = model.index(d8, model.columnOf(RunColumnKind::Param, u"feature_list"_s));
    QCOMPARE(features.data(RunTableModel::RawValueRole).toString().size(), 5000);
    QVERIFY(features.data().toString().size() < 5000);
}

void tst_RunTableModel::visibleRunsNarrowRowsAndColumnsWithoutReloading()
{
    RunTableModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setTable(sampleTable());
    QCOMPARE(model.rowCount(), 5);
    // A filter picked b and c, in that order; an id the table does not know is skipped.
    model.setVisibleRuns({ u"run-b"_s, u"unknown"_s, u"run-c"_s });
    QCOMPARE(namesInViewOrder(model), QStringList({ u"b"_s, u"c"_s }));
    // b and c have no team tag even when tags are chosen; lr is only c's, optimizer both's.
    RunColumnChoice choice;
    choice.tags = { u"team"_s };
    model.setColumnChoice(choice);
    QCOMPARE(model.columnOf(RunColumnKind::Tag, u"team"_s), -1);
    QVERIFY(model.columnOf(RunColumnKind::Param, u"lr"_s) >= 0);
    QVERIFY(model.columnOf(RunColumnKind::Metric, u"acc"_s) >= 0);
    // d has the tag: showing it brings the column back.
    model.setVisibleRuns({ u"run-d"_s });
    QVERIFY(model.columnOf(RunColumnKind::Tag, u"team"_s) >= 0);
    QCOMPARE(model.columnOf(RunColumnKind::Metric, u"acc"_s), attributeColumns); // NaN is a value
    QCOMPARE(model.columnOf(RunColumnKind::Metric, u"loss"_s), -1); // d has no loss
    model.showAllRuns();
    QCOMPARE(model.rowCount(), 5);
}

void tst_RunTableModel::visibleRunsSurviveANewSnapshotAndSort()
{
    RunTableModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setTable(sampleTable());
    model.setVisibleRuns({ u"run-a"_s, u"run-b"_s, u"run-f"_s });
    QCOMPARE(model.rowCount(), 2); // f is not in this snapshot yet
    model.sort(model.columnOf(RunColumnKind::Metric, u"acc"_s), Qt::DescendingOrder);
    QCOMPARE(namesInViewOrder(model), QStringList({ u"b"_s, u"a"_s })); // 10 > 9
    model.setTable(laterTable());
    QCOMPARE(namesInViewOrder(model), QStringList({ u"b"_s, u"f"_s, u"a"_s })); // 30 > 7 > 3
}

void tst_RunTableModel::visibleTableExportsWhatIsShown()
{
    RunTableModel model;
    model.setTable(sampleTable());
    model.setVisibleRuns({ u"run-e"_s, u"run-a"_s });
    model.sort(model.columnOf(RunColumnKind::Metric, u"acc"_s), Qt::AscendingOrder);
    const auto shown = model.visibleTable();
    QCOMPARE(shown->size(), 2);
    QCOMPARE(shown->rows[0].info.runName, u"e"_s); // 0.5 before 9
    QCOMPARE(shown->rows[1].info.runName, u"a"_s);
    QCOMPARE(shown->metrics.size(), std::size_t(2));
    QCOMPARE(shown->metrics[0].key, u"acc"_s);
    QCOMPARE(*shown->metrics[0].values[0], 0.5);
    QCOMPARE(shown->params.size(), std::size_t(2));
    QVERIFY(shown->tags.empty()); // not chosen
}

QTEST_GUILESS_MAIN(tst_RunTableModel)
#include "tst_RunTableModel.moc"
