#include "ComparePalette.h"
#include "CompareScatterView.h"
#include "ParallelCoordinatesView.h"

#include <QChart>
#include <QLogValueAxis>
#include <QScatterSeries>
#include <QSignalSpy>
#include <QTest>

#include <cmath>

using namespace prov;
using namespace Qt::StringLiterals;

namespace {

// Three runs: lr 0.001 / 0.01 / 0.1, optimizer adam / sgd / sgd, val_loss 0.3 / 0.2 / 0.5.
std::vector<CompareRunFacts> threeRuns()
{
    const QStringList lr { u"0.001"_s, u"0.01"_s, u"0.1"_s };
    const QStringList optimizer { u"adam"_s, u"sgd"_s, u"sgd"_s };
    const double loss[] = { 0.3, 0.2, 0.5 };
    std::vector<CompareRunFacts> runs(3);
    for (int r = 0; r < 3; ++r) {
        CompareRunFacts& facts = runs[size_t(r)];
        facts.run = ComparedRun { { u"s"_s, QString::number(r) }, u"run "_s + QString::number(r), u"1"_s, u"e"_s, 0 };
        facts.params = { { u"lr"_s, lr[r] }, { u"optimizer"_s, optimizer[r] } };
        MetricSummary m;
        m.key = u"val_loss"_s;
        m.latest = { 5, 0, loss[r] };
        m.pointCount = 6;
        facts.metrics = { m };
    }
    return runs;
}

std::vector<QColor> colors()
{
    return { ComparePalette::color(0), ComparePalette::color(1), ComparePalette::color(2) };
}

QPoint at(const ParallelCoordinatesView& view, int axis, double position)
{
    return QPoint(int(std::lround(view.axisX(axis))), int(std::lround(view.yAt(position))));
}

void drag(ParallelCoordinatesView& view, QPoint from, QPoint to)
{
    QTest::mousePress(&view, Qt::LeftButton, {}, from);
    QTest::mouseMove(&view, to);
    QTest::mouseRelease(&view, Qt::LeftButton, {}, to);
}

QScatterSeries* seriesNamed(const CompareScatterView& view, const QString& name)
{
    const auto all = view.chart()->series();
    for (QAbstractSeries* s : all) {
        if (s->objectName() == name)
            return qobject_cast<QScatterSeries*>(s);
    }
    return nullptr;
}

} // namespace

// Specifies the parallel coordinates and scatter views: dragging along an axis brushes a
// range in data units and filters the runs, a click clears it, a log axis keeps the brush's
// runs; the scatter draws a point per run in its colour and greys the runs filtered out.
class tst_ParallelCoordinatesView : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void draggingAnAxisBrushesARange();
    void logAxisKeepsTheBrushedRuns();
    void scatterDrawsRunsInTheirColours();
};

void tst_ParallelCoordinatesView::draggingAnAxisBrushesARange()
{
    ParallelCoordinatesView view;
    view.resize(900, 320);
    view.setData(CompareDimension::of(threeRuns(), true), colors());
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    QCOMPARE(view.dimensions().size(), size_t(3)); // lr, optimizer, val_loss
    QSignalSpy changed(&view, &ParallelCoordinatesView::brushesChanged);
    QVERIFY(changed.isValid());

    // The val_loss axis (index 2) from its bottom to just above 0.3: runs 0 and 1.
    const double above = ParallelCoordinates::position(view.dimensions()[2], 0.35, false);
    drag(view, at(view, 2, -0.05), at(view, 2, above)); // below the axis: its lowest value
    QCOMPARE(changed.size(), 1);
    const auto brush = view.brushes().value(u"metric:val_loss"_s);
    QVERIFY2(brush.low <= 0.2 && brush.high > 0.3 && brush.high < 0.5, qPrintable(QString::number(brush.high)));
    QCOMPARE(view.passing(), (std::vector<bool> { true, true, false }));

    // And optimizer sgd (the upper category): run 1 alone.
    drag(view, at(view, 1, 1.0), at(view, 1, 0.6));
    QCOMPARE(view.passing(), (std::vector<bool> { false, true, false }));

    // A click on the val_loss axis clears its brush.
    QTest::mouseClick(&view, Qt::LeftButton, {}, at(view, 2, 0.5));
    QCOMPARE(view.brushes().size(), 1);
    QCOMPARE(view.passing(), (std::vector<bool> { false, true, true }));
    // A press away from every axis brushes nothing.
    drag(view, QPoint(int(view.axisX(0) + 60), 60), QPoint(int(view.axisX(0) + 60), 200));
    QCOMPARE(view.brushes().size(), 1);
    view.setBrushes({});
    QCOMPARE(view.passing(), (std::vector<bool> { true, true, true }));
}

void tst_ParallelCoordinatesView::logAxisKeepsTheBrushedRuns()
{
    ParallelCoordinatesView view;
    view.resize(900, 320);
    view.setData(CompareDimension::of(threeRuns(), true), colors());
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    // lr on a log axis: 0.01 sits in the middle.
    view.setLogAxis(u"param:lr"_s, true);
    QVERIFY(view.isLogAxis(u"param:lr"_s));
    QCOMPARE(ParallelCoordinates::position(view.dimensions()[0], 0.01, true), 0.5);
    drag(view, at(view, 0, 0.4), at(view, 0, 0.6));
    QCOMPARE(view.passing(), (std::vector<bool> { false, true, false }));
    view.setLogAxis(u"param:lr"_s, false);
    QCOMPARE(view.passing(), (std::vector<bool> { false, true, false }));
    // The painting of every state does not fail.
    QVERIFY(!view.grab().isNull());
}

void tst_ParallelCoordinatesView::scatterDrawsRunsInTheirColours()
{
    const auto dims = CompareDimension::of(threeRuns(), true);
    CompareScatterView view;
    view.resize(600, 400);
    const QStringList labels { u"run 0"_s, u"run 1"_s, u"run 2"_s };
    view.setData(dims[0], dims[2], labels, colors(), { true, false, true }, true, false);
    auto* points = seriesNamed(view, u"points"_s);
    auto* faded = seriesNamed(view, u"filteredOut"_s);
    QVERIFY(points && faded);
    QCOMPARE(points->count(), 2);
    QCOMPARE(faded->count(), 1);
    QCOMPARE(points->at(1), QPointF(0.1, 0.5));
    QCOMPARE(points->pointConfiguration(1).value(QXYSeries::PointConfiguration::Color).value<QColor>(),
        ComparePalette::color(2));
    QCOMPARE(view.shownRuns(), (std::vector<size_t> { 0, 2, 1 }));
    QVERIFY(qobject_cast<QLogValueAxis*>(view.chart()->axes(Qt::Horizontal).value(0)));
    QCOMPARE(view.chart()->axes(Qt::Vertical).value(0)->titleText(), u"val_loss (latest)"_s);
    view.clear(u"nothing"_s);
    QVERIFY(view.chart()->series().isEmpty());
}

QTEST_MAIN(tst_ParallelCoordinatesView)
#include "tst_ParallelCoordinatesView.moc"
