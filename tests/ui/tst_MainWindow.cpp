#include "MainWindow.h"

#include "MetricChartView.h"
#include "ModelsPage.h"
#include "RunDetailsPanel.h"
#include "RunTableDelegate.h"
#include "RunTreeView.h"
#include "RunsPage.h"
#include "TestFixtures.h"
#include "itemmodels/RunTableModel.h"

#include <QAction>
#include <QCheckBox>
#include <QLabel>
#include <QLineEdit>
#include <QMimeData>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBrowser>
#include <QTreeView>
#include <QUrl>

using namespace prov;
using namespace Qt::StringLiterals;

namespace {

template<typename T> T* child(QObject* parent, const QString& name)
{
    return parent->findChild<T*>(name);
}

int rowOfRunNamed(QTreeView* view, const QString& name)
{
    for (int row = 0; row < view->model()->rowCount(); ++row) {
        if (view->model()->index(row, 1).data().toString() == name)
            return row;
    }
    return -1;
}

} // namespace

// Smoke test of the window as a user drives it: open the fixture store, filter the runs,
// select one, read its details; reopen an unreachable store from its cache.
class tst_MainWindow : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void opensAStoreFiltersRunsAndShowsDetails();
    void badFilterShowsAnInlineErrorAndKeepsTheRuns();
    void plainWordsSearchRunNames();
    void detailsLinkToTheParentRun();
    void runDetailsLinkToTheirLoggedModelAndBack();
    void showDeletedListsDeletedRuns();
    void childRunsNestUnderTheirParent();
    void unreachableStoreIsShownFromItsCache();
    void sampleStoreOpensOnFirstStart();
    void notAStoreIsRefusedWithAMessage();
    void droppingAStoreOpensIt();

private:
    std::unique_ptr<MainWindow> openWindow(const QString& store);

    QTemporaryDir m_cache;
};

void tst_MainWindow::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(u"ProvenanceTests"_s);
    QCoreApplication::setApplicationName(u"tst_MainWindow"_s);
    QVERIFY(m_cache.isValid());
}

void tst_MainWindow::init()
{
    QSettings().clear();
}

std::unique_ptr<MainWindow> tst_MainWindow::openWindow(const QString& store)
{
    auto window = std::make_unique<MainWindow>(SessionOptions { m_cache.path() });
    window->resize(1300, 800);
    window->show();
    if (!store.isEmpty())
        window->openArgument(store);
    return window;
}

void tst_MainWindow::opensAStoreFiltersRunsAndShowsDetails()
{
    auto window = openWindow(TestFixtures::dataPath(u"mlflow/mlruns"_s));
    auto* runs = child<QTreeView>(window->runsPage(), u"runsView"_s);
    auto* filter = child<QLineEdit>(window->runsPage(), u"filterEdit"_s);
    QVERIFY(runs && filter);
    QTRY_COMPARE(window->runsPage()->listedRunCount(), 27);
    QTRY_VERIFY(!window->session()->isSyncing());

    QTest::keyClicks(filter, u"metrics.val_auc > 0.8"_s);
    QTest::keyClick(filter, Qt::Key_Return);
    QTRY_COMPARE(window->runsPage()->listedRunCount(), 1);
    QCOMPARE(runs->model()->index(0, 1).data().toString(), u"gbm-lr0.1-d8"_s);
    QVERIFY(child<QLabel>(window->runsPage(), u"countLabel"_s)->text().startsWith(u"1 run match"_s));

    QTest::mouseClick(runs->viewport(), Qt::LeftButton, {}, runs->visualRect(runs->model()->index(0, 1)).center());
    auto* details = window->runsPage()->details();
    QTRY_COMPARE(details->runId(), u"c7ce5678ea76420ab2f9d4d38f69f258"_s);
    QTRY_COMPARE(child<QLabel>(details, u"nameLabel"_s)->text(), u"gbm-lr0.1-d8"_s);
    auto* tabs = child<QTabWidget>(details, u"tabs"_s);
    QCOMPARE(tabs->tabText(tabs->indexOf(child<QWidget>(details, u"paramsTab"_s))),
        u"Parameters (26)"_s); // n_params in the manifest
    const QString overview = child<QTextBrowser>(details, u"overviewBrowser"_s)->toPlainText();
    QVERIFY2(overview.contains(u"FINISHED"_s), qPrintable(overview));
    QVERIFY(overview.contains(u"churn-prediction"_s));
    QVERIFY(overview.contains(u"churn-2025q1"_s)); // its dataset
    QVERIFY(details->findChild<MetricChartView*>());
    QTRY_VERIFY(!details->findChild<MetricChartView*>()->series().empty()); // first metric's history
}

