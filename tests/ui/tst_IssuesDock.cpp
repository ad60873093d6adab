#include "IssuesDock.h"
#include "StoreSession.h"
#include "itemmodels/IssueListModel.h"

#include "TestFixtures.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QClipboard>
#include <QDir>
#include <QFile>
#include <QGuiApplication>
#include <QLabel>
#include <QSignalSpy>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace prov;
using namespace Qt::StringLiterals;

namespace {

// Runs of the iris-classifier experiment in tests/data/mlflow/mlruns.
const QString irisExperiment = u"642966678904196211"_s;
const QString logregRunId = u"ad872d587b1a4f2e8985d41f578d6b70"_s; // logreg-final
const QString baselineRunId = u"a4cda991fa4f4a5da4987968dfa7cc4e"_s; // baseline-dummy
constexpr int syncTimeoutMs = 60000;

struct DockFixture
{
    QTemporaryDir cacheDir;
    std::unique_ptr<StoreSession> session;
    std::unique_ptr<IssuesDock> dock;
    std::unique_ptr<QAbstractItemModelTester> tester;

    QTableView* table() const { return dock->findChild<QTableView*>(u"issueTable"_s); }
    QString summary() const { return dock->findChild<QLabel*>(u"issueSummary"_s)->text(); }

    // The view row whose location ends with `suffix`, or an invalid index.
    QModelIndex rowAt(const QString& suffix, int column) const
    {
        const QAbstractItemModel* model = table()->model();
        for (int row = 0; row < model->rowCount(); ++row) {
            if (model->index(row, 0).data(IssueListModel::LocationRole).toString().endsWith(suffix))
                return model->index(row, column);
        }
        return {};
    }
};

std::unique_ptr<DockFixture> openDock(const QString& storePath)
{
    auto fixture = std::make_unique<DockFixture>();
    fixture->session = std::make_unique<StoreSession>(SessionOptions { fixture->cacheDir.path() });
    fixture->dock = std::make_unique<IssuesDock>(fixture->session.get());
    fixture->tester = std::make_unique<QAbstractItemModelTester>(
        fixture->table()->model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    fixture->dock->resize(1100, 300);
    fixture->dock->show();
    auto location = StoreLocation::fromArgument(storePath, QDir::currentPath());
    if (!location)
        qFatal("fixture store not found: %s", qPrintable(storePath));
    fixture->session->open(*location);
    return fixture;
}

// A copy of the fixture store with a garbage metric line in logreg-final and baseline-dummy's
// meta.yaml replaced by a folder.
QString corruptedStore(const QTemporaryDir& dir)
{
    const QString store = dir.filePath(u"mlruns"_s);
    if (!TestFixtures::copyTree(TestFixtures::dataPath(u"mlflow/mlruns"_s), store))
        qFatal("could not copy the fixture store");
    QFile metric(store + u'/' + irisExperiment + u'/' + logregRunId + u"/metrics/train_loss"_s);
    if (!metric.open(QIODevice::Append) || metric.write("oops not a metric\n") < 0)
        qFatal("could not damage the metric file");
    metric.close();
    const QString meta = store + u'/' + irisExperiment + u'/' + baselineRunId + u"/meta.yaml"_s;
    if (!QFile::remove(meta) || !QDir().mkdir(meta))
        qFatal("could not replace meta.yaml by a folder");
    return store;
}

} // namespace

class tst_IssuesDock : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void cleanStoreHasNoProblems();
    void listsProblemsWithTheirFiles();
    void doubleClickOpensTheIssuesRun();
    void enterOpensTheIssuesRun();
    void copyPutsSelectedIssuesOnTheClipboard();
};

void tst_IssuesDock::cleanStoreHasNoProblems()
{
    auto f = openDock(TestFixtures::dataPath(u"mlflow/mlruns"_s));
    QCOMPARE(f->dock->objectName(), u"issuesDock"_s);
    QCOMPARE(f->dock->windowTitle(), u"Issues"_s);

    QTRY_COMPARE_WITH_TIMEOUT(f->summary(), u"No problems found"_s, syncTimeoutMs);
    QCOMPARE(f->dock->issueCount(), 0);
    QCOMPARE(f->table()->model()->rowCount(), 0);
}

