#include "CompareChartScene.h"
#include "CompareChartView.h"
#include "CompareImageExport.h"
#include "CompareLinesItem.h"
#include "ComparePalette.h"
#include "compare/CompareChartBuilder.h"

#include <QAreaSeries>
#include <QChart>
#include <QFile>
#include <QGraphicsScene>
#include <QImage>
#include <QLegend>
#include <QLegendMarker>
#include <QLineSeries>
#include <QLogValueAxis>
#include <QPainter>
#include <QScatterSeries>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QValueAxis>

#include <cmath>
#include <limits>

using namespace prov;
using namespace Qt::StringLiterals;

namespace {

ComparedRun run(const QString& id)
{
    return ComparedRun { { u"s"_s, id }, u"run "_s + id, u"1"_s, u"e"_s, 0 };
}

template<typename F> CompareSeries series(const QString& id, qint64 count, F value)
{
    std::vector<MetricPoint> points;
    for (qint64 s = 0; s < count; ++s)
        points.push_back({ s, 1'700'000'000'000 + s * 1000, value(s) });
    return { run(id), std::make_shared<const MetricHistory>(MetricHistory::fromPoints(std::move(points))) };
}

CompareChart twoRuns(const CompareChartOptions& options = {})
{
    return CompareChartBuilder::build(u"loss"_s,
        { series(u"a"_s, 100'000, [](qint64 s) { return s == 50'000 ? 100.0 : 1.0 + double(s % 10); }),
            series(u"b"_s, 50, [](qint64 s) { return s == 7 ? std::numeric_limits<double>::quiet_NaN() : 0.5; }) },
        options);
}

template<typename T> T* seriesNamed(QChart& chart, const QString& name)
{
    const auto all = chart.series();
    for (QAbstractSeries* s : all) {
        if (s->objectName() == name)
            return qobject_cast<T*>(s);
    }
    return nullptr;
}

CompareChartStyle styleFor(const CompareChart& chart)
{
    CompareChartStyle style;
    for (size_t i = 0; i < chart.lines.size(); ++i)
        style.colorIndex.insert(chart.lines[i].run.key, int(i));
    return style;
}

} // namespace

// Specifies how comparison charts are drawn with Qt Charts: a line per run in its page colour,
// a faint raw copy under smoothed curves, edge markers for NaN, groups as mean and band, log y
// only where it can be drawn; and PNG / SVG exports with their footer.
class tst_CompareChartScene : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void drawsEachRunInItsColour();
    void smoothingDrawsAFaintRawCopy();
    void logScaleNeedsPositiveValues();
    void groupsDrawMeanAndBand();
    void hiddenRunsKeepADimmedLegendEntry();
    void denseChartsDrawThinSolidLines();
    void manyRunsAreDrawnByOneItem();
    void oneItemPlacesCurvesWhereTheAxesSay();
    void legendEntryTogglesTheRun();
    void legendHoverHighlightsTheRun();
    void paletteIsStableAndDistinct();
    void viewReportsValuesAtX();
    void exportsPngAndSvgWithFooter();
};

void tst_CompareChartScene::drawsEachRunInItsColour()
{
    const CompareChart data = twoRuns();
    QChart chart;
    CompareChartStyle style = styleFor(data);
    style.colorIndex.insert(run(u"a"_s).key, 5);
    const auto outcome = CompareChartScene::populate(&chart, data, style);
    QVERIFY(!outcome.logApplied);
    auto* a = seriesNamed<QLineSeries>(chart, u"line:a"_s);
    auto* b = seriesNamed<QLineSeries>(chart, u"line:b"_s);
    QVERIFY(a && b);
    QCOMPARE(a->name(), u"run a"_s);
    QCOMPARE(a->pen().color(), ComparePalette::color(5));
    QCOMPARE(b->pen().color(), ComparePalette::color(1));
    QCOMPARE(a->count(), qsizetype(data.lines[0].raw.line.size()));
    QVERIFY(a->count() <= 4 * 1600);
    bool spike = false;
    for (const QPointF& p : a->points())
        spike = spike || p.y() == 100.0;
    QVERIFY(spike);
    QCOMPARE(b->count(), 49); // the NaN is a marker, not a point of the line
    auto* nan = seriesNamed<QScatterSeries>(chart, u"nanMarkers"_s);
    QVERIFY(nan);
    QCOMPARE(nan->count(), 1);
    QCOMPARE(nan->points().first().x(), 7.0);
    QVERIFY(!seriesNamed<QScatterSeries>(chart, u"positiveInfMarkers"_s));
    // Populating again replaces everything.
    CompareChartScene::populate(&chart, data, style);
    QCOMPARE(chart.series().size(), 3);
    QCOMPARE(chart.axes().size(), 2);
}

