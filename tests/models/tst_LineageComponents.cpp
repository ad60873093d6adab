#include "lineage/LineageComponents.h"

#include <QTest>

using namespace prov;
using namespace Qt::StringLiterals;

// Weakly connected components: edges join nodes whatever their direction; components list
// their nodes in ascending order and come in the order of their first node.
class tst_LineageComponents : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void components_data()
    {
        QTest::addColumn<int>("nodes");
        QTest::addColumn<QList<QPoint>>("edges");
        QTest::addColumn<QList<QList<int>>>("expected");
        QTest::newRow("empty") << 0 << QList<QPoint>() << QList<QList<int>>();
        QTest::newRow("lonely nodes") << 3 << QList<QPoint>() << QList<QList<int>> { { 0 }, { 1 }, { 2 } };
        QTest::newRow("a chain") << 3 << QList<QPoint> { { 2, 1 }, { 1, 0 } } << QList<QList<int>> { { 0, 1, 2 } };
        // 0 -> 3 <- 1 share a run; 2 -> 4 is apart.
        QTest::newRow("shared downstream node")
            << 5 << QList<QPoint> { { 0, 3 }, { 1, 3 }, { 2, 4 } } << QList<QList<int>> { { 0, 1, 3 }, { 2, 4 } };
        QTest::newRow("joined late") << 4 << QList<QPoint> { { 3, 0 }, { 3, 2 } }
                                     << QList<QList<int>> { { 0, 2, 3 }, { 1 } };
    }

    void components()
    {
        QFETCH(int, nodes);
        QFETCH(QList<QPoint>, edges);
        QFETCH(QList<QList<int>>, expected);
        LineageGraph graph;
        for (int n = 0; n < nodes; ++n)
            graph.addNode({ u"run:"_s + QString::number(n), LineageNodeKind::Run, {}, {}, {}, {}, {} });
        for (const QPoint& e : edges)
            graph.addEdge(e.x(), e.y(), LineageEdgeKind::WasInformedBy);
        QCOMPARE(LineageComponents::of(graph), expected);
    }
};

QTEST_GUILESS_MAIN(tst_LineageComponents)
#include "tst_LineageComponents.moc"