void tst_MainWindow::badFilterShowsAnInlineErrorAndKeepsTheRuns()
{
    auto window = openWindow(TestFixtures::dataPath(u"mlflow/mlruns"_s));
    auto* filter = child<QLineEdit>(window->runsPage(), u"filterEdit"_s);
    auto* error = child<QLabel>(window->runsPage(), u"filterError"_s);
    QTRY_COMPARE(window->runsPage()->listedRunCount(), 27);
    QTest::keyClicks(filter, u"metrics.val_auc >"_s);
    QTest::keyClick(filter, Qt::Key_Return);
    QTRY_VERIFY(error->isVisible());
    QVERIFY2(error->text().contains(u"column"_s), qPrintable(error->text()));
    QCOMPARE(window->runsPage()->listedRunCount(), 27);
    QTest::keyClick(filter, Qt::Key_Escape); // clears the filter
    QTRY_VERIFY(!error->isVisible());
}

void tst_MainWindow::plainWordsSearchRunNames()
{
    auto window = openWindow(TestFixtures::dataPath(u"mlflow/mlruns"_s));
    QTRY_COMPARE(window->runsPage()->listedRunCount(), 27);
    QTest::keyClicks(child<QLineEdit>(window->runsPage(), u"filterEdit"_s), u"TRIAL"_s);
    QTRY_COMPARE(window->runsPage()->listedRunCount(), 8);
}

void tst_MainWindow::detailsLinkToTheParentRun()
{
    auto window = openWindow(TestFixtures::dataPath(u"mlflow/mlruns"_s));
    QTRY_COMPARE(window->runsPage()->listedRunCount(), 27);
    window->runsPage()->selectRun(u"7a030e165a994c1f8a45cd8325e95130"_s); // trial-03, FAILED
    auto* details = window->runsPage()->details();
    QTRY_COMPARE(child<QLabel>(details, u"nameLabel"_s)->text(), u"trial-03"_s);
    auto* overview = child<QTextBrowser>(details, u"overviewBrowser"_s);
    QVERIFY(overview->toPlainText().contains(u"hpo-logreg-sweep"_s));
    QVERIFY(overview->toHtml().contains(u"run:4094fa7f439a4475bc8633e0bf583653"_s));
    Q_EMIT overview->anchorClicked(QUrl(u"run:4094fa7f439a4475bc8633e0bf583653"_s));
    QTRY_COMPARE(window->runsPage()->selectedRunId(), u"4094fa7f439a4475bc8633e0bf583653"_s);
    QTRY_COMPARE(child<QLabel>(details, u"nameLabel"_s)->text(), u"hpo-logreg-sweep"_s);
    QTRY_VERIFY(child<QTextBrowser>(details, u"overviewBrowser"_s)->toPlainText().contains(u"Child runs (8)"_s));
}

