#include "query/RunDetailQuery.h"

#include "TestFixtures.h"
#include "domain/MlflowTags.h"
#include "query/CacheReader.h"
#include "query/RegistryQuery.h"

#include <QDir>
#include <QJsonArray>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace prov;
using namespace Qt::StringLiterals;

namespace {

// Syncs a fixture store into a fresh cache in `dir` and opens it for reading.
Result<CacheReader> syncedCache(const QTemporaryDir& dir, const QString& fixture)
{
    return TestFixtures::syncedCache(fixture, dir.filePath(u"cache.sqlite"_s));
}

QStringList sorted(QStringList list)
{
    list.sort();
    return list;
}

} // namespace

// A run's details and a version's lineage, as read back from the cache, against what
// MLflow's own client reported for the same stores (expected.json) and the manifests.
class tst_RunDetailQuery : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void mlflow2VersionsTraceToTheirRunsDataAndCode_data();
    void mlflow2VersionsTraceToTheirRunsDataAndCode();
    void mlflow3VersionsTraceToTheirLoggedModels_data();
    void mlflow3VersionsTraceToTheirLoggedModels();
    void detailsOfANestedRun();
    void unknownRunIsNotFound();
};

void tst_RunDetailQuery::mlflow2VersionsTraceToTheirRunsDataAndCode_data()
{
    QTest::addColumn<QString>("fixture");
    QTest::addColumn<QString>("store");
    QTest::newRow("file store") << u"mlflow2/mlruns"_s << u"filestore"_s;
    QTest::newRow("sqlite") << u"mlflow2/sqlite/mlflow.db"_s << u"sqlite"_s;
}

void tst_RunDetailQuery::mlflow2VersionsTraceToTheirRunsDataAndCode()
{
    QFETCH(QString, fixture);
    QFETCH(QString, store);
    QTemporaryDir dir;
    auto cache = syncedCache(dir, fixture);
    QVERIFY(cache);
    const QJsonObject expected = TestFixtures::mlflow2Expected(store);
    auto models = RegistryQuery(cache->database()).models();
    QVERIFY(models);
    QCOMPARE(models->size(), 1);
    const RegisteredModelEntry& wine = models->first();
    const QJsonObject expectedModel = expected[u"registered_models"_s].toArray().first().toObject();
    QCOMPARE(wine.model.description, expectedModel[u"description"_s].toString());
    QCOMPARE(wine.versions.size(), 3);
    const QJsonArray versions = expected[u"model_versions"_s].toArray();
    for (const QJsonValue& value : versions) {
        const QJsonObject v = value.toObject();
        const qint64 number = v[u"version"_s].toString().toLongLong();
        const auto entry = std::find_if(wine.versions.cbegin(), wine.versions.cend(),
            [number](const ModelVersionEntry& e) { return e.version.version == number; });
        QVERIFY(entry != wine.versions.cend());
        QCOMPARE(entry->version.runId, v[u"run_id"_s].toString());
        QCOMPARE(entry->version.source, v[u"source"_s].toString());
        QCOMPARE(entry->version.stage, v[u"stage"_s].toString());
        // MLflow 2 keeps no model entity: the version resolves to the run's model folder.
        QCOMPARE(entry->version.modelId, u"runs:/"_s + v[u"run_id"_s].toString() + u"/model"_s);

        auto detail = RunDetailQuery(cache->database()).load(entry->version.runId);
        QVERIFY(detail);
        QStringList digests;
        for (const DatasetInput& input : detail->datasetInputs)
            digests << input.dataset.digest;
        QStringList expectedDigests;
        for (const QJsonValue& d : v[u"dataset_digests"_s].toArray())
            expectedDigests << d.toString();
        QCOMPARE(sorted(digests), sorted(expectedDigests));
        QCOMPARE(detail->tag(MlflowTags::GitCommit), v[u"git_commit"_s].toString());
        // The run knows the version it was registered as, and the model it logged.
        QVERIFY(std::any_of(detail->modelVersions.cbegin(), detail->modelVersions.cend(),
            [number](const ModelVersionLink& link) { return link.version == number; }));
        QCOMPARE(detail->loggedModels.size(), 1);
        QCOMPARE(detail->loggedModels.first().modelId, entry->version.modelId);
        QCOMPARE(detail->loggedModels.first().flavors, QStringList({ u"python_function"_s, u"sklearn"_s }));
        QCOMPARE(entry->loggedModelName, u"model"_s);
    }
}