void tst_CompareChartScene::smoothingDrawsAFaintRawCopy()
{
    CompareChartOptions options;
    options.smoothing = MetricSmoothing::ema(0.9);
    const CompareChart data = twoRuns(options);
    QChart chart;
    CompareChartScene::populate(&chart, data, styleFor(data));
    auto* raw = seriesNamed<QLineSeries>(chart, u"raw:a"_s);
    auto* line = seriesNamed<QLineSeries>(chart, u"line:a"_s);
    QVERIFY(raw && line);
    QVERIFY(raw->pen().color().alpha() < 100);
    QCOMPARE(line->pen().color().alpha(), 255);
    double rawMax = 0, smoothMax = 0;
    for (const QPointF& p : raw->points())
        rawMax = std::max(rawMax, p.y());
    for (const QPointF& p : line->points())
        smoothMax = std::max(smoothMax, p.y());
    QCOMPARE(rawMax, 100.0);
    QVERIFY(smoothMax < 100.0 && smoothMax > 10.0);
}

void tst_CompareChartScene::logScaleNeedsPositiveValues()
{
    const CompareChart positive = twoRuns();
    QChart chart;
    CompareChartStyle style = styleFor(positive);
    style.logY = true;
    QVERIFY(CompareChartScene::populate(&chart, positive, style).logApplied);
    QVERIFY(qobject_cast<QLogValueAxis*>(chart.axes(Qt::Vertical).value(0)));

    const CompareChart withZero
        = CompareChartBuilder::build(u"k"_s, { series(u"a"_s, 10, [](qint64 s) { return double(s); }) }, {});
    QVERIFY(!CompareChartScene::populate(&chart, withZero, style).logApplied);
    QVERIFY(qobject_cast<QValueAxis*>(chart.axes(Qt::Vertical).value(0)));
}

void tst_CompareChartScene::groupsDrawMeanAndBand()
{
    const CompareChart data = CompareChartBuilder::build(u"k"_s,
        { series(u"a"_s, 20, [](qint64 s) { return double(s); }),
            series(u"b"_s, 20, [](qint64 s) { return s + 2.0; }) },
        {});
    const std::vector<GroupBand> bands = CompareGrouping::bands(data, {});
    CompareChartStyle style = styleFor(data);
    style.groups = &bands;
    QChart chart;
    CompareChartScene::populate(&chart, data, style);
    auto* mean = seriesNamed<QLineSeries>(chart, u"mean:(none)"_s);
    auto* band = seriesNamed<QAreaSeries>(chart, u"band:(none)"_s);
    QVERIFY(mean && band);
    QCOMPARE(mean->name(), u"(none) (2)"_s);
    QCOMPARE(mean->count(), 20);
    QCOMPARE(mean->at(0).y(), 1.0);
    QCOMPARE(band->upperSeries()->at(0).y(), 2.0);
    QCOMPARE(band->lowerSeries()->at(0).y(), 0.0);
    QVERIFY(!seriesNamed<QLineSeries>(chart, u"line:a"_s));
}