void tst_MainWindow::runDetailsLinkToTheirLoggedModelAndBack()
{
    auto window = openWindow(TestFixtures::dataPath(u"mlflow/mlruns"_s));
    QTRY_COMPARE(window->runsPage()->listedRunCount(), 27);
    window->runsPage()->selectRun(u"ad872d587b1a4f2e8985d41f578d6b70"_s); // logreg-final
    auto* details = window->runsPage()->details();
    QTRY_COMPARE(child<QLabel>(details, u"nameLabel"_s)->text(), u"logreg-final"_s);
    auto* overview = child<QTextBrowser>(details, u"overviewBrowser"_s);
    QVERIFY(overview->toHtml().contains(u"model:m-ada1388fb6e44984821dd1d3f308ff56"_s));
    Q_EMIT overview->anchorClicked(QUrl(u"model:m-ada1388fb6e44984821dd1d3f308ff56"_s));
    auto* workspace = child<QTabWidget>(window.get(), u"workspaceTabs"_s);
    QTRY_COMPARE(workspace->currentWidget(), static_cast<QWidget*>(window->modelsPage()));
    auto* registryDetails = child<QTextBrowser>(window->modelsPage(), u"detailsBrowser"_s);
    QTRY_VERIFY(registryDetails->toPlainText().startsWith(u"Logged model"_s));
    QVERIFY(registryDetails->toPlainText().contains(u"iris-classifier version 2"_s)); // the version made from it
    Q_EMIT registryDetails->anchorClicked(QUrl(u"run:ad872d587b1a4f2e8985d41f578d6b70"_s)); // and back to the run
    QTRY_COMPARE(workspace->currentWidget(), static_cast<QWidget*>(window->runsPage()));
}

void tst_MainWindow::showDeletedListsDeletedRuns()
{
    auto window = openWindow(TestFixtures::dataPath(u"mlflow/mlruns"_s));
    auto* runs = child<QTreeView>(window->runsPage(), u"runsView"_s);
    QTRY_COMPARE(window->runsPage()->listedRunCount(), 27);
    child<QCheckBox>(window->runsPage(), u"showDeletedCheck"_s)->click();
    QTRY_COMPARE(window->runsPage()->listedRunCount(), 30);
    QVERIFY(rowOfRunNamed(runs, u"scratch-debug"_s) >= 0);
    // A run id that no listing holds (a stale link, a mistyped --show runs:ID) is named, as text.
    window->runsPage()->selectRun(u"<b>no-such-run</b>"_s);
    QTRY_COMPARE(child<QLabel>(window->runsPage()->details(), u"emptyLabel"_s)->text(),
        u"No run with the id “<b>no-such-run</b>” is in this store's cache."_s);
    QCOMPARE(child<QLabel>(window->runsPage()->details(), u"emptyLabel"_s)->textFormat(), Qt::PlainText);
}

