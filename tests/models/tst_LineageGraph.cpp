#include "lineage/LineageGraph.h"

#include "lineage/LineageCollapse.h"
#include "lineage/LineageIds.h"
#include "lineage/LineageImpact.h"
#include "lineage/LineageSelection.h"

#include <QTest>

using namespace prov;
using namespace Qt::StringLiterals;

namespace {

LineageNode node(const QString& id, LineageNodeKind kind, const KeyValueList& properties = {})
{
    LineageNode n;
    n.id = id;
    n.kind = kind;
    n.label = id;
    n.properties = properties;
    return n;
}

// parent -> child run; two runs share one dataset; the child's model became v1, bound to
// @champion; the other run's model became v2; a second dataset feeds only the other run.
struct SmallStore
{
    LineageGraph graph;
    int data, otherData, code, parent, child, other, childModel, otherModel, v1, v2, champion;

    SmallStore()
    {
        data = graph.addNode(node(u"dataset:d1"_s, LineageNodeKind::DatasetVersion, { { u"digest"_s, u"d1"_s } }));
        otherData = graph.addNode(node(u"dataset:d2"_s, LineageNodeKind::DatasetVersion, { { u"digest"_s, u"d2"_s } }));
        code = graph.addNode(
            node(u"code:abc1234567"_s, LineageNodeKind::CodeVersion, { { u"commit"_s, u"abc1234567"_s } }));
        parent = graph.addNode(
            node(u"run:p"_s, LineageNodeKind::Run, { { u"run_id"_s, u"p"_s }, { u"experiment"_s, u"e1"_s } }));
        child = graph.addNode(
            node(u"run:c"_s, LineageNodeKind::Run, { { u"run_id"_s, u"c"_s }, { u"experiment"_s, u"e1"_s } }));
        other = graph.addNode(
            node(u"run:o"_s, LineageNodeKind::Run, { { u"run_id"_s, u"o"_s }, { u"experiment"_s, u"e2"_s } }));
        childModel = graph.addNode(node(u"model:m1"_s, LineageNodeKind::LoggedModel));
        otherModel = graph.addNode(node(u"model:m2"_s, LineageNodeKind::LoggedModel));
        v1 = graph.addNode(node(u"version:x/1"_s, LineageNodeKind::ModelVersion,
            { { u"name"_s, u"x"_s }, { u"version"_s, u"1"_s }, { u"stage"_s, u"Production"_s },
                { u"aliases"_s, u"champion"_s }, { u"run_id"_s, u"c"_s } }));
        v2 = graph.addNode(node(u"version:x/2"_s, LineageNodeKind::ModelVersion,
            { { u"name"_s, u"x"_s }, { u"version"_s, u"2"_s }, { u"stage"_s, u"None"_s }, { u"run_id"_s, u"o"_s } }));
        champion = graph.addNode(node(u"deployment:x/alias/champion"_s, LineageNodeKind::Deployment));
        graph.addEdge(parent, child, LineageEdgeKind::WasInformedBy);
        graph.addEdge(data, child, LineageEdgeKind::Used, u"training"_s);
        graph.addEdge(data, other, LineageEdgeKind::Used, u"training"_s);
        graph.addEdge(otherData, other, LineageEdgeKind::Used);
        graph.addEdge(code, child, LineageEdgeKind::Used, u"code"_s);
        graph.addEdge(child, childModel, LineageEdgeKind::WasGeneratedBy);
        graph.addEdge(other, otherModel, LineageEdgeKind::WasGeneratedBy);
        graph.addEdge(childModel, v1, LineageEdgeKind::WasDerivedFrom);
        graph.addEdge(otherModel, v2, LineageEdgeKind::WasDerivedFrom);
        graph.addEdge(v1, champion, LineageEdgeKind::Binding, u"current"_s);
    }

    QSet<int> set(std::initializer_list<int> nodes) const { return QSet<int>(nodes); }
};

} // namespace

