#include "lineage/LineageBuilder.h"

#include "FixtureManifest.h"
#include "TestFixtures.h"
#include "core/SqliteDatabase.h"
#include "lineage/LineageIds.h"
#include "lineage/LineageImpact.h"
#include "lineage/LineageSelection.h"
#include "lineage/ProvJsonExport.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

using namespace prov;
using namespace Qt::StringLiterals;

namespace {

// What the PROV-JSON lineage of one registered version must hold, from the fixture's own
// records (manifests, MLflow's answers in expected.json, the file store's tag files).
struct ExpectedVersion
{
    QString model;
    qint64 version = 0;
    QString runId;
    QString modelId;
    QString stage;
    QStringList aliases;
    QSet<QString> digests;
    QString commit; // empty when the run recorded no git commit
};

// The entities of one PROV type ("provenance:DatasetVersion", ...) in a PROV-JSON document.
QJsonObject entitiesOf(const QJsonObject& prov, const QString& type)
{
    QJsonObject found;
    const QJsonObject entities = prov.value(u"entity"_s).toObject();
    for (auto it = entities.begin(); it != entities.end(); ++it) {
        const QJsonValue t = it.value().toObject().value(u"prov:type"_s);
        const QJsonArray types = t.isArray() ? t.toArray() : QJsonArray { t };
        for (const QJsonValue& one : types) {
            if (one.toObject().value(u"$"_s).toString() == type)
                found.insert(it.key(), it.value());
        }
    }
    return found;
}

QSet<QString> values(const QJsonObject& records, const QString& attribute)
{
    QSet<QString> set;
    for (const QJsonValue& r : records)
        set.insert(r.toObject().value(attribute).toString());
    return set;
}

// The git commit a run of the shared MLflow 3 fixture recorded, read from the file store's
// tag file (both forms of the fixture hold the same tags).
QString fileStoreCommit(const QString& runName)
{
    const QJsonObject manifest = readObject(u"mlflow/manifest-filestore.json"_s);
    const QJsonObject run = manifest.value(u"runs"_s).toObject().value(runName).toObject();
    QFile tag(sharedFileStore() + u'/' + run.value(u"experiment_id"_s).toString() + u'/'
        + run.value(u"run_id"_s).toString() + u"/tags/mlflow.source.git.commit"_s);
    return tag.open(QIODevice::ReadOnly) ? QString::fromUtf8(tag.readAll()).trimmed() : QString();
}

// MLflow 3 fixture: which datasets each registered version's run consumed (README.md of
// tests/data/mlflow), with digests from the manifest.
QList<ExpectedVersion> mlflow3Expectations(const QString& manifestName)
{
    const QJsonObject manifest = readObject(manifestName);
    const QJsonObject datasets = manifest.value(u"datasets"_s).toObject();
    const QHash<QString, QStringList> datasetsOfRun { { u"baseline-dummy"_s, { u"iris-train"_s, u"iris-test"_s } },
        { u"logreg-final"_s, { u"iris-train"_s, u"iris-test"_s } },
        { u"rf-final"_s, { u"iris-train"_s, u"iris-test"_s } }, { u"gbm-lr0.05-d4"_s, { u"churn-2025q1"_s } },
        { u"gbm-lr0.1-d4"_s, { u"churn-2025q1"_s } } };
    QHash<QString, QString> runNames;
    const QJsonObject runs = manifest.value(u"runs"_s).toObject();
    for (auto it = runs.begin(); it != runs.end(); ++it)
        runNames.insert(it.value()[u"run_id"_s].toString(), it.key());
    QList<ExpectedVersion> list;
    const QJsonObject models = manifest.value(u"registered_models"_s).toObject();
    for (auto m = models.begin(); m != models.end(); ++m) {
        const QJsonObject versions = m.value()[u"versions"_s].toObject();
        const QJsonObject aliases = m.value()[u"aliases"_s].toObject();
        for (auto v = versions.begin(); v != versions.end(); ++v) {
            ExpectedVersion e;
            e.model = m.key();
            e.version = v.key().toLongLong();
            e.runId = v.value()[u"run_id"_s].toString();
            e.modelId = v.value()[u"source"_s].toString().mid(u"models:/"_s.size());
            e.stage = v.value()[u"stage"_s].toString();
            for (auto a = aliases.begin(); a != aliases.end(); ++a) {
                if (a.value().toString() == v.key())
                    e.aliases << a.key();
            }
            const QString runName = runNames.value(e.runId);
            for (const QString& dataset : datasetsOfRun.value(runName))
                e.digests.insert(datasets.value(dataset)[u"digest"_s].toString());
            e.commit = fileStoreCommit(runName);
            list.append(e);
        }
    }
    return list;
}

QList<ExpectedVersion> mlflow2Expectations(const QString& store)
{
    QList<ExpectedVersion> list;
    for (const QJsonValue& value : TestFixtures::mlflow2Expected(store).value(u"model_versions"_s).toArray()) {
        const QJsonObject v = value.toObject();
        ExpectedVersion e { v[u"name"_s].toString(), v[u"version"_s].toString().toLongLong(), v[u"run_id"_s].toString(),
            u"runs:/"_s + v[u"run_id"_s].toString() + u"/model"_s, v[u"stage"_s].toString(),
            v[u"aliases"_s].toVariant().toStringList(), {}, v[u"git_commit"_s].toString() };
        for (const QJsonValue& digest : v[u"dataset_digests"_s].toArray())
            e.digests.insert(digest.toString());
        list.append(e);
    }
    return list;
}

QSet<QString> expectedDeployments(const ExpectedVersion& e)
{
    QSet<QString> ids;
    for (const QString& alias : e.aliases)
        ids.insert(LineageIds::deployment(e.model, u"alias"_s, alias));
    if (e.stage == u"Production"_s || e.stage == u"Staging"_s)
        ids.insert(LineageIds::deployment(e.model, u"stage"_s, e.stage));
    return ids;
}

// Checks the PROV-JSON lineage of one version against what the fixture says; `allRunIds` are
// every run of the store, none of which but the version's own may appear.
void verifyVersionLineage(const LineageGraph& graph, const ExpectedVersion& e, const QStringList& allRunIds)
{
    auto focus = LineageSelection::resolve(graph, { LineageFocus::Kind::ModelVersion, e.model, e.version });
    QVERIFY2(focus, qPrintable(e.model + u" v"_s + QString::number(e.version)));
    const QByteArray text = ProvJsonExport::write(
        LineageSelection::around(graph, *focus, LineageGraph::AnyDepth, LineageGraph::AnyDepth));
    const QJsonObject prov = QJsonDocument::fromJson(text).object();
    QVERIFY(!prov.isEmpty());
    QCOMPARE(values(entitiesOf(prov, u"provenance:DatasetVersion"_s), u"provenance:digest"_s), e.digests);
    // A run without git information still has a code version: its source name.
    const QJsonObject code = entitiesOf(prov, u"provenance:CodeVersion"_s);
    QVERIFY(code.size() <= 1);
    QSet<QString> commits = values(code, u"provenance:commit"_s);
    commits.remove(QString());
    QCOMPARE(commits, e.commit.isEmpty() ? QSet<QString> {} : QSet<QString> { e.commit });
    const QStringList activities = prov.value(u"activity"_s).toObject().keys();
    QCOMPARE(QSet<QString>(activities.cbegin(), activities.cend()), QSet<QString> { LineageIds::run(e.runId) });
    QCOMPARE(
        values(entitiesOf(prov, u"provenance:LoggedModel"_s), u"provenance:model_id"_s), QSet<QString> { e.modelId });
    const QJsonObject versions = entitiesOf(prov, u"provenance:ModelVersion"_s);
    QCOMPARE(versions.keys(), QStringList { LineageIds::modelVersion(e.model, e.version) });
    QCOMPARE(versions.begin()->toObject().value(u"provenance:stage"_s).toString(), e.stage);
    QCOMPARE(versions.begin()->toObject().value(u"provenance:aliases"_s).toString(), e.aliases.join(u','));
    const QStringList deployments = entitiesOf(prov, u"provenance:Deployment"_s).keys();
    QCOMPARE(QSet<QString>(deployments.cbegin(), deployments.cend()), expectedDeployments(e));
    QCOMPARE(prov.value(u"used"_s).toObject().size(), e.digests.size() + code.size());
    QCOMPARE(prov.value(u"wasGeneratedBy"_s).toObject().size(), 1);
    for (const QString& other : allRunIds) {
        if (other != e.runId)
            QVERIFY2(!text.contains(other.toUtf8()), qPrintable(u"unrelated run "_s + other));
    }
}

QStringList runIdsOf(const LineageGraph& graph)
{
    QStringList ids;
    for (const LineageNode& n : graph.nodes()) {
        if (n.kind == LineageNodeKind::Run)
            ids << n.property(u"run_id"_s);
    }
    return ids;
}

Result<LineageGraph> graphOf(const QTemporaryDir& dir, const QString& store)
{
    auto cache = TestFixtures::syncedCache(store, dir.filePath(u"cache.sqlite"_s));
    if (!cache)
        return cache.error();
    return LineageBuilder(cache->database()).build();
}

} // namespace