void tst_MainWindow::childRunsNestUnderTheirParent()
{
    const QString sweepId = u"4094fa7f439a4475bc8633e0bf583653"_s; // hpo-logreg-sweep, 8 trials
    const QString trialId = u"7a030e165a994c1f8a45cd8325e95130"_s; // trial-03
    auto window = openWindow(TestFixtures::dataPath(u"mlflow/mlruns"_s));
    RunsPage* page = window->runsPage();
    auto* runs = child<QTreeView>(page, u"runsView"_s);
    QTRY_COMPARE(page->listedRunCount(), 27);
    QTRY_VERIFY(!window->session()->isSyncing());
    QCOMPARE(runs->model()->rowCount(), 27 - 8); // the trials hang under the sweep, closed
    auto sweep = [runs] { return runs->model()->index(rowOfRunNamed(runs, u"hpo-logreg-sweep"_s), 0); };
    QVERIFY(sweep().isValid());
    QCOMPARE(runs->model()->rowCount(sweep()), 8);
    QVERIFY(!runs->isExpanded(sweep()));

    // Showing a child run opens its parent.
    page->selectRun(trialId);
    QCOMPARE(page->selectedRunId(), trialId);
    QVERIFY(runs->isExpanded(sweep()));
    QTRY_COMPARE(child<QLabel>(page->details(), u"nameLabel"_s)->text(), u"trial-03"_s);

    // The keyboard closes and opens it.
    runs->setFocus();
    runs->setCurrentIndex(sweep());
    QTest::keyClick(runs, Qt::Key_Left);
    QVERIFY(!runs->isExpanded(sweep()));
    QTest::keyClick(runs, Qt::Key_Right);
    QVERIFY(runs->isExpanded(sweep()));

    // The parent with all its children, for comparing a sweep: Ctrl+Shift+A.
    page->selectRun(sweepId);
    QCOMPARE(page->selectedRunIds(), QStringList { sweepId });
    QTest::keyClick(runs, Qt::Key_A, Qt::ControlModifier | Qt::ShiftModifier);
    QCOMPARE(page->selectedRunIds().size(), 9);
    QVERIFY(page->selectedRunIds().contains(trialId));
    QCOMPARE(page->selectedRunId(), sweepId);
    QSignalSpy compare(page, &RunsPage::compareRequested);
    QTest::keyClick(runs, Qt::Key_C, Qt::ControlModifier | Qt::ShiftModifier);
    QCOMPARE(compare.count(), 1);
    QCOMPARE(compare.first().first().toStringList().size(), 9);

    // Which parents are open, and the selection, survive reloads (showing deleted runs and
    // hiding them again resets the table twice) and a re-sort.
    auto reload = [&] {
        auto* showDeleted = child<QCheckBox>(page, u"showDeletedCheck"_s);
        showDeleted->click();
        if (!QTest::qWaitFor([&] { return page->listedRunCount() == 30; }))
            return false;
        showDeleted->click();
        return QTest::qWaitFor([&] { return page->listedRunCount() == 27; });
    };
    QVERIFY(reload());
    QVERIFY(runs->isExpanded(sweep()));
    QCOMPARE(page->selectedRunIds().size(), 9);
    runs->sortByColumn(1, Qt::DescendingOrder);
    QVERIFY(runs->isExpanded(sweep()));
    QCOMPARE(page->selectedRunIds().size(), 9);
    // Closing every parent (the context menu) is remembered too, unless a selected child is
    // in one: a selection is always shown.
    page->selectRun(sweepId);
    qobject_cast<RunTreeView*>(runs)->closeAllParents();
    QVERIFY(reload());
    QVERIFY(!runs->isExpanded(sweep()));
    qobject_cast<RunTreeView*>(runs)->openAllParents();
    QVERIFY(runs->isExpanded(sweep()));
    page->selectChildRuns();
    QCOMPARE(page->selectedRunIds().size(), 9);

    // One flat list, keeping the selection; the View menu follows and the choice is remembered.
    child<QCheckBox>(page, u"nestCheck"_s)->click();
    QCOMPARE(runs->model()->rowCount(), 27);
    QCOMPARE(page->selectedRunIds().size(), 9);
    QVERIFY(!window->findChild<QAction*>(u"actionNestRuns"_s)->isChecked());

    // Each row's check box adds it to or takes it from the selection, without a modifier key;
    // a click elsewhere on a row selects that row alone.
    auto clickCheckBox = [runs](int row) {
        QStyleOptionViewItem option;
        option.widget = runs;
        option.rect = runs->visualRect(runs->model()->index(row, 0));
        QTest::mouseClick(runs->viewport(), Qt::LeftButton, {}, RunTableDelegate::checkBoxRect(option).center());
    };
    const QString first = runs->model()->index(0, 0).data(RunTableModel::RunIdRole).toString();
    const QString second = runs->model()->index(1, 0).data(RunTableModel::RunIdRole).toString();
    QTest::mouseClick(runs->viewport(), Qt::LeftButton, {}, runs->visualRect(runs->model()->index(0, 1)).center());
    QCOMPARE(page->selectedRunIds(), QStringList { first });
    clickCheckBox(1);
    QCOMPARE(page->selectedRunIds(), (QStringList { first, second }));
    clickCheckBox(0);
    QCOMPARE(page->selectedRunIds(), QStringList { second });
    QTest::mouseClick(runs->viewport(), Qt::LeftButton, {}, runs->visualRect(runs->model()->index(0, 1)).center());
    QCOMPARE(page->selectedRunIds(), QStringList { first });
    window->close();
    QCOMPARE(QSettings().value(u"runs/nested"_s).toBool(), false);
}

