#include "lineage/GraphvizLayout.h"

#include "lineage/LineageIds.h"

#include <QLineF>
#include <QTest>

#include <algorithm>
#include <cmath>

#include <future>

using namespace prov;
using namespace Qt::StringLiterals;

namespace {

// A chain of `runs` runs that each read one shared dataset and a run-specific one and
// produced a model that became a version; awkward names included.
LineageGraph chainStore(int runs)
{
    LineageGraph graph;
    const int shared = graph.addNode(
        { u"dataset:shared"_s, LineageNodeKind::DatasetVersion, u"shared \"data\" \\N"_s, u"d1"_s, {}, {}, {} });
    for (int r = 0; r < runs; ++r) {
        const QString n = QString::number(r);
        const int own = graph.addNode(
            { u"dataset:own"_s + n, LineageNodeKind::DatasetVersion, u"<b>own</b>\n"_s + n, {}, {}, {}, {} });
        const int run
            = graph.addNode({ u"run:"_s + n, LineageNodeKind::Run, u"نموذج "_s + n, u"FINISHED"_s, {}, {}, {} });
        const int model = graph.addNode({ u"model:"_s + n, LineageNodeKind::LoggedModel, u"model"_s, {}, {}, {}, {} });
        const int version
            = graph.addNode({ u"version:m/"_s + n, LineageNodeKind::ModelVersion, u"m v"_s + n, {}, {}, {}, {} });
        graph.addEdge(shared, run, LineageEdgeKind::Used);
        graph.addEdge(own, run, LineageEdgeKind::Used);
        graph.addEdge(run, model, LineageEdgeKind::WasGeneratedBy);
        graph.addEdge(model, version, LineageEdgeKind::WasDerivedFrom);
    }
    return graph;
}

} // namespace

