#include "lineage/LineageBindingHistory.h"

#include "journal/BindingRecorder.h"
#include "journal/JournalDatabase.h"
#include "lineage/DotExport.h"
#include "lineage/LineageIds.h"
#include "lineage/ProvJsonExport.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace prov;
using namespace Qt::StringLiterals;

namespace {

// Versions 1..versions of `name`, version `current` holding @champion now (as the cache says).
LineageGraph registry(const QString& name, int versions, int current)
{
    LineageGraph graph;
    for (int v = 1; v <= versions; ++v) {
        LineageNode node { LineageIds::modelVersion(name, v), LineageNodeKind::ModelVersion,
            name + u" v"_s + QString::number(v), {}, {}, {}, {} };
        node.setProperty(u"name"_s, name);
        node.setProperty(u"version"_s, QString::number(v));
        const int index = graph.addNode(node);
        if (v == current) {
            const int champion = graph.addNode({ LineageIds::deployment(name, u"alias"_s, u"champion"_s),
                LineageNodeKind::Deployment, u"@champion"_s, name, {}, {}, {} });
            graph.addEdge(index, champion, LineageEdgeKind::Binding, u"current"_s);
        }
    }
    return graph;
}

RegisteredModel observed(const QString& name, QList<ModelAlias> aliases, qint64 productionVersion)
{
    RegisteredModel m;
    m.name = name;
    m.aliases = std::move(aliases);
    for (qint64 v = 1; v <= 3; ++v) {
        ModelVersion version;
        version.name = name;
        version.version = v;
        version.stage = v == productionVersion ? u"Production"_s : u"None"_s;
        m.versions.append(version);
    }
    return m;
}

// The Binding edges of a graph as "from -> to (role)".
QStringList bindings(const LineageGraph& graph)
{
    QStringList result;
    for (const LineageEdge& e : graph.edges()) {
        if (e.kind == LineageEdgeKind::Binding)
            result.append(graph.node(e.from).label + u" -> "_s + graph.node(e.to).label + u" ("_s + e.role + u")"_s);
    }
    result.sort();
    return result;
}

} // namespace

// Deployment history: bindings a version held and lost (as syncs observed them) become "past"
// Binding edges; a binding held now keeps its "current" edge; exports carry the role.
class tst_LineageBindingHistory : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void pastBindingsFromObservations()
    {
        LineageGraph graph = registry(u"fraud"_s, 3, 3);
        const BindingHistory history {
            { u"fraud"_s, u"alias"_s, u"champion"_s, 1, 1000, 2000, 3000, u"observed-at-sync"_s, 2 },
            { u"fraud"_s, u"alias"_s, u"champion"_s, 2, 3000, 4000, 5000, u"observed-at-sync"_s, 2 },
            { u"fraud"_s, u"alias"_s, u"champion"_s, 3, 5000, 6000, std::nullopt, u"observed-at-sync"_s, 2 },
            // Held once, then again now: the current edge stays current.
            { u"fraud"_s, u"alias"_s, u"champion"_s, 3, 100, 200, 300, u"observed-at-sync"_s, 1 },
            // Nobody is in Staging any more: the deployment node comes from history alone.
            { u"fraud"_s, u"stage"_s, u"Staging"_s, 2, 1000, 1000, 2000, u"observed-at-sync"_s, 1 },
            // Versions the graph does not hold are skipped.
            { u"fraud"_s, u"alias"_s, u"champion"_s, 9, 1000, 1000, 2000, u"observed-at-sync"_s, 1 },
            { u"other"_s, u"alias"_s, u"champion"_s, 1, 1000, 1000, 2000, u"observed-at-sync"_s, 1 },
        };
        LineageBindingHistory::addPast(graph, history);
        QCOMPARE(bindings(graph),
            (QStringList { u"fraud v1 -> @champion (past)"_s, u"fraud v2 -> @champion (past)"_s,
                u"fraud v2 -> Staging (past)"_s, u"fraud v3 -> @champion (current)"_s }));
        const LineageNode& champion
            = graph.node(graph.indexOf(LineageIds::deployment(u"fraud"_s, u"alias"_s, u"champion"_s)));
        const QStringList lines = champion.property(u"history").split(u'\n');
        QCOMPARE(lines.size(), 4);
        QVERIFY2(
            lines.contains(u"v1 seen 1970-01-01T00:00:01Z to 1970-01-01T00:00:02Z, gone by 1970-01-01T00:00:03Z"_s),
            qPrintable(lines.join(u" | "_s)));
        QVERIFY(lines.contains(u"v3 seen 1970-01-01T00:00:05Z to 1970-01-01T00:00:06Z, still held"_s));
        const LineageNode& staging
            = graph.node(graph.indexOf(LineageIds::deployment(u"fraud"_s, u"stage"_s, u"Staging"_s)));
        QCOMPARE(staging.label, u"Staging"_s);
        QCOMPARE(staging.property(u"model"_s), u"fraud"_s);

        // Exports: DOT draws past bindings dashed, PROV-JSON says which are past.
        QVERIFY(DotExport::write(graph).contains("dashed"));
        const QJsonObject derivations
            = QJsonDocument::fromJson(ProvJsonExport::write(graph))[u"wasDerivedFrom"_s].toObject();
        int past = 0;
        for (const QJsonValue& d : derivations)
            past += d[u"provenance:binding"_s].toString() == u"past"_s ? 1 : 0;
        QCOMPARE(past, 3);
    }

    void pastBindingsFromTheJournal()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString path = dir.filePath(u"journal.sqlite"_s);
        {
            auto journal = JournalDatabase::open(path, JournalDatabase::Access::Write);
            QVERIFY(journal);
            BindingRecorder recorder(*journal);
            QVERIFY(recorder.record({ observed(u"fraud"_s, { { u"champion"_s, 1 } }, 1) }, 1000, u"s1"_s));
            QVERIFY(recorder.record({ observed(u"fraud"_s, { { u"champion"_s, 2 } }, 2) }, 2000, u"s2"_s));
        }
        LineageGraph graph = registry(u"fraud"_s, 3, 2);
        QVERIFY(LineageBindingHistory::addPastFromFile(graph, path));
        QStringList expected { u"fraud v1 -> @champion (past)"_s, u"fraud v1 -> Production (past)"_s,
            u"fraud v2 -> @champion (current)"_s };
        // The cache's current stage binding is not in this small graph, so v2 -> Production comes
        // from history as a binding still held: no edge is made for it.
        QCOMPARE(bindings(graph), expected);

        LineageGraph unsynced = registry(u"fraud"_s, 3, 2);
        QVERIFY(LineageBindingHistory::addPastFromFile(unsynced, dir.filePath(u"never-written.sqlite"_s)));
        QCOMPARE(bindings(unsynced), QStringList { u"fraud v2 -> @champion (current)"_s });
    }
};

QTEST_GUILESS_MAIN(tst_LineageBindingHistory)
#include "tst_LineageBindingHistory.moc"