// The whole-store lineage graph of the shared fixtures (MLflow 3 and MLflow 2, file store and
// SQLite backend): every registered version's PROV-JSON lineage holds its datasets with their
// digests, its code commit, its run, its logged model, itself with its stage and aliases, its
// deployments, and nothing of unrelated runs; a dataset shared by two runs is one node.
class tst_LineageBuilder : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void mlflow3VersionsHoldTheirLineage_data()
    {
        QTest::addColumn<QString>("store");
        QTest::addColumn<QString>("manifest");
        QTest::newRow("file store") << u"mlflow/mlruns"_s << u"mlflow/manifest-filestore.json"_s;
        QTest::newRow("sqlite") << u"mlflow/sqlite/mlflow.db"_s << u"mlflow/manifest-sqlite.json"_s;
    }

    void mlflow3VersionsHoldTheirLineage()
    {
        QFETCH(QString, store);
        QFETCH(QString, manifest);
        QTemporaryDir dir;
        auto graph = graphOf(dir, store);
        QVERIFY2(graph, qPrintable(graph ? QString() : graph.error().describe()));
        const QList<ExpectedVersion> expected = mlflow3Expectations(manifest);
        QCOMPARE(expected.size(), 6);
        QStringList allRuns;
        const QJsonObject runs = readObject(manifest).value(u"runs"_s).toObject();
        for (const QJsonValue& r : runs)
            allRuns << r[u"run_id"_s].toString();
        for (const ExpectedVersion& e : expected) {
            verifyVersionLineage(*graph, e, allRuns);
            if (QTest::currentTestFailed())
                return;
        }
    }

    void mlflow2VersionsHoldTheirLineage_data()
    {
        QTest::addColumn<QString>("store");
        QTest::addColumn<QString>("expected");
        QTest::newRow("file store") << u"mlflow2/mlruns"_s << u"filestore"_s;
        QTest::newRow("sqlite") << u"mlflow2/sqlite/mlflow.db"_s << u"sqlite"_s;
    }

    void mlflow2VersionsHoldTheirLineage()
    {
        QFETCH(QString, store);
        QFETCH(QString, expected);
        QTemporaryDir dir;
        auto graph = graphOf(dir, store);
        QVERIFY2(graph, qPrintable(graph ? QString() : graph.error().describe()));
        QStringList allRuns;
        for (const QJsonValue& r : TestFixtures::mlflow2Expected(expected).value(u"runs_all"_s).toArray())
            allRuns << r[u"run_id"_s].toString();
        const QList<ExpectedVersion> versions = mlflow2Expectations(expected);
        QCOMPARE(versions.size(), 3);
        for (const ExpectedVersion& e : versions) {
            verifyVersionLineage(*graph, e, allRuns);
            if (QTest::currentTestFailed())
                return;
        }
    }

    void deletedRunsAreLeftOut()
    {
        QTemporaryDir dir;
        auto graph = graphOf(dir, u"mlflow/mlruns"_s);
        QVERIFY(graph);
        const QJsonObject runs = readObject(u"mlflow/manifest-filestore.json"_s).value(u"runs"_s).toObject();
        QCOMPARE(runIdsOf(*graph).size(), manifestRuns(readObject(u"mlflow/manifest-filestore.json"_s), false).size());
        QCOMPARE(graph->indexOf(LineageIds::run(runs.value(u"scratch-debug"_s)[u"run_id"_s].toString())), -1);
    }

    void nestedRunsHangFromTheirParent()
    {
        QTemporaryDir dir;
        auto graph = graphOf(dir, u"mlflow/mlruns"_s);
        QVERIFY(graph);
        const QJsonObject runs = readObject(u"mlflow/manifest-filestore.json"_s).value(u"runs"_s).toObject();
        const int sweep = graph->indexOf(LineageIds::run(runs.value(u"hpo-logreg-sweep"_s)[u"run_id"_s].toString()));
        QVERIFY(sweep >= 0);
        QSet<int> children = graph->downstream({ sweep }, 1);
        children.remove(sweep);
        QCOMPARE(children.size(), 8);
        for (int child : std::as_const(children))
            QVERIFY(graph->node(child).label.startsWith(u"trial-0"_s));
    }

    // mlflow2 with gbr-candidate's use of wine-train removed: exactly two runs share it.
    void aDatasetSharedByTwoRunsIsOneNode()
    {
        QTemporaryDir dir;
        const QString store = dir.filePath(u"sqlite"_s);
        QVERIFY(TestFixtures::copyTree(TestFixtures::dataPath(u"mlflow2/sqlite"_s), store));
        QString gbr;
        for (const QJsonValue& r : TestFixtures::mlflow2Expected(u"sqlite"_s).value(u"runs"_s).toArray()) {
            if (r[u"run_name"_s].toString() == u"gbr-candidate"_s)
                gbr = r[u"run_id"_s].toString();
        }
        {
            auto db = SqliteDatabase::open(store + u"/mlflow.db"_s, SqliteDatabase::Mode::ReadWrite);
            QVERIFY(db);
            QVERIFY(db->exec(u"DELETE FROM inputs WHERE destination_id = '%1' AND source_id ="
                             " (SELECT dataset_uuid FROM datasets WHERE digest = '3bd9fafd')"_s.arg(gbr)));
        }
        auto graph = graphOf(dir, store + u"/mlflow.db"_s);
        QVERIFY2(graph, qPrintable(graph ? QString() : graph.error().describe()));
        QList<int> wineTrain;
        for (int n = 0; n < graph->nodes().size(); ++n) {
            if (graph->node(n).property(u"digest"_s) == u"3bd9fafd"_s)
                wineTrain << n;
        }
        QCOMPARE(wineTrain.size(), 1);
        QCOMPARE(graph->outgoing(wineTrain.first()).size(), 2);
        auto report = LineageImpact::ofDataset(*graph, u"3bd9fafd"_s);
        QVERIFY(report);
        QCOMPARE(report->versions.size(), 2);
        QCOMPARE(report->versions.at(0).version, 1);
        QCOMPARE(report->versions.at(1).version, 2);
        QCOMPARE(report->versions.at(1).aliases, QStringList { u"champion"_s });
        QCOMPARE(report->versions.at(1).path.first(), graph->node(wineTrain.first()).id);
        QCOMPARE(report->versions.at(1).path.size(), 4); // dataset, run, logged model, version
        QCOMPARE(report->runs.size(), 2);
        QVERIFY(!report->runs.contains(gbr));
    }
};

QTEST_GUILESS_MAIN(tst_LineageBuilder)
#include "tst_LineageBuilder.moc"
