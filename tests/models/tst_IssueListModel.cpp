#include "itemmodels/IssueListModel.h"

#include "TestFixtures.h"

#include <QAbstractItemModelTester>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace prov;
using namespace Qt::StringLiterals;

namespace {

StoreIssueList sampleIssues()
{
    return {
        { StoreIssue::Severity::Warning, u"mlruns/1/abc/metrics/loss"_s, u"line 3 is not a metric point"_s, u"1"_s,
            u"abc"_s },
        { StoreIssue::Severity::Error, u"mlruns/2/meta.yaml"_s, u"meta.yaml does not parse"_s, u"2"_s, QString() },
        { StoreIssue::Severity::Error, u"runs:ffff"_s, u"unknown status 9"_s, u"3"_s, u"ffff"_s },
    };
}

} // namespace

class tst_IssueListModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void listsOneRowPerIssue();
    void showsSeverityMessageLocationAndRun_data();
    void showsSeverityMessageLocationAndRun();
    void exposesSeverityRunAndLocationAsRoles();
    void fixtureDamagedMetricFileBecomesAnIssueOfItsRun();
};

void tst_IssueListModel::listsOneRowPerIssue()
{
    IssueListModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(model.rowCount(), 0);
    model.setIssues(sampleIssues());
    QCOMPARE(model.rowCount(), 3);
    QCOMPARE(model.columnCount(), int(IssueListModel::ColumnCount));
    QCOMPARE(model.issues().size(), 3);
    QCOMPARE(model.headerData(IssueListModel::SeverityColumn, Qt::Horizontal).toString(), u"Severity"_s);
    QCOMPARE(model.headerData(IssueListModel::MessageColumn, Qt::Horizontal).toString(), u"Problem"_s);
    QCOMPARE(model.headerData(IssueListModel::LocationColumn, Qt::Horizontal).toString(), u"Where"_s);
    QCOMPARE(model.headerData(IssueListModel::RunColumn, Qt::Horizontal).toString(), u"Run"_s);
    model.setIssues({});
    QCOMPARE(model.rowCount(), 0);
}

void tst_IssueListModel::showsSeverityMessageLocationAndRun_data()
{
    QTest::addColumn<int>("row");
    QTest::addColumn<int>("column");
    QTest::addColumn<QString>("text");

    QTest::newRow("warning") << 0 << int(IssueListModel::SeverityColumn) << u"Warning"_s;
    QTest::newRow("error") << 1 << int(IssueListModel::SeverityColumn) << u"Error"_s;
    QTest::newRow("message") << 0 << int(IssueListModel::MessageColumn) << u"line 3 is not a metric point"_s;
    QTest::newRow("file location") << 0 << int(IssueListModel::LocationColumn) << u"mlruns/1/abc/metrics/loss"_s;
    QTest::newRow("table location") << 2 << int(IssueListModel::LocationColumn) << u"runs:ffff"_s;
    QTest::newRow("run") << 0 << int(IssueListModel::RunColumn) << u"abc"_s;
    QTest::newRow("no run") << 1 << int(IssueListModel::RunColumn) << QString();
}

void tst_IssueListModel::showsSeverityMessageLocationAndRun()
{
    QFETCH(int, row);
    QFETCH(int, column);
    QFETCH(QString, text);

    IssueListModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setIssues(sampleIssues());
    QCOMPARE(model.index(row, column).data().toString(), text);
}

void tst_IssueListModel::exposesSeverityRunAndLocationAsRoles()
{
    IssueListModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setIssues(sampleIssues());
    const StoreIssueList issues = sampleIssues();
    for (int row = 0; row < issues.size(); ++row) {
        // Every column of a row answers the row's roles, so a click anywhere can navigate.
        for (int column = 0; column < model.columnCount(); ++column) {
            const QModelIndex index = model.index(row, column);
            QCOMPARE(index.data(IssueListModel::SeverityRole).toInt(), static_cast<int>(issues[row].severity));
            QCOMPARE(index.data(IssueListModel::RunIdRole).toString(), issues[row].runId);
            QCOMPARE(index.data(IssueListModel::LocationRole).toString(), issues[row].location);
            const QString tip = index.data(Qt::ToolTipRole).toString();
            QVERIFY(tip.contains(issues[row].location));
            QVERIFY(tip.contains(issues[row].message));
        }
    }
}

void tst_IssueListModel::fixtureDamagedMetricFileBecomesAnIssueOfItsRun()
{
    // A copy of the MLflow 2 store with one metric file damaged: the rest still syncs, and
    // the damage is one issue naming the file and its run.
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString store = dir.filePath(u"mlruns"_s);
    QVERIFY(TestFixtures::copyTree(TestFixtures::dataPath(u"mlflow2/mlruns"_s), store));
    const QJsonArray runs = TestFixtures::mlflow2Expected(u"filestore"_s).value(u"runs"_s).toArray();
    QJsonObject victim;
    for (const QJsonValue& run : runs) {
        if (run[u"run_name"_s].toString() == u"rf-final"_s)
            victim = run.toObject();
    }
    QVERIFY(!victim.isEmpty());
    const QString runId = victim[u"run_id"_s].toString();
    const QString metricFile
        = store + u'/' + victim[u"experiment_id"_s].toString() + u'/' + runId + u"/metrics/val_rmse"_s;
    QFile file(metricFile);
    QVERIFY(file.open(QIODevice::Append));
    file.write("this is not a metric line\n");
    file.close();

    auto cache = TestFixtures::syncedCache(store, dir.filePath(u"cache.sqlite"_s));
    QVERIFY(cache.ok());
    const auto issues = cache->issues();
    QVERIFY(issues.ok());

    IssueListModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setIssues(*issues);
    QCOMPARE(model.rowCount(), 1);
    const QModelIndex issue = model.index(0, IssueListModel::MessageColumn);
    QCOMPARE(issue.data(IssueListModel::RunIdRole).toString(), runId);
    QVERIFY2(issue.data(IssueListModel::LocationRole).toString().endsWith(u"metrics/val_rmse"_s),
        qPrintable(issue.data(IssueListModel::LocationRole).toString()));
    QVERIFY(!issue.data().toString().isEmpty());
    QCOMPARE(model.index(0, IssueListModel::RunColumn).data().toString(), runId);
}

QTEST_GUILESS_MAIN(tst_IssueListModel)
#include "tst_IssueListModel.moc"