void tst_MainWindow::unreachableStoreIsShownFromItsCache()
{
    QTemporaryDir dir;
    const QString copy = dir.filePath(u"mlruns"_s);
    QVERIFY(TestFixtures::copyTree(TestFixtures::dataPath(u"mlflow/mlruns"_s), copy));
    {
        auto window = openWindow(copy);
        QTRY_COMPARE(window->runsPage()->listedRunCount(), 27);
        QTRY_VERIFY(!window->session()->isSyncing());
        window->close();
    }
    QVERIFY(QDir(copy).removeRecursively());
    auto window = openWindow(QString()); // reopens the last store, as at the next start
    window->openStartupStore();
    QTRY_COMPARE(window->runsPage()->listedRunCount(), 27);
    QTRY_VERIFY2(window->windowTitle().contains(u"cached data read"_s), qPrintable(window->windowTitle()));
    QVERIFY(window->session()->isOffline());
}

void tst_MainWindow::sampleStoreOpensOnFirstStart()
{
    auto window = openWindow(QString());
    window->openStartupStore(); // no last store: the bundled sample
    QTRY_COMPARE_WITH_TIMEOUT(window->runsPage()->listedRunCount(), 27, 15000);
    QVERIFY(window->session()->location()->path.endsWith(u"sample-store/mlruns"_s));
    child<QCheckBox>(window->runsPage(), u"showDeletedCheck"_s)->click();
    QTRY_COMPARE(window->runsPage()->listedRunCount(), 30); // .trash came along
}

void tst_MainWindow::notAStoreIsRefusedWithAMessage()
{
    QTemporaryDir dir;
    QFile text(dir.filePath(u"notes.txt"_s));
    QVERIFY(text.open(QIODevice::WriteOnly) && text.write("hello\n") > 0);
    text.close();
    auto window = openWindow(QString());
    QVERIFY(!window->openArgument(text.fileName()));
    auto* box = window->findChild<QWidget*>(u"errorMessageBox"_s);
    QVERIFY(box && box->isVisible());
    QVERIFY(!window->session()->isOpen());
}

void tst_MainWindow::droppingAStoreOpensIt()
{
    auto window = openWindow(QString());
    QVERIFY(window->acceptDrops());
    QMimeData web;
    web.setUrls({ QUrl(u"https://example.org/mlruns"_s) });
    QDragEnterEvent refused(QPoint(20, 20), Qt::CopyAction, &web, Qt::LeftButton, Qt::NoModifier);
    QCoreApplication::sendEvent(window.get(), &refused);
    QVERIFY(!refused.isAccepted());

    QMimeData folder;
    folder.setUrls({ QUrl::fromLocalFile(TestFixtures::dataPath(u"mlflow2/sqlite/mlflow.db"_s)) });
    QDragEnterEvent enter(QPoint(20, 20), Qt::CopyAction, &folder, Qt::LeftButton, Qt::NoModifier);
    QCoreApplication::sendEvent(window.get(), &enter);
    QVERIFY(enter.isAccepted());
    QDropEvent drop(QPointF(20, 20), Qt::CopyAction, &folder, Qt::LeftButton, Qt::NoModifier);
    QCoreApplication::sendEvent(window.get(), &drop);
    QVERIFY(drop.isAccepted());

    QVERIFY(window->session()->isOpen());
    QVERIFY(window->session()->location()->path.endsWith(u"mlflow2/sqlite/mlflow.db"_s));
    QTRY_VERIFY(window->runsPage()->listedRunCount() > 0);
}

QTEST_MAIN(tst_MainWindow)
#include "tst_MainWindow.moc"