void tst_IssuesDock::listsProblemsWithTheirFiles()
{
    QTemporaryDir storeDir;
    const QString store = corruptedStore(storeDir);
    auto f = openDock(store);
    QSignalSpy countChanged(f->dock.get(), &IssuesDock::issueCountChanged);

    QTRY_VERIFY_WITH_TIMEOUT(f->dock->issueCount() >= 2, syncTimeoutMs);
    QCOMPARE(countChanged.count(), 1);
    QCOMPARE(countChanged.at(0).at(0).toInt(), f->dock->issueCount());
    QVERIFY2(f->summary().contains(u"problems found in this store — the rest of the store opened normally"_s),
        qPrintable(f->summary()));

    const QModelIndex metric = f->rowAt(logregRunId + u"/metrics/train_loss"_s, IssueListModel::RunColumn);
    QVERIFY(metric.isValid());
    QCOMPARE(metric.data().toString(), logregRunId);
    const QModelIndex meta = f->rowAt(baselineRunId + u"/meta.yaml"_s, IssueListModel::RunColumn);
    QVERIFY(meta.isValid());
    QCOMPARE(meta.data().toString(), baselineRunId);
    QVERIFY(meta.siblingAtColumn(IssueListModel::LocationColumn).data().toString().startsWith(store));
}

void tst_IssuesDock::doubleClickOpensTheIssuesRun()
{
    QTemporaryDir storeDir;
    auto f = openDock(corruptedStore(storeDir));
    QTRY_VERIFY_WITH_TIMEOUT(f->dock->issueCount() >= 2, syncTimeoutMs);
    QSignalSpy activated(f->dock.get(), &IssuesDock::runActivated);

    const QModelIndex metric = f->rowAt(u"/metrics/train_loss"_s, IssueListModel::MessageColumn);
    QVERIFY(metric.isValid());
    const QPoint at = f->table()->visualRect(metric).center();
    // What a mouse sends: a click, then the second press arrives as a double-click event.
    QTest::mouseClick(f->table()->viewport(), Qt::LeftButton, {}, at);
    QTest::mouseDClick(f->table()->viewport(), Qt::LeftButton, {}, at);

    QCOMPARE(activated.count(), 1);
    QCOMPARE(activated.at(0).at(0).toString(), logregRunId);
}

void tst_IssuesDock::enterOpensTheIssuesRun()
{
    QTemporaryDir storeDir;
    auto f = openDock(corruptedStore(storeDir));
    QTRY_VERIFY_WITH_TIMEOUT(f->dock->issueCount() >= 2, syncTimeoutMs);
    QSignalSpy activated(f->dock.get(), &IssuesDock::runActivated);

    f->table()->setFocus();
    f->table()->setCurrentIndex(f->rowAt(baselineRunId + u"/meta.yaml"_s, 0));
    QTest::keyClick(f->table(), Qt::Key_Return);

    QCOMPARE(activated.count(), 1);
    QCOMPARE(activated.at(0).at(0).toString(), baselineRunId);
}

void tst_IssuesDock::copyPutsSelectedIssuesOnTheClipboard()
{
    QTemporaryDir storeDir;
    auto f = openDock(corruptedStore(storeDir));
    QTRY_VERIFY_WITH_TIMEOUT(f->dock->issueCount() >= 2, syncTimeoutMs);
    const QModelIndex metric = f->rowAt(u"/metrics/train_loss"_s, 0);
    f->table()->selectionModel()->select(metric, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);

    auto* copy = f->table()->findChild<QAction*>(u"copyIssuesAction"_s);
    QVERIFY(copy);
    QVERIFY(f->table()->actions().contains(copy)); // offered in the context menu
    copy->trigger();

    const QString text = QGuiApplication::clipboard()->text();
    const QString location = metric.data(IssueListModel::LocationRole).toString();
    const QString message = metric.siblingAtColumn(IssueListModel::MessageColumn).data().toString();
    QCOMPARE(text, metric.data().toString() + u'\t' + location + u'\t' + message + u'\n');
}

QTEST_MAIN(tst_IssuesDock)
#include "tst_IssuesDock.moc"