// The lineage graph's own rules: nodes and edges are added once, and upstream, downstream,
// path, selection and impact answer over a small hand-made store.
class tst_LineageGraph : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void nodesAndEdgesAreAddedOnce()
    {
        SmallStore s;
        const qsizetype edges = s.graph.edges().size();
        QCOMPARE(s.graph.addNode(node(u"dataset:d1"_s, LineageNodeKind::DatasetVersion)), s.data);
        s.graph.addEdge(s.data, s.child, LineageEdgeKind::Used, u"evaluation"_s);
        s.graph.addEdge(s.data, s.data, LineageEdgeKind::Used);
        s.graph.addEdge(s.data, -1, LineageEdgeKind::Used);
        QCOMPARE(s.graph.edges().size(), edges);
        QCOMPARE(s.graph.outgoing(s.data).size(), 2);
    }

    void upstreamAndDownstreamWithinHops()
    {
        SmallStore s;
        QCOMPARE(s.graph.upstream({ s.v1 }, 1), s.set({ s.v1, s.childModel }));
        QCOMPARE(s.graph.upstream({ s.v1 }), s.set({ s.v1, s.childModel, s.child, s.data, s.code, s.parent }));
        QCOMPARE(s.graph.upstream({ s.v1 }, 0), s.set({ s.v1 }));
        QCOMPARE(s.graph.downstream({ s.data }, 2), s.set({ s.data, s.child, s.other, s.childModel, s.otherModel }));
        QCOMPARE(s.graph.downstream({ s.code }), s.set({ s.code, s.child, s.childModel, s.v1, s.champion }));
    }

    void pathFollowsTheEdgesEitherWay()
    {
        SmallStore s;
        const QList<int> forward { s.data, s.child, s.childModel, s.v1, s.champion };
        QCOMPARE(s.graph.path(s.data, s.champion), forward);
        QCOMPARE(s.graph.path(s.champion, s.data), forward);
        QVERIFY(s.graph.path(s.other, s.v1).isEmpty());
        QCOMPARE(s.graph.path(s.v1, s.v1), QList<int> { s.v1 });
    }

    void aroundKeepsOnlyTheNeighbourhood()
    {
        SmallStore s;
        const LineageGraph view = LineageSelection::around(s.graph, { s.v2 }, LineageGraph::AnyDepth, 1);
        QStringList ids;
        for (const LineageNode& n : view.nodes())
            ids << n.id;
        QCOMPARE(ids, QStringList({ u"dataset:d1"_s, u"dataset:d2"_s, u"run:o"_s, u"model:m2"_s, u"version:x/2"_s }));
        QCOMPARE(view.edges().size(), 4);
    }

    void selectionNamesWhatItLookedFor()
    {
        SmallStore s;
        auto run = LineageSelection::resolve(s.graph, { LineageFocus::Kind::Run, u"c"_s, 0 });
        QVERIFY(run);
        QCOMPARE(*run, QList<int> { s.child });
        auto missing = LineageSelection::resolve(s.graph, { LineageFocus::Kind::ModelVersion, u"x"_s, 7 });
        QVERIFY(!missing);
        QCOMPARE(missing.error().code, ErrorCode::NotFound);
        QVERIFY2(missing.error().message.contains(u"Version 7"_s), qPrintable(missing.error().message));
        auto datasets = LineageSelection::resolve(s.graph, { LineageFocus::Kind::Dataset, u"d1"_s, 0 });
        QVERIFY(datasets);
        QCOMPARE(*datasets, QList<int> { s.data });
    }

    void impactOfASharedDatasetListsBothVersions()
    {
        SmallStore s;
        auto report = LineageImpact::ofDataset(s.graph, u"d1"_s);
        QVERIFY(report);
        QCOMPARE(report->runs, QStringList({ u"c"_s, u"o"_s }));
        QCOMPARE(report->versions.size(), 2);
        QCOMPARE(report->versions.at(0).version, 1);
        QCOMPARE(report->versions.at(0).aliases, QStringList { u"champion"_s });
        QCOMPARE(
            report->versions.at(0).path, QStringList({ u"dataset:d1"_s, u"run:c"_s, u"model:m1"_s, u"version:x/1"_s }));
        QCOMPARE(
            report->versions.at(1).path, QStringList({ u"dataset:d1"_s, u"run:o"_s, u"model:m2"_s, u"version:x/2"_s }));
        QCOMPARE(report->deployments, QStringList { u"deployment:x/alias/champion"_s });
    }

    void impactOfACommitTakesAPrefix()
    {
        SmallStore s;
        auto report = LineageImpact::ofCommit(s.graph, u"ABC1234"_s);
        QVERIFY(report);
        QCOMPARE(report->runs, QStringList { u"c"_s });
        QCOMPARE(report->versions.size(), 1);
        QVERIFY(!LineageImpact::ofCommit(s.graph, u"abc"_s)); // too short to be a prefix
        QCOMPARE(LineageImpact::ofCommit(s.graph, u"fff0000"_s).error().code, ErrorCode::NotFound);
    }

    void runsCollapseByExperiment()
    {
        SmallStore s;
        const LineageGraph folded = LineageCollapse::byExperiment(s.graph);
        QCOMPARE(folded.nodes().size(), s.graph.nodes().size() - 1);
        const int e1 = folded.indexOf(u"experiment:e1"_s);
        const int e2 = folded.indexOf(u"experiment:e2"_s);
        QVERIFY(e1 >= 0 && e2 >= 0);
        QCOMPARE(folded.node(e1).property(u"runs"_s), u"2"_s);
        QCOMPARE(folded.node(e2).property(u"runs"_s), u"1"_s);
        const int data = folded.indexOf(u"dataset:d1"_s);
        QCOMPARE(folded.downstream({ data }, 1), QSet<int>({ data, e1, e2 }));
        for (const LineageEdge& e : folded.edges())
            QVERIFY(e.kind != LineageEdgeKind::WasInformedBy); // parent and child are one node now
        QCOMPARE(folded.path(data, folded.indexOf(u"version:x/1"_s)).size(), 4);
    }

    void childRunsFoldIntoTheirParent()
    {
        SmallStore s;
        const LineageGraph folded = LineageCollapse::childrenIntoParents(s.graph);
        QCOMPARE(folded.nodes().size(), s.graph.nodes().size() - 1);
        QCOMPARE(folded.indexOf(u"run:c"_s), -1);
        const int parent = folded.indexOf(u"run:p"_s);
        QCOMPARE(folded.node(parent).property(u"runs"_s), u"2"_s);
        QVERIFY(folded.indexOf(u"run:o"_s) >= 0);
        QCOMPARE(folded.upstream({ folded.indexOf(u"model:m1"_s) }, 1),
            QSet<int>({ folded.indexOf(u"model:m1"_s), parent }));
    }

    void idsAreNamespacedAndEncoded_data()
    {
        QTest::addColumn<QString>("id");
        QTest::addColumn<QString>("expected");
        QTest::newRow("run") << LineageIds::run(u"ab12"_s) << u"run:ab12"_s;
        QTest::newRow("version with unicode") << LineageIds::modelVersion(u"prévision \"x\"/日本"_s, 3)
                                              << u"version:pr%C3%A9vision%20%22x%22%2F%E6%97%A5%E6%9C%AC/3"_s;
        QTest::newRow("mlflow 2 model") << LineageIds::loggedModel(u"runs:/r1/model"_s) << u"model:r1%2Fmodel"_s;
        QTest::newRow("alias") << LineageIds::deployment(u"m"_s, u"alias"_s, u"champion"_s)
                               << u"deployment:m/alias/champion"_s;
        QTest::newRow("code without git") << LineageIds::code({}, {}, u"train.py"_s) << u"code:train.py"_s;
    }

    void idsAreNamespacedAndEncoded()
    {
        QFETCH(QString, id);
        QFETCH(QString, expected);
        QCOMPARE(id, expected);
    }

    void datasetIdentityIsSourceAndDigest()
    {
        QCOMPARE(LineageIds::dataset(u"s3://a"_s, u"d"_s), LineageIds::dataset(u"s3://a"_s, u"d"_s));
        QVERIFY(LineageIds::dataset(u"s3://a"_s, u"d"_s) != LineageIds::dataset(u"s3://b"_s, u"d"_s));
        QVERIFY(LineageIds::dataset(u"s3://a"_s, u"d"_s) != LineageIds::dataset(u"s3://a"_s, u"e"_s));
    }
};

QTEST_GUILESS_MAIN(tst_LineageGraph)
#include "tst_LineageGraph.moc"
