#include "itemmodels/ExperimentListModel.h"

#include "TestFixtures.h"

#include <QAbstractItemModelTester>
#include <QDir>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace prov;
using namespace Qt::StringLiterals;

namespace {

// Three experiments, the middle one deleted, listed in the order the cache gives them.
QList<ExperimentEntry> sampleExperiments()
{
    return {
        { u"1"_s, u"alpha"_s, false, 3, u"first experiment"_s },
        { u"2"_s, u"beta (deleted)"_s, true, 2, QString() },
        { u"3"_s, u"gamma"_s, false, 5, QString() },
    };
}

QStringList names(const ExperimentListModel& model)
{
    QStringList list;
    for (int row = 0; row < model.rowCount(); ++row)
        list << model.index(row).data().toString();
    return list;
}

} // namespace

class tst_ExperimentListModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void isEmptyButForAllExperimentsBeforeData();
    void listsAllExperimentsFirstWithTheSumOfRunCounts();
    void hidesDeletedExperimentsUntilAskedTo();
    void rowOfFindsListedExperimentsOnly();
    void exposesIdsCountsAndDeletedFlagAsRoles();
    void fixtureCountsMatchTheActiveRuns();
};

void tst_ExperimentListModel::isEmptyButForAllExperimentsBeforeData()
{
    ExperimentListModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(model.rowCount(), 1);
    QVERIFY(model.index(0).data(ExperimentListModel::IsAllRole).toBool());
    QCOMPARE(model.index(0).data(ExperimentListModel::RunCountRole).toLongLong(), 0);
}

void tst_ExperimentListModel::listsAllExperimentsFirstWithTheSumOfRunCounts()
{
    ExperimentListModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setExperiments(sampleExperiments());

    QCOMPARE(names(model), (QStringList { u"All experiments"_s, u"alpha"_s, u"gamma"_s }));
    const QModelIndex all = model.index(0);
    QVERIFY(all.data(ExperimentListModel::IsAllRole).toBool());
    QCOMPARE(all.data(ExperimentListModel::ExperimentIdRole).toString(), QString());
    QCOMPARE(all.data(ExperimentListModel::RunCountRole).toLongLong(), 3 + 5);
    QVERIFY(!all.data(ExperimentListModel::DeletedRole).toBool());
    QVERIFY(!model.index(1).data(ExperimentListModel::IsAllRole).toBool());

    // The total follows what is listed.
    model.setShowDeleted(true);
    QCOMPARE(model.index(0).data(ExperimentListModel::RunCountRole).toLongLong(), 3 + 2 + 5);
}

void tst_ExperimentListModel::hidesDeletedExperimentsUntilAskedTo()
{
    ExperimentListModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QVERIFY(!model.showDeleted());
    model.setExperiments(sampleExperiments());
    QVERIFY(!names(model).contains(u"beta (deleted)"_s));

    model.setShowDeleted(true);
    QVERIFY(model.showDeleted());
    QCOMPARE(names(model), (QStringList { u"All experiments"_s, u"alpha"_s, u"beta (deleted)"_s, u"gamma"_s }));

    // New data keeps the setting.
    model.setExperiments(sampleExperiments());
    QCOMPARE(model.rowCount(), 4);

    model.setShowDeleted(false);
    QCOMPARE(model.rowCount(), 3);
}

void tst_ExperimentListModel::rowOfFindsListedExperimentsOnly()
{
    ExperimentListModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setExperiments(sampleExperiments());

    QCOMPARE(model.rowOf(QString()), 0); // "All experiments"
    QCOMPARE(model.rowOf(u"1"_s), 1);
    QCOMPARE(model.rowOf(u"3"_s), 2);
    QCOMPARE(model.rowOf(u"2"_s), -1); // deleted, hidden
    QCOMPARE(model.rowOf(u"99"_s), -1);

    model.setShowDeleted(true);
    QCOMPARE(model.rowOf(u"2"_s), 2);
    QCOMPARE(model.rowOf(u"3"_s), 3);
    for (const QString& id : { u"1"_s, u"2"_s, u"3"_s })
        QCOMPARE(model.index(model.rowOf(id)).data(ExperimentListModel::ExperimentIdRole).toString(), id);
}

