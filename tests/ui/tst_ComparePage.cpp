#include "CompareChartView.h"
#include "ComparePage.h"
#include "CompareRunViews.h"
#include "CompareScatterPanel.h"
#include "CompareScatterView.h"
#include "MainWindow.h"
#include "ParallelCoordinatesView.h"
#include "RunsPage.h"
#include "itemmodels/CompareDiffModel.h"

#include "TestFixtures.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QAreaSeries>
#include <QChart>
#include <QCheckBox>
#include <QComboBox>
#include <QItemSelectionModel>
#include <QLegend>
#include <QLegendMarker>
#include <QLineSeries>
#include <QLogValueAxis>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QValueAxis>

#include <algorithm>

using namespace prov;
using namespace Qt::StringLiterals;

namespace {

constexpr int loadTimeoutMs = 60000;
const QStringList trials { u"trial-00"_s, u"trial-01"_s, u"trial-03"_s };

int rowOfRunNamed(QTableView* view, const QString& name)
{
    for (int row = 0; row < view->model()->rowCount(); ++row) {
        if (view->model()->index(row, 1).data().toString() == name)
            return row;
    }
    return -1;
}

QStringList seriesNames(const CompareChartView* view)
{
    QStringList names;
    const auto all = view->chart()->series();
    for (const QAbstractSeries* s : all)
        names.append(s->objectName());
    names.sort();
    return names;
}

QAbstractSeries* lineSeries(const CompareChartView* view, const QString& runId)
{
    const auto all = view->chart()->series();
    for (QAbstractSeries* s : all) {
        if (s->objectName() == u"line:"_s + runId)
            return s;
    }
    return nullptr;
}

} // namespace

// Drives the Compare page as a user does: select runs in the run table, choose Compare, then
// change the x axis, smoothing, log scale and grouping and read what the charts draw; the diff
// table lists the runs' params.
class tst_ComparePage : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void runTableSelectionOpensTheComparePage();
    void chartsFollowTheControls();
    void parallelCoordinatesFilterEveryView();

private:
    std::unique_ptr<MainWindow> openWindow();
    // Waits for the page to show charts again after `change`.
    bool redrawnAfter(ComparePage* page, const std::function<void()>& change);

    QTemporaryDir m_cache;
};

void tst_ComparePage::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(u"ProvenanceTests"_s);
    QCoreApplication::setApplicationName(u"tst_ComparePage"_s);
    QSettings().clear();
    QVERIFY(m_cache.isValid());
}

std::unique_ptr<MainWindow> tst_ComparePage::openWindow()
{
    auto window = std::make_unique<MainWindow>(SessionOptions { m_cache.path() });
    window->resize(1300, 850);
    window->show();
    window->openArgument(TestFixtures::dataPath(u"mlflow/mlruns"_s));
    return window;
}

bool tst_ComparePage::redrawnAfter(ComparePage* page, const std::function<void()>& change)
{
    QSignalSpy shown(page, &ComparePage::chartsShown);
    change();
    return shown.count() > 0 || shown.wait(loadTimeoutMs);
}

void tst_ComparePage::runTableSelectionOpensTheComparePage()
{
    auto window = openWindow();
    auto* runs = window->runsPage()->findChild<QTableView*>(u"runsView"_s);
    QTRY_COMPARE_WITH_TIMEOUT(runs->model()->rowCount(), 27, loadTimeoutMs);
    QTRY_VERIFY_WITH_TIMEOUT(!window->session()->isSyncing(), loadTimeoutMs);
    for (const QString& name : trials) {
        const int row = rowOfRunNamed(runs, name);
        QVERIFY(row >= 0);
        runs->selectionModel()->select(
            runs->model()->index(row, 0), QItemSelectionModel::Select | QItemSelectionModel::Rows);
    }
    QCOMPARE(window->runsPage()->selectedRunIds().size(), 3);
    auto* compare = window->runsPage()->findChild<QAction*>(u"compareAction"_s);
    QVERIFY(compare);
    QCOMPARE(compare->shortcut(), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_C));
    ComparePage* page = window->comparePage();
    QVERIFY(redrawnAfter(page, [compare] { compare->trigger(); }));
    auto* tabs = window->findChild<QTabWidget*>(u"workspaceTabs"_s);
    QCOMPARE(tabs->currentWidget(), static_cast<QWidget*>(page));
    QCOMPARE(page->runs().size(), 3);
    QCOMPARE(page->chartViews().size(), 3); // train_loss, val_accuracy, val_loss
}

