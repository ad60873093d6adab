#include "CompareChartView.h"
#include "CompareDiffPanel.h"
#include "CompareExporter.h"
#include "ComparePage.h"
#include "CompareRunViews.h"
#include "CompareScatterPanel.h"
#include "CompareScatterView.h"
#include "MainWindow.h"
#include "ParallelAxesDialog.h"
#include "ParallelCoordinatesView.h"
#include "RunsPage.h"
#include "itemmodels/CompareDiffModel.h"

#include "CsvTable.h"
#include "TestFixtures.h"
#include "core/DisplayFormat.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QApplication>
#include <QAreaSeries>
#include <QChart>
#include <QCheckBox>
#include <QComboBox>
#include <QContextMenuEvent>
#include <QGraphicsView>
#include <QGridLayout>
#include <QImage>
#include <QItemSelectionModel>
#include <QLegend>
#include <QLegendMarker>
#include <QLineSeries>
#include <QListWidget>
#include <QLogValueAxis>
#include <QMenu>
#include <QMessageBox>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>
#include <QTreeView>
#include <QValueAxis>

#include <algorithm>

using namespace prov;
using namespace Qt::StringLiterals;

namespace {

constexpr int loadTimeoutMs = 60000;
const QStringList trials { u"trial-00"_s, u"trial-01"_s, u"trial-03"_s };

// The row of a run, at any depth of the run tree (column 1 is the name).
QModelIndex runNamed(const QAbstractItemModel* model, const QString& name, const QModelIndex& parent = {})
{
    for (int row = 0; row < model->rowCount(parent); ++row) {
        const QModelIndex index = model->index(row, 0, parent);
        if (index.siblingAtColumn(1).data().toString() == name)
            return index;
        if (const QModelIndex below = runNamed(model, name, index); below.isValid())
            return below;
    }
    return {};
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
    void chartsAndTableAreSavedAsFiles();
    void clippingOutliersNarrowsTheYAxes();
    void chartsCanBeReorderedAndHidden();
    void parallelAxesCanBeChosenAndOrdered();

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
    auto* runs = window->runsPage()->findChild<QTreeView*>(u"runsView"_s);
    QTRY_COMPARE_WITH_TIMEOUT(window->runsPage()->listedRunCount(), 27, loadTimeoutMs);
    QTRY_VERIFY_WITH_TIMEOUT(!window->session()->isSyncing(), loadTimeoutMs);
    // The trials are child runs of the sweep: open it, then Ctrl-click three of them.
    const QModelIndex sweep = runNamed(runs->model(), u"hpo-logreg-sweep"_s);
    QVERIFY(sweep.isValid() && runs->model()->hasChildren(sweep) && !runs->isExpanded(sweep));
    runs->expand(sweep);
    for (const QString& name : trials) {
        const QModelIndex index = runNamed(runs->model(), name);
        QCOMPARE(index.parent(), sweep);
        QTest::mouseClick(
            runs->viewport(), Qt::LeftButton, Qt::ControlModifier, runs->visualRect(index.siblingAtColumn(1)).center());
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

namespace {

// Saves through `save` and waits for the exporter's answer: the error sentence, empty when written.
QString saved(CompareExporter* exporter, const std::function<void()>& save)
{
    QSignalSpy done(exporter, &CompareExporter::exported);
    save();
    if (done.isEmpty() && !done.wait(loadTimeoutMs))
        return u"no answer"_s;
    return done.first().at(1).toString();
}

QByteArray contentsOf(const QString& path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

} // namespace

void tst_ComparePage::chartsAndTableAreSavedAsFiles()
{
    auto window = openWindow();
    QTRY_VERIFY_WITH_TIMEOUT(window->session()->hasCache() && !window->session()->isSyncing(), loadTimeoutMs);
    ComparePage* page = window->comparePage();
    QVERIFY(redrawnAfter(page, [&] { window->compareRuns(trials); }));
    CompareExporter* exporter = page->exporter();
    QTemporaryDir dir;
    QVERIFY(dir.isValid());

    // A right click (or the menu key) on a chart asks for its menu, which holds the saves.
    CompareChartView* loss = page->findChild<CompareChartView*>(u"chart:val_loss"_s);
    auto* chartView = loss->findChild<QWidget*>(u"chartView"_s);
    QSignalSpy menuAsked(loss, &CompareChartView::menuRequested);
    QContextMenuEvent menuKey(QContextMenuEvent::Keyboard, QPoint(20, 20), chartView->mapToGlobal(QPoint(20, 20)));
    QApplication::sendEvent(chartView, &menuKey);
    QCOMPARE(menuAsked.count(), 1);
    QTRY_VERIFY(QApplication::activePopupWidget()); // the page popped the menu up
    QApplication::activePopupWidget()->close();
    // A right click on the plot: the mouse's context menu event reaches the plot, passes the
    // scene (which takes no menu) and gives the same menu.
    auto* graphics = qobject_cast<QGraphicsView*>(chartView);
    QWidget* plot = graphics->viewport();
    const QPoint inside = graphics->mapFromScene(loss->chart()->mapToScene(loss->chart()->plotArea().center()));
    QContextMenuEvent rightClick(QContextMenuEvent::Mouse, inside, plot->mapToGlobal(inside));
    QApplication::sendEvent(plot, &rightClick);
    QCOMPARE(menuAsked.count(), 2);
    QTRY_VERIFY(QApplication::activePopupWidget());
    QApplication::activePopupWidget()->close();
    QMenu* menu = page->chartMenu(u"val_loss"_s);
    QStringList actions;
    for (const QAction* action : menu->actions())
        actions.append(action->objectName());
    for (const QString& name : { u"resetZoomAction"_s, u"savePngAction"_s, u"saveSvgAction"_s, u"saveSeriesAction"_s })
        QVERIFY2(actions.contains(name), qPrintable(actions.join(u' ')));
    QCOMPARE(menu->findChild<QAction*>(u"savePngAction"_s)->text(), u"Save Chart as PNG…"_s);
    menu->close();

    // PNG and SVG of one chart, and every chart in one PNG.
    const QString png = dir.filePath(u"val_loss.png"_s);
    QCOMPARE(saved(exporter, [&] { exporter->saveImage(u"val_loss"_s, png); }), QString());
    const QImage image(png);
    QVERIFY(!image.isNull());
    QVERIFY(image.width() > 0 && image.height() > 0);
    const QString svg = dir.filePath(u"val_loss.svg"_s);
    QCOMPARE(saved(exporter, [&] { exporter->saveImage(u"val_loss"_s, svg); }), QString());
    const QByteArray svgText = contentsOf(svg);
    QVERIFY(svgText.contains("<svg"));
    QVERIFY(svgText.contains("val_loss"));
    QVERIFY(svgText.contains("Metric val_loss: ")); // the footer, as the command line writes it
    const QString all = dir.filePath(u"all.png"_s);
    QCOMPARE(saved(exporter, [&] { exporter->saveImage({}, all); }), QString());
    QVERIFY(QImage(all).height() > image.height()); // three charts in two columns, two rows

    // The raw series: the command line's columns, every recorded point.
    const QString series = dir.filePath(u"val_loss.csv"_s);
    QCOMPARE(saved(exporter, [&] { exporter->saveSeries(u"val_loss"_s, series); }), QString());
    const CsvTable points = parseCsv(QString::fromUtf8(contentsOf(series)));
    QCOMPARE(
        points.value(0), (QStringList { u"run_id"_s, u"run_name"_s, u"key"_s, u"step"_s, u"timestamp"_s, u"value"_s }));
    QCOMPARE(points.size() - 1, loss->data()->recordedPoints());
    QCOMPARE(points.value(1).value(2), u"val_loss"_s);

    // The diff table as CSV holds exactly what the model shows (only differences here).
    page->findChild<QCheckBox*>(u"onlyDifferencesCheck"_s)->setChecked(true);
    CompareDiffModel* model = page->diffModel();
    const QString tablePath = dir.filePath(u"table.csv"_s);
    QCOMPARE(saved(exporter, [&] { exporter->saveTable(tablePath); }), QString());
    const CsvTable table = parseCsv(QString::fromUtf8(contentsOf(tablePath)));
    QCOMPARE(table.size(), model->rowCount() + 1);
    QCOMPARE(table[0].value(0), u"row"_s);
    for (int c = 0; c < model->columnCount(); ++c)
        QCOMPARE(table[0].value(c + 1), model->headerData(c, Qt::Horizontal).toString());
    for (int r = 0; r < model->rowCount(); ++r) {
        QCOMPARE(table[r + 1].value(0), model->headerData(r, Qt::Vertical).toString());
        for (int c = 0; c < model->columnCount(); ++c) {
            const QVariant raw = model->index(r, c).data(CompareDiffModel::RawValueRole);
            const QString expected
                = raw.typeId() == QMetaType::Double ? DisplayFormat::exactValue(raw.toDouble()) : raw.toString();
            QCOMPARE(table[r + 1].value(c + 1), expected);
        }
    }
    auto* saveTable = page->runViews()->diff()->findChild<QPushButton*>(u"saveTableButton"_s);
    QVERIFY(saveTable);
    QCOMPARE(saveTable->text(), u"Save as CSV…"_s);

    // A file that cannot be written is a sentence naming it, shown in a message box.
    const QString nowhere = dir.filePath(u"missing/folder/val_loss.png"_s);
    const QString error = saved(exporter, [&] { exporter->saveImage(u"val_loss"_s, nowhere); });
    QVERIFY2(error.contains(QDir::toNativeSeparators(nowhere)) && error.contains(u"could not be saved"_s),
        qPrintable(error));
    QTRY_VERIFY(page->findChild<QMessageBox*>(u"exportErrorBox"_s));
    const QString csvError = saved(exporter, [&] { exporter->saveTable(dir.filePath(u"missing/folder/table.csv"_s)); });
    QVERIFY2(csvError.contains(u"could not be saved"_s), qPrintable(csvError));
}

void tst_ComparePage::clippingOutliersNarrowsTheYAxes()
{
    auto window = openWindow();
    QTRY_VERIFY_WITH_TIMEOUT(window->session()->hasCache() && !window->session()->isSyncing(), loadTimeoutMs);
    ComparePage* page = window->comparePage();
    QVERIFY(redrawnAfter(page, [&] { window->compareRuns(trials); }));
    QHash<QString, std::pair<double, double>> before;
    for (CompareChartView* view : page->chartViews()) {
        auto* y = qobject_cast<QValueAxis*>(view->chart()->axes(Qt::Vertical).value(0));
        QVERIFY(y);
        before.insert(view->data()->key, { y->min(), y->max() });
        QVERIFY(!view->isYClipped());
    }
    auto* clip = page->findChild<QCheckBox*>(u"clipOutliersCheck"_s);
    QVERIFY(clip);
    QCOMPARE(clip->text(), u"Clip outliers"_s);
    clip->setChecked(true);
    QVERIFY(page->chartStyle().clipOutliers);
    // Each y axis spans at most what it spanned before; where it is narrower, the chart says so.
    for (CompareChartView* view : page->chartViews()) {
        auto* y = qobject_cast<QValueAxis*>(view->chart()->axes(Qt::Vertical).value(0));
        const auto [min, max] = before.value(view->data()->key);
        QVERIFY(y->min() >= min - 1e-9 && y->max() <= max + 1e-9);
        QCOMPARE(view->isYClipped(), y->min() > min + 1e-9 || y->max() < max - 1e-9);
    }
    QVERIFY(CompareImageExport::footerLines({}, page->imageFooter()).first().contains(u"Outliers clipped"_s));
    clip->setChecked(false);
    for (CompareChartView* view : page->chartViews())
        QVERIFY(!view->isYClipped());
}

namespace {

QStringList chartKeys(const ComparePage* page)
{
    QStringList keys;
    for (const CompareChartView* view : page->chartViews())
        keys.append(view->data()->key);
    return keys;
}

QStringList metricsMenu(const ComparePage* page, bool checkedOnly)
{
    QStringList keys;
    const auto actions = page->findChild<QToolButton*>(u"metricsButton"_s)->menu()->actions();
    for (const QAction* action : actions) {
        if (!checkedOnly || action->isChecked())
            keys.append(action->text());
    }
    return keys;
}

} // namespace

void tst_ComparePage::chartsCanBeReorderedAndHidden()
{
    auto window = openWindow();
    QTRY_VERIFY_WITH_TIMEOUT(window->session()->hasCache() && !window->session()->isSyncing(), loadTimeoutMs);
    ComparePage* page = window->comparePage();
    QVERIFY(redrawnAfter(page, [&] { window->compareRuns(trials); }));
    QCOMPARE(chartKeys(page), (QStringList { u"train_loss"_s, u"val_accuracy"_s, u"val_loss"_s }));

    // The first chart cannot move left; moved right, it swaps with its neighbour in the grid
    // and in the Metrics menu.
    QMenu* menu = page->chartMenu(u"train_loss"_s);
    QVERIFY(!menu->findChild<QAction*>(u"moveLeftAction"_s)->isEnabled());
    menu->findChild<QAction*>(u"moveRightAction"_s)->trigger();
    menu->close();
    const QStringList moved { u"val_accuracy"_s, u"train_loss"_s, u"val_loss"_s };
    QCOMPARE(page->shownKeys(), moved);
    QCOMPARE(chartKeys(page), moved);
    auto* grid = page->findChild<QWidget*>(u"chartScroll"_s)->findChild<QGridLayout*>();
    QVERIFY(grid);
    QCOMPARE(grid->itemAtPosition(0, 0)->widget()->objectName(), u"chart:val_accuracy"_s);
    QCOMPARE(grid->itemAtPosition(0, 1)->widget()->objectName(), u"chart:train_loss"_s);
    QCOMPARE(metricsMenu(page, false), moved);
    menu = page->chartMenu(u"val_loss"_s);
    QVERIFY(!menu->findChild<QAction*>(u"moveRightAction"_s)->isEnabled());
    menu->close();

    // The order holds when the charts are drawn again.
    auto* xAxis = page->findChild<QComboBox*>(u"xAxisCombo"_s);
    QVERIFY(redrawnAfter(page, [xAxis] { xAxis->setCurrentIndex(1); }));
    QCOMPARE(chartKeys(page), moved);

    // Hiding a chart unticks it in the Metrics menu; ticking it again puts it back in its place.
    menu = page->chartMenu(u"train_loss"_s);
    menu->findChild<QAction*>(u"hideChartAction"_s)->trigger();
    menu->close();
    QCOMPARE(chartKeys(page), (QStringList { u"val_accuracy"_s, u"val_loss"_s }));
    QCOMPARE(metricsMenu(page, true), (QStringList { u"val_accuracy"_s, u"val_loss"_s }));
    const auto actions = page->findChild<QToolButton*>(u"metricsButton"_s)->menu()->actions();
    QAction* trainLoss
        = *std::find_if(actions.begin(), actions.end(), [](const QAction* a) { return a->text() == u"train_loss"_s; });
    QVERIFY(redrawnAfter(page, [trainLoss] { trainLoss->setChecked(true); }));
    QCOMPARE(chartKeys(page), moved);

    // And a new comparison keeps it while the page is open.
    QVERIFY(redrawnAfter(page, [&] { window->compareRuns(trials.mid(0, 2)); }));
    QCOMPARE(chartKeys(page), moved);
}

void tst_ComparePage::parallelAxesCanBeChosenAndOrdered()
{
    auto window = openWindow();
    QTRY_VERIFY_WITH_TIMEOUT(window->session()->hasCache() && !window->session()->isSyncing(), loadTimeoutMs);
    ComparePage* page = window->comparePage();
    QVERIFY(redrawnAfter(page, [&] { window->compareRuns(trials); }));
    CompareRunViews* views = page->runViews();
    const QStringList varying = views->axes();
    QVERIFY(varying.contains(u"param:class_weight"_s) && varying.contains(u"metric:val_loss"_s));
    // The dialog lists every param and metric, the shown ones first and ticked.
    const auto choices = views->axisChoices();
    QVERIFY(choices.size() > varying.size()); // constant params can be added too
    auto* button = views->findChild<QPushButton*>(u"parallelAxesButton"_s);
    QVERIFY(button);
    button->click();
    ParallelAxesDialog* dialog = nullptr;
    QTRY_VERIFY((dialog = views->findChild<ParallelAxesDialog*>(u"parallelAxesDialog"_s)) != nullptr);
    QListWidget* list = dialog->list();
    QCOMPARE(list->count(), choices.size());
    QCOMPARE(dialog->chosen(), varying);

    // Keep class_weight, val_loss and one constant param; val_loss first, then class_weight.
    const QString constant = choices.at(varying.size()).id;
    for (int row = 0; row < list->count(); ++row) {
        const QString id = list->item(row)->data(Qt::UserRole).toString();
        const bool keep = id == u"param:class_weight"_s || id == u"metric:val_loss"_s || id == constant;
        list->item(row)->setCheckState(keep ? Qt::Checked : Qt::Unchecked);
    }
    const auto rowOf = [list](const QString& id) {
        for (int row = 0; row < list->count(); ++row) {
            if (list->item(row)->data(Qt::UserRole).toString() == id)
                return row;
        }
        return -1;
    };
    list->setCurrentRow(rowOf(u"metric:val_loss"_s));
    while (rowOf(u"metric:val_loss"_s) > rowOf(u"param:class_weight"_s))
        dialog->moveCurrent(-1);
    QCOMPARE(list->currentItem()->data(Qt::UserRole).toString(), u"metric:val_loss"_s);
    dialog->accept();
    QCOMPARE(views->axes(), (QStringList { u"metric:val_loss"_s, u"param:class_weight"_s, constant }));
    QCOMPARE(views->parallel()->dimensions().size(), size_t(3));

    // A brush on an axis that is then left out stops filtering.
    const auto& classWeight = views->parallel()->dimensions()[1];
    const double balanced = double(classWeight.categories.indexOf(u"balanced"_s));
    views->parallel()->setBrushes({ { u"param:class_weight"_s, { balanced - 0.25, balanced + 0.25 } } });
    QCOMPARE(page->diffModel()->columnCount(), 2);
    views->setAxes({ u"metric:val_loss"_s });
    QCOMPARE(views->axes(), QStringList { u"metric:val_loss"_s });
    QCOMPARE(page->diffModel()->columnCount(), 3);
}

QTEST_MAIN(tst_ComparePage)
#include "tst_ComparePage.moc"