void tst_ExperimentListModel::exposesIdsCountsAndDeletedFlagAsRoles()
{
    ExperimentListModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setShowDeleted(true);
    model.setExperiments(sampleExperiments());

    const QModelIndex deleted = model.index(model.rowOf(u"2"_s));
    QVERIFY(deleted.data(ExperimentListModel::DeletedRole).toBool());
    QCOMPARE(deleted.data(ExperimentListModel::RunCountRole).toLongLong(), 2);
    QVERIFY(deleted.data(Qt::ToolTipRole).toString().contains(u"Deleted"_s));

    const QModelIndex alpha = model.index(model.rowOf(u"1"_s));
    QVERIFY(!alpha.data(ExperimentListModel::DeletedRole).toBool());
    const QString tip = alpha.data(Qt::ToolTipRole).toString();
    QVERIFY2(tip.contains(u"3 active runs"_s), qPrintable(tip));
    QVERIFY2(tip.contains(u"first experiment"_s), qPrintable(tip));

    const QHash<int, QByteArray> roles = model.roleNames();
    QCOMPARE(roles.value(ExperimentListModel::ExperimentIdRole), QByteArray("experimentId"));
    QCOMPARE(roles.value(ExperimentListModel::RunCountRole), QByteArray("runCount"));
    QCOMPARE(roles.value(ExperimentListModel::DeletedRole), QByteArray("deleted"));
    QCOMPARE(roles.value(ExperimentListModel::IsAllRole), QByteArray("isAll"));
    QCOMPARE(roles.value(Qt::DisplayRole), QByteArray("display"));
}

void tst_ExperimentListModel::fixtureCountsMatchTheActiveRuns()
{
    QTemporaryDir cacheDir;
    QVERIFY(cacheDir.isValid());
    auto cache = TestFixtures::syncedCache(u"mlflow/mlruns"_s, cacheDir.filePath(u"cache.sqlite"_s));
    QVERIFY(cache.ok());
    const auto experiments = cache->experiments();
    QVERIFY(experiments.ok());
    QCOMPARE(experiments->size(), 5);

    ExperimentListModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setExperiments(*experiments);
    // Active runs of active experiments, counted from the generator's manifest.
    const QJsonObject manifest
        = TestFixtures::readJson(TestFixtures::dataPath(u"mlflow/manifest-filestore.json"_s)).object();
    const QJsonObject manifestExperiments = manifest.value(u"experiments"_s).toObject();
    QHash<QString, qint64> activeRuns;
    for (const QJsonValue& run : manifest.value(u"runs"_s).toObject()) {
        if (run[u"lifecycle_stage"_s].toString() == u"active"_s)
            ++activeRuns[run[u"experiment_id"_s].toString()];
    }
    QCOMPARE(model.rowCount(), 1 + 4);
    QCOMPARE(model.index(0).data(ExperimentListModel::RunCountRole).toLongLong(), 27);
    for (int row = 1; row < model.rowCount(); ++row) {
        const QString id = model.index(row).data(ExperimentListModel::ExperimentIdRole).toString();
        QCOMPARE(model.index(row).data(ExperimentListModel::RunCountRole).toLongLong(), activeRuns.value(id));
    }
    const QString oldBaselines = manifestExperiments.value(u"old-baselines-2024"_s)[u"id"_s].toString();
    QCOMPARE(model.rowOf(oldBaselines), -1);
    QVERIFY(model.rowOf(u"0"_s) > 0);
    QCOMPARE(model.index(model.rowOf(u"0"_s)).data().toString(), u"Default"_s);
    model.setShowDeleted(true);
    QCOMPARE(model.rowCount(), 1 + 5);
    const QModelIndex deleted = model.index(model.rowOf(oldBaselines));
    QCOMPARE(deleted.data().toString(), u"old-baselines-2024"_s);
    QVERIFY(deleted.data(ExperimentListModel::DeletedRole).toBool());
    QCOMPARE(deleted.data(ExperimentListModel::RunCountRole).toLongLong(), 0); // its two runs are deleted too
}

QTEST_GUILESS_MAIN(tst_ExperimentListModel)
#include "tst_ExperimentListModel.moc"