void tst_CompareChartScene::denseChartsDrawThinSolidLines()
{
    // Few points: the palette's pen, dashed from the 17th run on.
    std::vector<CompareSeries> sparse;
    for (int i = 0; i < 20; ++i)
        sparse.push_back(series(u"r%1"_s.arg(i), 50, [i](qint64 s) { return double(s + i); }));
    const CompareChart few = CompareChartBuilder::build(u"loss"_s, sparse, {});
    QChart chart;
    CompareChartScene::populate(&chart, few, styleFor(few));
    QCOMPARE(seriesNamed<QLineSeries>(chart, u"line:r0"_s)->pen().widthF(), 1.6);
    QCOMPARE(seriesNamed<QLineSeries>(chart, u"line:r17"_s)->pen().style(), Qt::DashLine);
    QVERIFY(chart.legend()->isVisible());

    // A curve with more points than pixel columns: every curve solid and one pixel wide.
    std::vector<CompareSeries> dense = sparse;
    dense.push_back(series(u"long"_s, 20'000, [](qint64 s) { return double(s % 7); }));
    const CompareChart many = CompareChartBuilder::build(u"loss"_s, dense, {});
    CompareChartScene::populate(&chart, many, styleFor(many));
    for (const QString& id : { u"r0"_s, u"r17"_s, u"long"_s }) {
        const QPen pen = seriesNamed<QLineSeries>(chart, u"line:"_s + id)->pen();
        QCOMPARE(pen.widthF(), 1.0);
        QCOMPARE(pen.style(), Qt::SolidLine);
    }
    // 21 runs: still a legend; more than 24: none (hover and the diff table name the runs).
    QVERIFY(chart.legend()->isVisible());
    for (int i = 0; i < 5; ++i)
        dense.push_back(series(u"x%1"_s.arg(i), 50, [](qint64 s) { return double(s); }));
    const CompareChart crowded = CompareChartBuilder::build(u"loss"_s, dense, {});
    CompareChartScene::populate(&chart, crowded, styleFor(crowded));
    QVERIFY(!chart.legend()->isVisible());
}

void tst_CompareChartScene::manyRunsAreDrawnByOneItem()
{
    std::vector<CompareSeries> runs;
    for (int i = 0; i < 30; ++i)
        runs.push_back(series(u"r%1"_s.arg(i), 40 + i, [i](qint64 s) { return double(s * i); }));
    CompareChartOptions smoothed;
    smoothed.smoothing = MetricSmoothing::ema(0.6);
    const CompareChart data = CompareChartBuilder::build(u"loss"_s, runs, smoothed);
    CompareChartStyle style = styleFor(data);
    style.hidden.insert(data.lines[3].run.key);
    QChart chart;
    CompareChartScene::populate(&chart, data, style);
    QVERIFY(!chart.legend()->isVisible());
    const CompareLinesItem* item = CompareChartScene::linesItem(&chart);
    QVERIFY(item);
    QVERIFY(!seriesNamed<QLineSeries>(chart, u"line:r0"_s));
    // Per shown run its faint recorded curve, then its smoothed curve, in the run's colour.
    QCOMPARE(item->curves().size(), size_t(2 * 29));
    qsizetype points = 0;
    for (size_t i = 0, curve = 0; i < data.lines.size(); ++i) {
        if (i == 3)
            continue;
        const CompareLine& line = data.lines[i];
        const QColor colour = ComparePalette::color(style.colorIndex.value(line.run.key));
        QCOMPARE(item->curves()[curve].pen.color().rgb(), colour.rgb());
        QCOMPARE(item->curves()[curve].pen.color().alpha(), 60);
        QCOMPARE(item->curves()[curve + 1].pen.color(), colour);
        QCOMPARE(item->curves()[curve + 1].points.size(), qsizetype(line.drawn().line.size()));
        points += qsizetype(line.raw.line.size() + line.drawn().line.size());
        curve += 2;
    }
    QCOMPARE(item->pointCount(), points);

    // Resizing the chart lays the item out again.
    chart.resize(640, 480);
    QCOMPARE(item->boundingRect(), chart.plotArea());

    // Back to a few runs: series again, and the item is gone, and so is its tie to the chart
    // (a later resize must not reach the deleted item: the sanitizer build would catch it).
    const CompareChart few = twoRuns();
    CompareChartScene::populate(&chart, few, styleFor(few));
    QVERIFY(!CompareChartScene::linesItem(&chart));
    QVERIFY(seriesNamed<QLineSeries>(chart, u"line:a"_s));
    chart.resize(800, 600);
    QVERIFY(chart.plotArea().width() > 0);
}

void tst_CompareChartScene::oneItemPlacesCurvesWhereTheAxesSay()
{
    // 30 flat runs, one colour each, at values 1, 2, 3, … (linear axis) or 1, 1.5, 2.25, … (log
    // axis): each must be drawn on its value's row, and still after zooming.
    for (const bool logY : { false, true }) {
        auto value = [logY](int i) { return logY ? std::pow(1.5, i) : double(i + 1); };
        std::vector<CompareSeries> runs;
        for (int i = 0; i < 30; ++i)
            runs.push_back(series(u"r%1"_s.arg(i), 50, [&value, i](qint64) { return value(i); }));
        const CompareChart data = CompareChartBuilder::build(u"loss"_s, runs, {});
        CompareChartStyle style = styleFor(data);
        style.logY = logY;
        QGraphicsScene scene;
        auto* chart = new QChart;
        scene.addItem(chart);
        chart->resize(900, 700);
        CompareChartScene::populate(chart, data, style);
        auto* anchor = seriesNamed<QLineSeries>(*chart, u"linesAnchor"_s);
        QVERIFY(anchor && CompareChartScene::linesItem(chart));
        for (const bool zoomed : { false, true }) {
            if (zoomed) // the left half of the steps, the runs up to the 25th
                chart->zoomIn(QRectF(chart->mapToPosition(QPointF(0, value(25)), anchor),
                    chart->mapToPosition(QPointF(25, value(0)), anchor)));
            QImage image(900, 700, QImage::Format_ARGB32);
            image.fill(Qt::white);
            QPainter painter(&image);
            scene.render(&painter, QRectF(0, 0, 900, 700), QRectF(0, 0, 900, 700));
            painter.end();
            int checked = 0;
            for (int i = 0; i < 30; i += 3) {
                const QPointF at = chart->mapToPosition(QPointF(12, value(i)), anchor);
                if (!chart->plotArea().adjusted(0, 2, 0, -2).contains(at))
                    continue;
                // Antialiasing spreads a line over two rows: the run's colour within a pixel.
                const QColor want = ComparePalette::color(i);
                bool found = false;
                for (int dy = -1; dy <= 1 && !found; ++dy) {
                    const QColor got = image.pixelColor(int(at.x()), int(std::round(at.y())) + dy);
                    found = std::abs(got.red() - want.red()) + std::abs(got.green() - want.green())
                            + std::abs(got.blue() - want.blue())
                        < 60;
                }
                QVERIFY2(found, qPrintable(u"run %1 (log %2, zoomed %3)"_s.arg(i).arg(logY).arg(zoomed)));
                ++checked;
            }
            QVERIFY(checked >= 4);
        }
    }
}

void tst_CompareChartScene::hiddenRunsKeepADimmedLegendEntry()
{
    const CompareChart data = twoRuns();
    CompareChartStyle style = styleFor(data);
    style.hidden.insert(run(u"a"_s).key);
    QChart chart;
    CompareChartScene::populate(&chart, data, style);
    // Run a's points leave the chart, but its legend entry stays, dimmed, so it can be shown again.
    auto* a = seriesNamed<QLineSeries>(chart, u"line:a"_s);
    QVERIFY(a);
    QCOMPARE(a->count(), 0);
    QVERIFY(seriesNamed<QLineSeries>(chart, u"line:b"_s)->count() > 0);
    const auto markers = chart.legend()->markers(a);
    QCOMPARE(markers.size(), 1);
    QCOMPARE(markers.first()->label(), u"run a"_s);
    QCOMPARE(markers.first()->brush().color().alpha(), CompareChartScene::HiddenAlpha);
    QVERIFY(markers.first()->font().strikeOut());
    QCOMPARE(
        chart.legend()->markers(seriesNamed<QLineSeries>(chart, u"line:b"_s)).first()->brush().color().alpha(), 255);
    // The y range follows what is shown: run b's 0.5 alone, not run a's spike.
    QVERIFY(qobject_cast<QValueAxis*>(chart.axes(Qt::Vertical).value(0))->max() < 10);
}

void tst_CompareChartScene::legendEntryTogglesTheRun()
{
    auto data = std::make_shared<const CompareChart>(twoRuns());
    CompareChartView view;
    view.resize(800, 500);
    view.show(); // a legend marker is only visible on a shown chart
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    CompareChartStyle style = styleFor(*data);
    QSignalSpy toggled(&view, &CompareChartView::runToggled);
    QVERIFY(toggled.isValid());
    for (bool hidden : { false, true }) {
        style.hidden.clear();
        if (hidden)
            style.hidden.insert(run(u"a"_s).key);
        view.setChart(data, style);
        auto* a = seriesNamed<QLineSeries>(*view.chart(), u"line:a"_s);
        QVERIFY(a);
        const auto markers = view.chart()->legend()->markers(a);
        QCOMPARE(markers.size(), 1);
        QTRY_VERIFY(markers.first()->isVisible()); // once the legend is laid out
        Q_EMIT markers.first()->clicked();
        QTRY_COMPARE(toggled.size(), hidden ? 2 : 1);
        QCOMPARE(toggled.last().first().value<RunRef>(), run(u"a"_s).key);
    }
    // A hidden run has no hover value.
    style.hidden = { run(u"a"_s).key };
    view.setChart(data, style);
    QVERIFY(!view.valuesAt(6.9).contains(u"run a"_s));
}

void tst_CompareChartScene::legendHoverHighlightsTheRun()
{
    auto data = std::make_shared<const CompareChart>(twoRuns());
    const CompareChartStyle style = styleFor(*data);
    CompareChartView view;
    view.setChart(data, style);
    auto* a = seriesNamed<QLineSeries>(*view.chart(), u"line:a"_s);
    auto* b = seriesNamed<QLineSeries>(*view.chart(), u"line:b"_s);
    const QPen penA = a->pen();
    const QPen penB = b->pen();
    QSignalSpy hovered(&view, &CompareChartView::runHovered);
    Q_EMIT view.chart()->legend()->markers(a).first()->hovered(true);
    QCOMPARE(hovered.size(), 1);
    QCOMPARE(hovered.last().at(0).value<RunRef>(), run(u"a"_s).key);
    QCOMPARE(hovered.last().at(1).toBool(), true);

    // The page answers in every chart: the run wider, the others faded; and back.
    view.setHighlightedRun(run(u"a"_s).key);
    QCOMPARE(a->pen().widthF(), penA.widthF() + 1.5);
    QCOMPARE(a->pen().color(), penA.color());
    QCOMPARE(b->pen().widthF(), penB.widthF());
    QVERIFY(b->pen().color().alpha() < 100);
    // A redraw (another smoothing, a zoom) keeps the highlight.
    view.setChart(data, style);
    a = seriesNamed<QLineSeries>(*view.chart(), u"line:a"_s);
    b = seriesNamed<QLineSeries>(*view.chart(), u"line:b"_s);
    QCOMPARE(a->pen().widthF(), penA.widthF() + 1.5);
    QVERIFY(b->pen().color().alpha() < 100);
    view.setHighlightedRun(std::nullopt);
    QCOMPARE(a->pen(), penA);
    QCOMPARE(b->pen(), penB);
}

void tst_CompareChartScene::paletteIsStableAndDistinct()
{
    QSet<QRgb> seen;
    for (int i = 0; i < ComparePalette::distinctColors(); ++i)
        seen.insert(ComparePalette::color(i).rgb());
    QCOMPARE(int(seen.size()), ComparePalette::distinctColors());
    QCOMPARE(ComparePalette::color(3), ComparePalette::color(3 + ComparePalette::distinctColors()));
    QCOMPARE(ComparePalette::pen(0, 1).style(), Qt::SolidLine);
    QCOMPARE(ComparePalette::pen(ComparePalette::distinctColors(), 1).style(), Qt::DashLine);
}

void tst_CompareChartScene::viewReportsValuesAtX()
{
    auto data = std::make_shared<const CompareChart>(twoRuns());
    CompareChartView view;
    view.setChart(data, styleFor(*data));
    const QString text = view.valuesAt(6.9);
    QCOMPARE(text.count(u'\n'), 1); // a line per run
    QVERIFY2(text.startsWith(u"run a: "_s), qPrintable(text));
    QVERIFY2(text.endsWith(u"run b: 0.5 (step 6)"_s), qPrintable(text)); // step 7 is NaN: the nearest drawn
    QSignalSpy toggled(&view, &CompareChartView::runToggled);
    QVERIFY(toggled.isValid());
}

void tst_CompareChartScene::exportsPngAndSvgWithFooter()
{
    QTemporaryDir dir;
    const CompareChart data = twoRuns();
    const std::vector<CompareChart> charts { data, data };
    CompareImageFooter footer;
    footer.store = u"file:///stores/mlruns"_s;
    footer.runs = { u"run a"_s, u"run b"_s };
    footer.smoothing = u"no smoothing"_s;
    const QStringList lines = CompareImageExport::footerLines(charts, footer);
    QCOMPARE(lines.size(), 4);
    QVERIFY(lines[0].contains(u"file:///stores/mlruns"_s));
    QVERIFY(lines[1].contains(u"run a, run b"_s));
    QVERIFY2(lines[2].startsWith(u"Metric loss: "_s), qPrintable(lines[2]));
    QVERIFY2(lines[2].endsWith(u" drawn of 100050 recorded"_s), qPrintable(lines[2]));

    const QString png = dir.filePath(u"chart.png"_s);
    QVERIFY(CompareImageExport::write(charts, styleFor(data), footer, png, 1200));
    const QImage image(png);
    QCOMPARE(image.width(), 1200);
    QVERIFY(image.height() > 420);
    const QString svg = dir.filePath(u"chart.svg"_s);
    QVERIFY(CompareImageExport::write(charts, styleFor(data), footer, svg, 1200));
    QFile file(svg);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray text = file.readAll();
    QVERIFY(text.startsWith("<?xml"));
    QVERIFY(text.contains("<svg"));
    QVERIFY(text.contains("drawn of 100050 recorded"));
    QCOMPARE(CompareImageExport::chartWidth(1200, 2), 600);
    QCOMPARE(CompareImageExport::chartWidth(800, 2), 800); // too narrow for two columns
}

QTEST_MAIN(tst_CompareChartScene)
#include "tst_CompareChartScene.moc"