void tst_RunDetailQuery::mlflow3VersionsTraceToTheirLoggedModels_data()
{
    QTest::addColumn<QString>("fixture");
    QTest::addColumn<QString>("manifest");
    QTest::newRow("file store") << u"mlflow/mlruns"_s << u"mlflow/manifest-filestore.json"_s;
    QTest::newRow("sqlite") << u"mlflow/sqlite/mlflow.db"_s << u"mlflow/manifest-sqlite.json"_s;
}

void tst_RunDetailQuery::mlflow3VersionsTraceToTheirLoggedModels()
{
    QFETCH(QString, fixture);
    QFETCH(QString, manifest);
    QTemporaryDir dir;
    auto cache = syncedCache(dir, fixture);
    QVERIFY(cache);
    const QJsonObject m = TestFixtures::readJson(TestFixtures::dataPath(manifest)).object();
    const QJsonObject iris = m[u"registered_models"_s].toObject()[u"iris-classifier"_s].toObject();
    const QJsonObject v2 = iris[u"versions"_s].toObject()[u"2"_s].toObject();
    const QString modelId = v2[u"source"_s].toString().mid(QStringLiteral("models:/").size());
    QVERIFY(modelId.startsWith(u"m-"_s));
    auto models = RegistryQuery(cache->database()).models();
    QVERIFY(models);
    const auto entry = std::find_if(models->cbegin(), models->cend(),
        [](const RegisteredModelEntry& e) { return e.model.name == u"iris-classifier"_s; });
    QVERIFY(entry != models->cend());
    const ModelVersionEntry& version = entry->versions.at(1);
    QCOMPARE(version.version.version, 2);
    // SQLite has no model_id column: the cache resolves it from source = models:/<id>.
    QCOMPARE(version.version.modelId, modelId);
    QCOMPARE(version.runName, u"logreg-final"_s);
    QCOMPARE(version.aliases, QStringList { u"champion"_s });

    auto producer = RunDetailQuery(cache->database()).load(v2[u"run_id"_s].toString());
    QVERIFY(producer);
    QCOMPARE(producer->loggedModels.size(), 1);
    QCOMPARE(producer->loggedModels.first().modelId, modelId);
    QCOMPARE(producer->datasetInputs.size(), 2);

    // The weekly evaluation run consumed that model.
    const QString evalRun = m[u"runs"_s].toObject()[u"eval-champion-weekly"_s].toObject()[u"run_id"_s].toString();
    auto evaluation = RunDetailQuery(cache->database()).load(evalRun);
    QVERIFY(evaluation);
    QCOMPARE(evaluation->modelInputs.size(), 1);
    QCOMPARE(evaluation->modelInputs.first().modelId, modelId);
}

void tst_RunDetailQuery::detailsOfANestedRun()
{
    QTemporaryDir dir;
    auto cache = syncedCache(dir, u"mlflow/mlruns"_s);
    QVERIFY(cache);
    RunDetailQuery query(cache->database());
    auto trial = query.load(u"7a030e165a994c1f8a45cd8325e95130"_s); // trial-03, FAILED at step 120
    QVERIFY(trial);
    QCOMPARE(trial->info.status, RunStatus::Failed);
    QVERIFY(trial->parent);
    QCOMPARE(trial->parent->runName, u"hpo-logreg-sweep"_s);
    QVERIFY(!trial->tag(MlflowTags::Note).isEmpty());
    QCOMPARE(trial->params.size(), 6);
    QCOMPARE(trial->metrics.size(), 3);
    for (const MetricSummary& metric : trial->metrics) {
        QCOMPARE(metric.pointCount, 120);
        auto history = query.metricHistory(trial->info.runId, metric.key);
        QVERIFY(history);
        QCOMPARE(history->size(), 120);
        QCOMPARE(history->latest()->step, metric.latest.step);
    }
    auto sweep = query.load(trial->parent->runId);
    QVERIFY(sweep);
    QCOMPARE(sweep->children.size(), 8);
}

void tst_RunDetailQuery::unknownRunIsNotFound()
{
    QTemporaryDir dir;
    auto cache = syncedCache(dir, u"mlflow2/mlruns"_s);
    QVERIFY(cache);
    auto detail = RunDetailQuery(cache->database()).load(u"0000"_s);
    QVERIFY(!detail);
    QCOMPARE(detail.error().code, ErrorCode::NotFound);
    auto history = RunDetailQuery(cache->database()).metricHistory(u"0000"_s, u"loss"_s);
    QVERIFY(!history);
}

QTEST_GUILESS_MAIN(tst_RunDetailQuery)
#include "tst_RunDetailQuery.moc"