// Graphviz layout: plain geometry, left to right, boxes of the asked sizes that do not
// overlap, a Bézier path per edge; layouts from two threads are serialised, not corrupted.
class tst_GraphvizLayout : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void laysOutLeftToRight()
    {
        const LineageGraph graph = chainStore(5);
        auto layout = GraphvizLayout::layout(graph, {});
        QVERIFY(layout);
        QCOMPARE(layout->nodeBoxes.size(), graph.nodes().size());
        QCOMPARE(layout->edges.size(), graph.edges().size());
        for (const LineageEdge& edge : graph.edges())
            QVERIFY(layout->nodeBoxes.at(edge.from).center().x() < layout->nodeBoxes.at(edge.to).center().x());
        for (int a = 0; a < layout->nodeBoxes.size(); ++a) {
            QVERIFY(layout->bounds.adjusted(-1, -1, 1, 1).contains(layout->nodeBoxes.at(a)));
            for (int b = a + 1; b < layout->nodeBoxes.size(); ++b)
                QVERIFY(!layout->nodeBoxes.at(a).intersects(layout->nodeBoxes.at(b)));
        }
        for (const LineageLayoutEdge& edge : layout->edges) {
            QVERIFY(edge.path.size() >= 4);
            QCOMPARE((edge.path.size() - 1) % 3, 0);
            QVERIFY(edge.arrowTip);
        }
    }

    void aLargeGraphIsLaidOutWithStraightEdges()
    {
        const LineageGraph graph = chainStore(80); // 321 nodes: past the large-graph threshold
        auto layout = GraphvizLayout::layout(graph, {});
        QVERIFY(layout);
        QCOMPARE(layout->edges.size(), graph.edges().size());
        for (const LineageEdge& edge : graph.edges())
            QVERIFY(layout->nodeBoxes.at(edge.from).center().x() < layout->nodeBoxes.at(edge.to).center().x());
        for (const LineageLayoutEdge& edge : layout->edges) {
            QVERIFY(edge.path.size() >= 4);
            QCOMPARE((edge.path.size() - 1) % 3, 0);
            // Straight: every control point lies on the line from the first point to the last.
            const QPointF a = edge.path.first();
            const QPointF d = edge.path.last() - a;
            const double length = std::hypot(d.x(), d.y());
            for (const QPointF& p : edge.path) {
                const QPointF v = p - a;
                QVERIFY2(std::abs(d.x() * v.y() - d.y() * v.x()) <= 0.5 * std::max(length, 1.0),
                    "a large graph's edge is not straight");
            }
        }
    }

    void separatePipelinesArePackedSideBySide()
    {
        // 300 pipelines of a commit and a run, and one of a shared dataset and five runs.
        LineageGraph graph;
        for (int r = 0; r < 300; ++r) {
            const QString n = QString::number(r);
            const int code
                = graph.addNode({ u"code:"_s + n, LineageNodeKind::CodeVersion, u"train.py"_s, n, {}, {}, {} });
            const int run = graph.addNode({ u"run:"_s + n, LineageNodeKind::Run, u"run "_s + n, {}, {}, {}, {} });
            graph.addEdge(code, run, LineageEdgeKind::Used);
        }
        const LineageGraph big = chainStore(5);
        QHash<int, int> moved;
        for (int n = 0; n < big.nodes().size(); ++n)
            moved.insert(n, graph.addNode(big.node(n)));
        for (const LineageEdge& edge : big.edges())
            graph.addEdge(moved.value(edge.from), moved.value(edge.to), edge.kind);
        const auto layout = GraphvizLayout::layout(graph, {});
        QVERIFY(layout);
        QCOMPARE(layout->nodeBoxes.size(), graph.nodes().size());
        QCOMPARE(layout->edges.size(), graph.edges().size());
        for (qsizetype e = 0; e < layout->edges.size(); ++e) {
            QCOMPARE(layout->edges.at(e).edge, int(e)); // in graph order
            const LineageEdge& edge = graph.edges().at(e);
            const QLineF line(layout->edges.at(e).path.first(), layout->edges.at(e).path.last());
            QVERIFY(layout->nodeBoxes.at(edge.from).adjusted(-2, -2, 2, 2).contains(line.p1()));
            QVERIFY(layout->nodeBoxes.at(edge.to).adjusted(-12, -12, 12, 12).contains(line.p2()));
        }
        for (int a = 0; a < layout->nodeBoxes.size(); ++a) {
            QVERIFY(layout->bounds.adjusted(-1, -1, 1, 1).contains(layout->nodeBoxes.at(a)));
            for (int b = a + 1; b < layout->nodeBoxes.size(); ++b)
                QVERIFY(!layout->nodeBoxes.at(a).intersects(layout->nodeBoxes.at(b)));
        }
        // A grid, not one column 300 pipelines tall.
        const double aspect = layout->bounds.width() / layout->bounds.height();
        QVERIFY2(aspect > 0.8 && aspect < 3.0, qPrintable(QString::number(aspect)));
        // The biggest component (the chain store, tallest) sits at the top left.
        double chainTop = layout->bounds.bottom();
        double chainLeft = layout->bounds.right();
        for (int n : std::as_const(moved)) {
            chainTop = std::min(chainTop, layout->nodeBoxes.at(n).top());
            chainLeft = std::min(chainLeft, layout->nodeBoxes.at(n).left());
        }
        QVERIFY(chainTop < 1.0 && chainLeft < 1.0);
        const auto again = GraphvizLayout::layout(graph, {});
        QVERIFY(again);
        QCOMPARE(again->nodeBoxes, layout->nodeBoxes);
    }

    void aVeryLargeComponentIsLaidOutInLayers()
    {
        const LineageGraph graph = chainStore(700); // 2,801 nodes in one component: the layered layout
        auto layout = GraphvizLayout::layout(graph, {});
        QVERIFY(layout);
        QCOMPARE(layout->nodeBoxes.size(), graph.nodes().size());
        QCOMPARE(layout->edges.size(), graph.edges().size());
        for (qsizetype e = 0; e < layout->edges.size(); ++e) {
            const LineageLayoutEdge& geometry = layout->edges.at(e);
            const LineageEdge& edge = graph.edges().at(geometry.edge);
            QCOMPARE(geometry.edge, int(e));
            QVERIFY(layout->nodeBoxes.at(edge.from).right() < layout->nodeBoxes.at(edge.to).left());
            QCOMPARE(geometry.path.size(), 4);
            QVERIFY(geometry.arrowTip);
            QCOMPARE(geometry.path.first().x(), layout->nodeBoxes.at(edge.from).right());
            QCOMPARE(geometry.arrowTip->x(), layout->nodeBoxes.at(edge.to).left());
        }
        // Within a column boxes are stacked apart.
        QList<QRectF> boxes = layout->nodeBoxes;
        std::sort(boxes.begin(), boxes.end(), [](const QRectF& a, const QRectF& b) {
            return std::pair(a.left(), a.top()) < std::pair(b.left(), b.top());
        });
        for (qsizetype i = 1; i < boxes.size(); ++i) {
            if (boxes.at(i).left() == boxes.at(i - 1).left())
                QVERIFY(boxes.at(i).top() >= boxes.at(i - 1).bottom());
            QVERIFY(layout->bounds.adjusted(-1, -1, 1, 1).contains(boxes.at(i)));
        }
        const auto again = GraphvizLayout::layout(graph, {});
        QVERIFY(again);
        QCOMPARE(again->nodeBoxes, layout->nodeBoxes);
    }

    void nodesGetTheSizesAskedFor()
    {
        const LineageGraph graph = chainStore(1);
        LineageLayoutOptions options;
        for (int n = 0; n < graph.nodes().size(); ++n)
            options.nodeSizes.append(QSizeF(100 + 10 * n, 40));
        auto layout = GraphvizLayout::layout(graph, options);
        QVERIFY(layout);
        for (int n = 0; n < graph.nodes().size(); ++n) {
            QVERIFY(qAbs(layout->nodeBoxes.at(n).width() - (100 + 10 * n)) < 1.0);
            QVERIFY(qAbs(layout->nodeBoxes.at(n).height() - 40) < 1.0);
        }
    }

    void layoutsOnTwoThreadsAreSerialised()
    {
        const LineageGraph graph = chainStore(40);
        auto first = std::async(std::launch::async, [&] { return GraphvizLayout::layout(graph, {}); });
        auto second = std::async(std::launch::async, [&] { return GraphvizLayout::layout(graph, {}); });
        const auto a = first.get();
        const auto b = second.get();
        QVERIFY(a && b);
        QCOMPARE(a->nodeBoxes, b->nodeBoxes);
    }

    void aCancelledLayoutSaysSo()
    {
        CancellationToken cancel;
        cancel.cancel();
        const auto result = GraphvizLayout::layout(chainStore(2), {}, cancel);
        QVERIFY(!result);
        QCOMPARE(result.error().code, ErrorCode::Cancelled);
    }

    void anEmptyGraphHasNoGeometry()
    {
        const auto result = GraphvizLayout::layout(LineageGraph(), {});
        QVERIFY(result);
        QVERIFY(result->nodeBoxes.isEmpty());
    }
};

QTEST_GUILESS_MAIN(tst_GraphvizLayout)
#include "tst_GraphvizLayout.moc"