void tst_ComparePage::chartsFollowTheControls()
{
    auto window = openWindow();
    QTRY_VERIFY_WITH_TIMEOUT(window->session()->hasCache() && !window->session()->isSyncing(), loadTimeoutMs);
    ComparePage* page = window->comparePage();
    QAbstractItemModelTester tester(page->diffModel(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    QVERIFY(redrawnAfter(page, [&] { window->compareRuns(trials); }));
    const QStringList ids { page->runs()[0].runId(), page->runs()[1].runId(), page->runs()[2].runId() };
    CompareChartView* loss = page->findChild<CompareChartView*>(u"chart:val_loss"_s);
    QVERIFY(loss);
    QStringList lines { u"line:"_s + ids[0], u"line:"_s + ids[1], u"line:"_s + ids[2] };
    lines.sort();
    QCOMPARE(seriesNames(loss), lines);
    QCOMPARE(loss->data()->recordedPoints(), 200 + 200 + 120);

    // Clicking a run's legend entry hides it in every chart; the entry stays, and a second click
    // shows the run again.
    for (const bool shown : { false, true }) {
        auto* line = qobject_cast<QLineSeries*>(lineSeries(loss, ids[0]));
        QVERIFY(line);
        const auto markers = loss->chart()->legend()->markers(line);
        QCOMPARE(markers.size(), 1);
        QTRY_VERIFY(markers.first()->isVisible()); // once the legend is laid out
        Q_EMIT markers.first()->clicked();
        QTRY_COMPARE(qobject_cast<QLineSeries*>(lineSeries(loss, ids[0]))->count() > 0, shown);
        for (CompareChartView* view : page->chartViews()) {
            auto* same = qobject_cast<QLineSeries*>(lineSeries(view, ids[0]));
            QVERIFY(same);
            QCOMPARE(same->count() > 0, shown);
        }
        QTRY_VERIFY(loss->chart()->legend()->markers(lineSeries(loss, ids[0])).first()->isVisible());
        QCOMPARE(seriesNames(loss), lines);
    }

    // Diff table: a column per run, the differing params among the rows.
    QCOMPARE(page->diffModel()->columnCount(), 3);
    page->findChild<QCheckBox*>(u"onlyDifferencesCheck"_s)->setChecked(true);
    QStringList keys;
    for (int r = 0; r < page->diffModel()->rowCount(); ++r) {
        const QModelIndex i = page->diffModel()->index(r, 0);
        if (i.data(CompareDiffModel::RowKindRole).toInt() == int(CompareDiffModel::RowKind::Param))
            keys.append(i.data(CompareDiffModel::KeyRole).toString());
    }
    QCOMPARE(keys, (QStringList { u"C"_s, u"class_weight"_s, u"solver"_s }));

    // Relative time on x.
    auto* xAxis = page->findChild<QComboBox*>(u"xAxisCombo"_s);
    QVERIFY(redrawnAfter(page, [xAxis] { xAxis->setCurrentIndex(2); }));
    loss = page->findChild<CompareChartView*>(u"chart:val_loss"_s);
    QCOMPARE(loss->data()->options.axis, MetricXAxis::RelativeTime);
    QVERIFY(loss->chart()->axes(Qt::Horizontal).value(0)->titleText().startsWith(u"Relative time"_s));

    // Smoothing draws a faint copy of each raw curve.
    auto* smoothing = page->findChild<QComboBox*>(u"smoothingCombo"_s);
    QVERIFY(redrawnAfter(page, [smoothing] { smoothing->setCurrentIndex(1); }));
    loss = page->findChild<CompareChartView*>(u"chart:val_loss"_s);
    QCOMPARE(loss->data()->options.smoothing, MetricSmoothing::ema(0.6));
    QVERIFY(seriesNames(loss).contains(u"raw:"_s + ids[0]));

    // Log y: losses are positive, so the axis turns logarithmic.
    page->findChild<QCheckBox*>(u"logYCheck"_s)->setChecked(true);
    QVERIFY(loss->isLogApplied());
    QVERIFY(qobject_cast<QLogValueAxis*>(loss->chart()->axes(Qt::Vertical).value(0)));

    // Grouping by class_weight: "None" (trial-00) and "balanced" (trial-01, trial-03).
    auto* groupBy = page->findChild<QComboBox*>(u"groupByCombo"_s);
    const int classWeight = groupBy->findText(u"param class_weight"_s);
    QVERIFY(classWeight > 0);
    QVERIFY(redrawnAfter(page, [groupBy, classWeight] { groupBy->setCurrentIndex(classWeight); }));
    loss = page->findChild<CompareChartView*>(u"chart:val_loss"_s);
    const QStringList grouped = seriesNames(loss);
    QVERIFY2(
        grouped.contains(u"mean:balanced"_s) && grouped.contains(u"band:balanced"_s), qPrintable(grouped.join(u' ')));
    QVERIFY(grouped.contains(u"mean:None"_s));
    QVERIFY(!grouped.contains(u"line:"_s + ids[0]));
}

void tst_ComparePage::parallelCoordinatesFilterEveryView()
{
    auto window = openWindow();
    QTRY_VERIFY_WITH_TIMEOUT(window->session()->hasCache() && !window->session()->isSyncing(), loadTimeoutMs);
    ComparePage* page = window->comparePage();
    QVERIFY(redrawnAfter(page, [&] { window->compareRuns(trials); }));
    const QStringList ids { page->runs()[0].runId(), page->runs()[1].runId(), page->runs()[2].runId() };
    ParallelCoordinatesView* parallel = page->runViews()->parallel();
    // The axes are the params and latest metrics the three trials do not share.
    QStringList axes;
    for (const CompareDimension& d : parallel->dimensions())
        axes.append(ParallelCoordinates::id(d));
    QVERIFY2(
        axes.contains(u"param:class_weight"_s) && axes.contains(u"metric:val_loss"_s), qPrintable(axes.join(u' ')));
    QVERIFY(!axes.contains(u"param:max_iter"_s) || axes.size() > 3);

    // Brushing class_weight to "balanced" (trial-01, trial-03) leaves trial-00 out of every view.
    const auto& classWeight = *std::find_if(parallel->dimensions().begin(), parallel->dimensions().end(),
        [](const CompareDimension& d) { return d.key == u"class_weight"_s; });
    const double balanced = double(classWeight.categories.indexOf(u"balanced"_s));
    QVERIFY(balanced >= 0);
    parallel->setBrushes({ { u"param:class_weight"_s, { balanced - 0.25, balanced + 0.25 } } });
    QCOMPARE(parallel->passing(), (std::vector<bool> { false, true, true }));
    QCOMPARE(page->diffModel()->columnCount(), 2);
    for (CompareChartView* view : page->chartViews()) {
        QCOMPARE(qobject_cast<QLineSeries*>(lineSeries(view, ids[0]))->count(), 0);
        QVERIFY(qobject_cast<QLineSeries*>(lineSeries(view, ids[1]))->count() > 0);
    }
    CompareScatterView* scatter = page->runViews()->scatter()->view();
    QCOMPARE(scatter->shownRuns().size(), size_t(3));
    QCOMPARE(scatter->shownRuns().back(), size_t(0)); // greyed: drawn last, in the filtered-out series

    // Clearing the filters brings the run back everywhere.
    page->findChild<QPushButton*>(u"clearFiltersButton"_s)->click();
    QCOMPARE(page->diffModel()->columnCount(), 3);
    QVERIFY(qobject_cast<QLineSeries*>(lineSeries(page->chartViews().first(), ids[0]))->count() > 0);
}

QTEST_MAIN(tst_ComparePage)
#include "tst_ComparePage.moc"
