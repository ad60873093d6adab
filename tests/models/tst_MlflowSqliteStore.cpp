#include "store/sqlite/MlflowSqliteStore.h"

#include "TestFixtures.h"
#include "core/SqliteDatabase.h"
#include "domain/MlflowTags.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

#include <cmath>
#include <map>

using namespace prov;
using namespace Qt::StringLiterals;

namespace {

// One run of a store as a sync would see it: its stamp, its record and all its histories.
struct ReadRun
{
    RunStamp stamp;
    RunRecord record;
    QList<MetricHistoryRead> histories;
};

using RunsByName = std::map<QString, ReadRun>;

QString sharedDb()
{
    return TestFixtures::dataPath(u"mlflow/sqlite/mlflow.db"_s);
}

QString mlflow2Db()
{
    return TestFixtures::dataPath(u"mlflow2/sqlite/mlflow.db"_s);
}

QJsonObject sharedManifest()
{
    return TestFixtures::readJson(TestFixtures::dataPath(u"mlflow/manifest-sqlite.json"_s)).object();
}

QJsonObject mlflow2Expected()
{
    return TestFixtures::mlflow2Expected(u"sqlite"_s);
}

StoreLocation locationOf(const QString& dbPath)
{
    StoreLocation location;
    location.kind = StoreLocation::Kind::SqliteBackend;
    location.path = dbPath;
    location.uri = u"sqlite:///"_s + dbPath;
    return location;
}

std::unique_ptr<MlflowSqliteStore> openStore(const QString& dbPath)
{
    auto store = MlflowSqliteStore::open(locationOf(dbPath));
    if (!store) {
        qWarning().noquote() << store.error().describe();
        return {};
    }
    return std::move(store).value();
}

QStringList keysOf(const QList<MetricStamp>& stamps)
{
    QStringList keys;
    for (const MetricStamp& stamp : stamps)
        keys << stamp.key;
    return keys;
}

// Reads everything of every run, the way sync does on a first sync.
RunsByName readAllRuns(const MlflowSqliteStore& store)
{
    RunsByName runs;
    const CancellationToken cancel;
    const auto experiments = store.scanExperiments(cancel);
    if (!experiments)
        return runs;
    for (const Experiment& experiment : experiments->experiments) {
        const auto scan = store.scanRuns(experiment, cancel);
        if (!scan)
            return {};
        for (const RunStamp& stamp : scan->runs) {
            auto record = store.readRun(stamp);
            auto metrics = store.readMetrics(stamp, keysOf(record ? record->metrics : QList<MetricStamp>()));
            if (!record || !metrics)
                return {};
            runs[record->info.runName] = ReadRun { stamp, record.value(), metrics->histories };
        }
    }
    return runs;
}

const MetricHistoryRead* historyOf(const ReadRun& run, const QString& key)
{
    for (const MetricHistoryRead& read : run.histories) {
        if (read.key == key)
            return &read;
    }
    return nullptr;
}

bool execOn(const QString& dbPath, const QString& sql)
{
    auto db = SqliteDatabase::open(dbPath, SqliteDatabase::Mode::ReadWrite);
    if (!db)
        return false;
    const Status status = db->exec(sql);
    if (!status)
        qWarning().noquote() << status.error().describe();
    return status.ok();
}

// A writable copy of the shared sqlite fixture folder (database + artifacts).
QString copyShared(const QTemporaryDir& dir)
{
    const QString root = dir.filePath(u"sqlite"_s);
    if (!TestFixtures::copyTree(TestFixtures::dataPath(u"mlflow/sqlite"_s), root))
        return {};
    return QDir(root).filePath(u"mlflow.db"_s);
}

QByteArray fingerprintOf(const MlflowSqliteStore& store, const QString& experimentId, const QString& runId)
{
    Experiment experiment;
    experiment.experimentId = experimentId;
    const auto scan = store.scanRuns(experiment, CancellationToken());
    if (!scan)
        return {};
    for (const RunStamp& stamp : scan->runs) {
        if (stamp.runId == runId)
            return stamp.fingerprint;
    }
    return {};
}

} // namespace

class tst_MlflowSqliteStore : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();

    // MLflow 3.2 database written through a real server
    void describesTheStore();
    void scansEveryExperimentWithTags();
    void stampsEveryRunOfEveryExperiment();
    void readsRunsAsTheManifestRecords();
    void readsRunAttributes();
    void decodesNanAndInfinity();
    void readsDatasetInputsAndModelLinks();
    void listsLocalArtifacts();
    void scansLoggedModels();
    void scansTheRegistry();

    // MLflow 2.22 database
    void readsMlflow2RunsAsMlflowReportsThem();
    void readsMlflow2Registry();
    void mlflow2HasNoLoggedModels();

    // fingerprints
    void fingerprintChangesWhenAnythingOfTheRunChanges();

    // damaged and foreign files
    void rejectsDatabaseThatIsNotMlflows();
    void rejectsFileThatIsNotSqlite();
    void rejectsTruncatedDatabase();
    void warnsAboutUnknownSchemaRevision();
    void reportsRowsItCannotUnderstand();
    void readsArtifactsFromMlartifactsFolder();

    // the store stays untouched; threads
    void readingEverythingLeavesTheStoreUntouched();
    void readingAWalModeDatabaseSeesAWritersCommits();
    void readsFromAnotherThreadThanItWasOpenedOn();
    void cancelledScanStops();

private:
    std::unique_ptr<MlflowSqliteStore> m_store;
    RunsByName m_runs;
};

void tst_MlflowSqliteStore::initTestCase()
{
    m_store = openStore(sharedDb());
    QVERIFY(m_store);
    m_runs = readAllRuns(*m_store);
    QCOMPARE(m_runs.size(), size_t(30));
}

void tst_MlflowSqliteStore::describesTheStore()
{
    const StoreDescription description = m_store->describe();
    QCOMPARE(description.kindName, u"MLflow SQLite backend"_s);
    QCOMPARE(description.schemaRevision, u"770bee3ae1dd"_s);
    QCOMPARE(description.mlflowGeneration, u"MLflow 3.x"_s);
    QCOMPARE(m_store->maxConcurrentReads(), 1);
    QCOMPARE(m_store->location().path, sharedDb());

    auto mlflow2 = openStore(mlflow2Db());
    QVERIFY(mlflow2);
    QCOMPARE(mlflow2->describe().schemaRevision, u"0584bdc529eb"_s);
    QCOMPARE(mlflow2->describe().mlflowGeneration, u"MLflow 2.x"_s);
}

void tst_MlflowSqliteStore::scansEveryExperimentWithTags()
{
    const auto scan = m_store->scanExperiments(CancellationToken());
    QVERIFY(scan);
    QVERIFY(scan->issues.isEmpty());
    QStringList names;
    for (const Experiment& e : scan->experiments)
        names << e.name;
    // Sorted by name (QString order: upper case before lower case).
    QCOMPARE(names,
        QStringList({ u"Default"_s, u"Prévision des ventes — 売上予測 📈"_s, u"churn-prediction"_s, u"iris-classifier"_s,
            u"old-baselines-2024"_s }));

    const QJsonObject manifest = sharedManifest()[u"experiments"_s].toObject();
    for (const Experiment& e : scan->experiments) {
        if (e.name == u"Default")
            QCOMPARE(e.experimentId, u"0"_s);
        else
            QCOMPARE(e.experimentId, manifest[e.name].toObject()[u"id"_s].toString());
        QCOMPARE(e.artifactLocation, u"mlflow-artifacts:/"_s + e.experimentId);
        QVERIFY(e.creationTime.has_value());
    }
    const Experiment& deleted = scan->experiments.at(4);
    QCOMPARE(deleted.lifecycleStage, LifecycleStage::Deleted);
    QCOMPARE(deleted.tags, KeyValueList({ { u"team"_s, u"vision"_s } }));
    QCOMPARE(*deleted.creationTime, 1795321802853);
    QCOMPARE(*deleted.lastUpdateTime, 1795321802990);

    const Experiment& iris = scan->experiments.at(3);
    QCOMPARE(iris.lifecycleStage, LifecycleStage::Active);
    QCOMPARE(iris.tags.size(), 3);
    QCOMPARE(iris.tags.at(0).key, MlflowTags::Note);
    QVERIFY(iris.tags.at(0).value.startsWith(u"Iris species classifier."_s));
    QCOMPARE(iris.tags.at(1), (KeyValue { u"project"_s, u"flowers"_s }));
    QCOMPARE(iris.tags.at(2), (KeyValue { u"team"_s, u"vision"_s }));
    QCOMPARE(valueOf(scan->experiments.at(1).tags, u"équipe"), u"finance-données"_s);
}

void tst_MlflowSqliteStore::stampsEveryRunOfEveryExperiment()
{
    const auto experiments = m_store->scanExperiments(CancellationToken());
    QVERIFY(experiments);
    std::map<QString, int> perExperiment;
    QSet<QByteArray> fingerprints;
    for (const Experiment& experiment : experiments->experiments) {
        const auto scan = m_store->scanRuns(experiment, CancellationToken());
        QVERIFY(scan);
        QVERIFY(scan->complete);
        QVERIFY(scan->issues.isEmpty());
        for (const RunStamp& stamp : scan->runs) {
            QCOMPARE(stamp.experimentId, experiment.experimentId);
            QCOMPARE(stamp.fingerprint.size(), 40);
            fingerprints.insert(stamp.fingerprint);
        }
        perExperiment[experiment.name] = int(scan->runs.size());
        for (qsizetype i = 1; i < scan->runs.size(); ++i)
            QVERIFY(scan->runs.at(i - 1).runId < scan->runs.at(i).runId);
    }
    QCOMPARE(perExperiment[u"Default"_s], 1);
    QCOMPARE(perExperiment[u"iris-classifier"_s], 13);
    QCOMPARE(perExperiment[u"churn-prediction"_s], 9);
    QCOMPARE(perExperiment[u"Prévision des ventes — 売上予測 📈"_s], 5);
    QCOMPARE(perExperiment[u"old-baselines-2024"_s], 2);
    QCOMPARE(fingerprints.size(), 30); // every run differs, so every fingerprint does

    // Stamps are stable: scanning again gives the same fingerprints.
    const auto again = m_store->scanRuns(experiments->experiments.at(3), CancellationToken());
    QVERIFY(again);
    for (const RunStamp& stamp : again->runs)
        QVERIFY(fingerprints.contains(stamp.fingerprint));
}

void tst_MlflowSqliteStore::readsRunsAsTheManifestRecords()
{
    const QJsonObject runs = sharedManifest()[u"runs"_s].toObject();
    QCOMPARE(runs.size(), 30);
    qint64 totalPoints = 0;
    for (auto it = runs.begin(); it != runs.end(); ++it) {
        const QJsonObject expected = it.value().toObject();
        QVERIFY2(m_runs.count(it.key()), qPrintable(it.key()));
        const ReadRun& run = m_runs.at(it.key());
        const RunInfo& info = run.record.info;
        QCOMPARE(info.runId, expected[u"run_id"_s].toString());
        QCOMPARE(run.stamp.runId, info.runId);
        QCOMPARE(info.experimentId, expected[u"experiment_id"_s].toString());
        QCOMPARE(runStatusName(info.status), expected[u"status"_s].toString());
        QCOMPARE(lifecycleStageName(info.lifecycleStage), expected[u"lifecycle_stage"_s].toString());
        QCOMPARE(run.record.parentRunId(), expected[u"parent"_s].toString());
        QCOMPARE(run.record.params.size(), expected[u"n_params"_s].toInt());
        QCOMPARE(valueOf(run.record.tags, MlflowTags::RunName), it.key());

        const QJsonObject metrics = expected[u"metrics"_s].toObject();
        QCOMPARE(keysOf(run.record.metrics), metrics.keys()); // both sorted by key
        QCOMPARE(run.histories.size(), metrics.size());
        for (auto m = metrics.begin(); m != metrics.end(); ++m) {
            const MetricHistoryRead* history = historyOf(run, m.key());
            QVERIFY2(history, qPrintable(it.key() + u'/' + m.key()));
            QCOMPARE(history->history.size(), m.value().toInteger());
            totalPoints += history->history.size();
        }
        for (qsizetype i = 1; i < run.record.params.size(); ++i)
            QVERIFY(run.record.params.at(i - 1).key < run.record.params.at(i).key);
        for (qsizetype i = 1; i < run.record.tags.size(); ++i)
            QVERIFY(run.record.tags.at(i - 1).key < run.record.tags.at(i).key);
    }
    QCOMPARE(totalPoints, sharedManifest()[u"counts"_s].toObject()[u"metric_points_logged"_s].toInteger());
    QCOMPARE(m_runs.at(u"trial-03"_s).record.parentRunId(), m_runs.at(u"hpo-logreg-sweep"_s).record.info.runId);
    QCOMPARE(valueOf(m_runs.at(u"gbm-lr0.1-d8"_s).record.params, u"feature_list").size(), 5000);
    QCOMPARE(valueOf(m_runs.at(u"base-naïve"_s).record.params, u"saisonnalité"), u"aucune"_s);
}

void tst_MlflowSqliteStore::readsRunAttributes()
{
    const RunInfo& quick = m_runs.at(u"quick-check"_s).record.info;
    QCOMPARE(quick.userId, u"alice"_s);
    QCOMPARE(*quick.startTime, 1740819600000);
    QCOMPARE(*quick.endTime, 1740819604000);
    QVERIFY(!quick.deletedTime);
    QCOMPARE(quick.artifactUri, u"mlflow-artifacts:/0/6c943f96902d47c5a8fe56f079d2e826/artifacts"_s);

    const RunInfo& running = m_runs.at(u"nightly-retrain"_s).record.info;
    QCOMPARE(running.status, RunStatus::Running);
    QVERIFY(running.startTime.has_value());
    QVERIFY(!running.endTime.has_value());

    const RunInfo& deleted = m_runs.at(u"scratch-debug"_s).record.info;
    QCOMPARE(deleted.lifecycleStage, LifecycleStage::Deleted);
    QCOMPARE(*deleted.deletedTime, 1795321801593);

    QCOMPARE(m_runs.at(u"gbm-lr0.2-d4"_s).record.info.userId, u"dörte"_s);
    QCOMPARE(m_runs.at(u"trial-05"_s).record.info.status, RunStatus::Killed);
    QCOMPARE(m_runs.at(u"ensemble-✓"_s).record.info.runName, u"ensemble-✓"_s);

    // Metric stamps differ between keys and are stable across reads.
    const RunRecord& record = m_runs.at(u"trial-00"_s).record;
    QCOMPARE(keysOf(record.metrics), QStringList({ u"train_loss"_s, u"val_accuracy"_s, u"val_loss"_s }));
    QVERIFY(record.metrics.at(0).fingerprint != record.metrics.at(1).fingerprint);
    const auto again = m_store->readRun(m_runs.at(u"trial-00"_s).stamp);
    QVERIFY(again);
    QCOMPARE(again->metrics.at(2).fingerprint, record.metrics.at(2).fingerprint);
    QVERIFY(again->issues.isEmpty());

    // Only the keys asked for are read; a key without points is reported, not invented.
    const RunStamp& stamp = m_runs.at(u"trial-00"_s).stamp;
    const auto some = m_store->readMetrics(stamp, { u"val_loss"_s, u"no_such_metric"_s, u"train_loss"_s });
    QVERIFY(some);
    QCOMPARE(some->histories.size(), 2);
    QCOMPARE(some->histories.at(0).key, u"train_loss"_s);
    QCOMPARE(some->histories.at(1).key, u"val_loss"_s);
    QCOMPARE(some->histories.at(1).history.size(), 200);
    QCOMPARE(some->issues.size(), 1);
    QCOMPARE(some->issues.at(0).severity, StoreIssue::Severity::Warning);
    QCOMPARE(some->issues.at(0).runId, stamp.runId);
    QCOMPARE(some->issues.at(0).experimentId, u"1"_s);
    QVERIFY(some->issues.at(0).message.contains(u"no_such_metric"_s));
    const auto none = m_store->readMetrics(stamp, {});
    QVERIFY(none);
    QVERIFY(none->histories.isEmpty());
}

void tst_MlflowSqliteStore::decodesNanAndInfinity()
{
    const ReadRun& run = m_runs.at(u"gbm-lr1.0-diverged"_s);
    const auto count = [&](const QString& key, auto predicate) {
        const MetricHistoryRead* read = historyOf(run, key);
        return read ? std::count_if(read->history.points().begin(), read->history.points().end(), predicate) : -1;
    };
    const auto isNan = [](const MetricPoint& p) { return std::isnan(p.value); };
    const auto isPlusInf = [](const MetricPoint& p) { return std::isinf(p.value) && p.value > 0; };
    const auto isMinusInf = [](const MetricPoint& p) { return std::isinf(p.value) && p.value < 0; };
    QCOMPARE(count(u"train_logloss"_s, isNan), 81);
    QCOMPARE(count(u"train_logloss"_s, isPlusInf), 82);
    QCOMPARE(count(u"val_auc"_s, isNan), 163);
    QCOMPARE(count(u"grad_norm"_s, isPlusInf), 20);
    QCOMPARE(count(u"min_hessian"_s, isMinusInf), 1);
    QCOMPARE(count(u"train_auc"_s, isNan), 0);

    // The inf starts at step 37 of train_logloss; the latest value (step 199) is inf.
    const MetricHistoryRead* logloss = historyOf(run, u"train_logloss"_s);
    QVERIFY(std::isfinite(logloss->history.points().at(36).value));
    QCOMPARE(logloss->history.points().at(37).step, 37);
    QVERIFY(!std::isfinite(logloss->history.points().at(37).value));
    QVERIFY(std::isinf(logloss->history.latest()->value));
    const MetricHistoryRead* hessian = historyOf(run, u"min_hessian"_s);
    QCOMPARE(hessian->history.latest()->step, 2);
    QVERIFY(std::isinf(hessian->history.latest()->value) && hessian->history.latest()->value < 0);
}

void tst_MlflowSqliteStore::readsDatasetInputsAndModelLinks()
{
    qsizetype total = 0;
    for (const auto& [name, run] : m_runs)
        total += run.record.datasetInputs.size();
    QCOMPARE(total, 11);

    const RunRecord& logreg = m_runs.at(u"logreg-final"_s).record;
    QCOMPARE(logreg.datasetInputs.size(), 2);
    const DatasetInput& test = logreg.datasetInputs.at(0);
    QCOMPARE(test.dataset.name, u"iris-test"_s);
    QCOMPARE(test.dataset.digest, u"e761a872"_s);
    QCOMPARE(test.dataset.sourceType, u"s3"_s);
    QCOMPARE(test.dataset.source, u"{\"uri\": \"s3://ml-datasets/iris/v3/test.parquet\"}"_s);
    QCOMPARE(test.dataset.profile, u"{\"num_rows\": 30, \"num_elements\": 150}"_s);
    QVERIFY(test.dataset.schema.startsWith(u"{\"mlflow_colspec\""_s));
    QCOMPARE(test.context(), u"evaluation"_s);
    QCOMPARE(test.tags,
        KeyValueList({ { MlflowTags::DatasetContext, u"evaluation"_s }, { u"split"_s, u"holdout-20pct"_s } }));
    QCOMPARE(logreg.datasetInputs.at(1).dataset.name, u"iris-train"_s);
    QCOMPARE(logreg.datasetInputs.at(1).context(), u"training"_s);
    QVERIFY(logreg.modelInputs.isEmpty());
    QCOMPARE(logreg.modelOutputs.size(), 1);
    QCOMPARE(logreg.modelOutputs.at(0).modelId, u"m-02357fd5783e41b8ac7e4a5f5bdfa388"_s);
    QCOMPARE(logreg.modelOutputs.at(0).step, 200);

    const RunRecord& churn = m_runs.at(u"gbm-lr0.05-d4"_s).record;
    QCOMPARE(churn.datasetInputs.size(), 1);
    QCOMPARE(churn.datasetInputs.at(0).dataset.source,
        u"{\"url\": \"https://data.example.com/exports/churn_2025q1.csv\"}"_s);
    QCOMPARE(valueOf(churn.datasetInputs.at(0).tags, u"window"), u"2025-01-01..2025-03-31"_s);

    const RunRecord& eval = m_runs.at(u"eval-champion-weekly"_s).record;
    QCOMPARE(eval.modelInputs.size(), 1);
    QCOMPARE(eval.modelInputs.at(0).modelId, u"m-02357fd5783e41b8ac7e4a5f5bdfa388"_s);
    QVERIFY(eval.modelOutputs.isEmpty());
    QCOMPARE(eval.datasetInputs.size(), 1);

    QCOMPARE(m_runs.at(u"ensemble-✓"_s).record.modelOutputs.at(0).step, 0);
    QVERIFY(m_runs.at(u"trial-00"_s).record.datasetInputs.isEmpty());
}

void tst_MlflowSqliteStore::listsLocalArtifacts()
{
    const ArtifactList& artifacts = m_runs.at(u"logreg-final"_s).record.artifacts;
    QStringList paths;
    for (const ArtifactEntry& entry : artifacts)
        paths << entry.path;
    QCOMPARE(paths,
        QStringList({ u"config"_s, u"config/train_config.json"_s, u"plots"_s, u"plots/train_loss.png"_s, u"reports"_s,
            u"reports/summary.txt"_s }));
    QVERIFY(artifacts.at(0).isDir);
    QCOMPARE(artifacts.at(0).size, 0);
    QVERIFY(!artifacts.at(1).isDir);
    QCOMPARE(artifacts.at(1).size, 277);
    QCOMPARE(artifacts.at(3).size, 4667);

    const ArtifactList& unicode = m_runs.at(u"ensemble-✓"_s).record.artifacts;
    QCOMPARE(unicode.size(), 2);
    QCOMPARE(unicode.at(1).path, u"rapport/résumé.txt"_s);

    // No artifacts were uploaded for this run: its folder does not exist.
    QVERIFY(m_runs.at(u"trial-00"_s).record.artifacts.isEmpty());
}

void tst_MlflowSqliteStore::scansLoggedModels()
{
    const auto experiments = m_store->scanExperiments(CancellationToken());
    QVERIFY(experiments);
    QList<LoggedModel> models;
    for (const Experiment& experiment : experiments->experiments) {
        const auto scan = m_store->scanLoggedModels(experiment);
        QVERIFY(scan);
        QVERIFY(scan->issues.isEmpty());
        for (const LoggedModel& model : scan->models)
            QCOMPARE(model.experimentId, experiment.experimentId);
        models << scan->models;
    }
    QCOMPARE(models.size(), 6);

    const QJsonObject manifest = sharedManifest()[u"logged_models"_s].toObject();
    for (auto it = manifest.begin(); it != manifest.end(); ++it) {
        const QJsonObject expected = it.value().toObject();
        const auto model = std::find_if(models.cbegin(), models.cend(),
            [&](const LoggedModel& m) { return m.modelId == expected[u"model_id"_s].toString(); });
        QVERIFY2(model != models.cend(), qPrintable(it.key()));
        QCOMPARE(model->sourceRunId, expected[u"run_id"_s].toString());
        QCOMPARE(model->status, u"READY"_s);
        QCOMPARE(model->origin, LoggedModel::Origin::LoggedModelEntity);
        QCOMPARE(model->flavors, QStringList({ u"python_function"_s, u"sklearn"_s }));
        QVERIFY(model->creationTime && model->lastUpdatedTime);
    }

    const auto logreg = std::find_if(models.cbegin(), models.cend(),
        [](const LoggedModel& m) { return m.modelId == u"m-02357fd5783e41b8ac7e4a5f5bdfa388"; });
    QCOMPARE(logreg->name, u"model"_s);
    QCOMPARE(logreg->artifactLocation, u"mlflow-artifacts:/1/models/m-02357fd5783e41b8ac7e4a5f5bdfa388/artifacts"_s);
    QCOMPARE(logreg->params.size(), 6);
    QCOMPARE(logreg->tags.size(), 8);
    QVERIFY(logreg->modelType.isEmpty());
    QCOMPARE(logreg->metrics.size(), 1);
    const LoggedModelMetric& accuracy = logreg->metrics.at(0);
    QCOMPARE(accuracy.key, u"test_accuracy"_s);
    QCOMPARE(accuracy.value, 0.933333333333333);
    QCOMPARE(accuracy.step, 0);
    QCOMPARE(accuracy.timestamp, 1741001700000);
    QCOMPARE(accuracy.runId, u"5b99d869bbe84d0290426ff716fba0ad"_s);
    QCOMPARE(accuracy.datasetName, u"iris-test"_s);
    QCOMPARE(accuracy.datasetDigest, u"e761a872"_s);

    const auto ensemble
        = std::find_if(models.cbegin(), models.cend(), [](const LoggedModel& m) { return m.name == u"modèle"; });
    QVERIFY(ensemble != models.cend());
    QCOMPARE(ensemble->metrics.size(), 2);
    QCOMPARE(ensemble->metrics.at(0).key, u"mape"_s); // sorted by key
    QCOMPARE(ensemble->metrics.at(1).key, u"précision"_s);
    QVERIFY(ensemble->metrics.at(0).datasetName.isEmpty());

    const auto churn = std::find_if(models.cbegin(), models.cend(),
        [](const LoggedModel& m) { return m.modelId == u"m-a56fbc59a141404a85b70783091b625b"; });
    QCOMPARE(churn->modelType, u"classifier"_s);
    QCOMPARE(churn->params.size(), 25);
}

void tst_MlflowSqliteStore::scansTheRegistry()
{
    const auto scan = m_store->scanRegistry();
    QVERIFY(scan);
    QVERIFY(scan->issues.isEmpty());
    QCOMPARE(scan->models.size(), 3);
    QCOMPARE(scan->models.at(0).name, u"churn-model"_s);
    QCOMPARE(scan->models.at(1).name, u"iris-classifier"_s);
    QCOMPARE(scan->models.at(2).name, u"prévision-ventes-日本"_s);

    const QJsonObject manifest = sharedManifest()[u"registered_models"_s].toObject();
    qsizetype versions = 0;
    qsizetype aliases = 0;
    for (const RegisteredModel& model : scan->models) {
        const QJsonObject expected = manifest[model.name].toObject();
        const QJsonObject expectedVersions = expected[u"versions"_s].toObject();
        QCOMPARE(model.versions.size(), expectedVersions.size());
        for (const ModelVersion& version : model.versions) {
            const QJsonObject v = expectedVersions[QString::number(version.version)].toObject();
            QCOMPARE(version.name, model.name);
            QCOMPARE(version.runId, v[u"run_id"_s].toString());
            QCOMPARE(version.stage, v[u"stage"_s].toString());
            QCOMPARE(version.source, v[u"source"_s].toString());
            QCOMPARE(version.status, u"READY"_s);
            QVERIFY(version.modelId.isEmpty());
            QVERIFY(version.storageLocation.startsWith(u"mlflow-artifacts:/"_s));
        }
        const QJsonObject expectedAliases = expected[u"aliases"_s].toObject();
        QCOMPARE(model.aliases.size(), expectedAliases.size());
        for (const ModelAlias& alias : model.aliases)
            QCOMPARE(QString::number(alias.version), expectedAliases[alias.alias].toString());
        versions += model.versions.size();
        aliases += model.aliases.size();
    }
    QCOMPARE(versions, 6);
    QCOMPARE(aliases, 4);

    const RegisteredModel& iris = scan->models.at(1);
    QCOMPARE(iris.description, u"Iris species classifier (3 classes)."_s);
    QCOMPARE(*iris.creationTime, 1795321803036);
    QCOMPARE(iris.tags, KeyValueList({ { u"owner"_s, u"alice"_s }, { u"task"_s, u"classification"_s } }));
    QCOMPARE(iris.aliases, QList<ModelAlias>({ { u"challenger"_s, 3 }, { u"champion"_s, 2 } }));
    const ModelVersion& production = iris.versions.at(1);
    QCOMPARE(production.version, 2);
    QCOMPARE(production.description, u"Logistic regression C=1.0; promoted after weekly eval."_s);
    QCOMPARE(production.tags.size(), 4);
    QCOMPARE(production.tags.at(0), (KeyValue { u"deploy.deployed_at"_s, u"2025-03-05T10:00:00Z"_s }));
    QCOMPARE(valueOf(production.tags, u"validation_status"), u"approved"_s);
    QCOMPARE(*production.creationTime, 1795321803241);
    QCOMPARE(*production.lastUpdatedTime, 1795321803316);
    QVERIFY(scan->models.at(0).versions.at(0).description.isEmpty()); // NULL in the database
}

void tst_MlflowSqliteStore::readsMlflow2RunsAsMlflowReportsThem()
{
    auto store = openStore(mlflow2Db());
    QVERIFY(store);
    const RunsByName runs = readAllRuns(*store);
    const QJsonObject expected = mlflow2Expected();
    const QJsonArray all = expected[u"runs_all"_s].toArray();
    QCOMPARE(runs.size(), size_t(all.size()));
    QCOMPARE(all.size(), 12);
    for (const QJsonValue& value : all) {
        const QJsonObject e = value.toObject();
        const QString name = e[u"run_name"_s].toString();
        QVERIFY2(runs.count(name), qPrintable(name));
        const ReadRun& run = runs.at(name);
        const RunInfo& info = run.record.info;
        QCOMPARE(info.runId, e[u"run_id"_s].toString());
        QCOMPARE(info.experimentId, e[u"experiment_id"_s].toString());
        QCOMPARE(runStatusName(info.status), e[u"status"_s].toString());
        QCOMPARE(lifecycleStageName(info.lifecycleStage), e[u"lifecycle_stage"_s].toString());
        QCOMPARE(*info.startTime, e[u"start_time"_s].toInteger());
        QCOMPARE(*info.endTime, e[u"end_time"_s].toInteger());
        QCOMPARE(info.userId, e[u"user"_s].toString());
        QCOMPARE(run.record.parentRunId(), e[u"parent_run_id"_s].toString());

        const QVariantMap params = e[u"params"_s].toObject().toVariantMap();
        QCOMPARE(run.record.params.size(), params.size());
        for (const KeyValue& kv : run.record.params)
            QCOMPARE(kv.value, params.value(kv.key).toString());
        const QVariantMap tags = e[u"tags"_s].toObject().toVariantMap();
        QCOMPARE(run.record.tags.size(), tags.size());
        for (const KeyValue& kv : run.record.tags)
            QCOMPARE(kv.value, tags.value(kv.key).toString());

        // MLflow's latest metric values equal MetricHistory::latest() of the histories read.
        const QJsonObject latest = e[u"metrics"_s].toObject();
        QCOMPARE(run.histories.size(), latest.size());
        for (const MetricHistoryRead& history : run.histories)
            QCOMPARE(history.history.latest()->value, latest[history.key].toDouble());
        const QJsonObject points = expected[u"metric_points"_s].toObject()[info.runId].toObject();
        QCOMPARE(run.histories.size(), points.size());
        for (const MetricHistoryRead& history : run.histories)
            QCOMPARE(history.history.size(), points[history.key].toInteger());
        QVERIFY(run.record.modelOutputs.isEmpty());
        QVERIFY(run.record.issues.isEmpty());
    }

    const RunRecord& rf = runs.at(u"rf-final"_s).record;
    QCOMPARE(rf.datasetInputs.size(), 2);
    QCOMPARE(rf.datasetInputs.at(0).dataset.name, u"wine-test"_s);
    QCOMPARE(rf.datasetInputs.at(0).dataset.digest, u"ea2293a2"_s);
    QCOMPARE(rf.datasetInputs.at(1).context(), u"training"_s);
    QVERIFY(!valueOf(rf.tags, MlflowTags::LogModelHistory).isEmpty());
    QStringList paths;
    for (const ArtifactEntry& entry : rf.artifacts)
        paths << entry.path;
    QVERIFY(paths.contains(u"model/MLmodel"_s));
    QVERIFY(paths.contains(u"config/train_config.json"_s));
}

void tst_MlflowSqliteStore::readsMlflow2Registry()
{
    auto store = openStore(mlflow2Db());
    QVERIFY(store);
    const auto scan = store->scanRegistry();
    QVERIFY(scan);
    QCOMPARE(scan->models.size(), 1);
    const RegisteredModel& model = scan->models.at(0);
    const QJsonObject expectedModel = mlflow2Expected()[u"registered_models"_s].toArray().at(0).toObject();
    QCOMPARE(model.name, expectedModel[u"name"_s].toString());
    QCOMPARE(model.description, expectedModel[u"description"_s].toString());
    QCOMPARE(model.tags, KeyValueList({ { u"owner"_s, u"maria"_s }, { u"task"_s, u"regression"_s } }));
    QCOMPARE(model.aliases, QList<ModelAlias>({ { u"challenger"_s, 3 }, { u"champion"_s, 2 } }));

    const QJsonArray versions = mlflow2Expected()[u"model_versions"_s].toArray();
    QCOMPARE(model.versions.size(), versions.size());
    for (qsizetype i = 0; i < versions.size(); ++i) {
        const QJsonObject e = versions.at(i).toObject();
        const ModelVersion& version = model.versions.at(i);
        QCOMPARE(QString::number(version.version), e[u"version"_s].toString());
        QCOMPARE(version.runId, e[u"run_id"_s].toString());
        QCOMPARE(version.source, e[u"source"_s].toString());
        QCOMPARE(version.stage, e[u"stage"_s].toString());
        QCOMPARE(version.description, e[u"description"_s].toString());
        const QVariantMap tags = e[u"tags"_s].toObject().toVariantMap();
        QCOMPARE(version.tags.size(), tags.size());
        for (const KeyValue& kv : version.tags)
            QCOMPARE(kv.value, tags.value(kv.key).toString());
        QVERIFY(version.modelId.isEmpty());
    }
    QCOMPARE(model.versions.at(0).storageLocation, u"runs:/9a003162f2904e869d463de645ca539f/model"_s);
}

void tst_MlflowSqliteStore::mlflow2HasNoLoggedModels()
{
    auto store = openStore(mlflow2Db());
    QVERIFY(store);
    const auto experiments = store->scanExperiments(CancellationToken());
    QVERIFY(experiments);
    QVERIFY(experiments->issues.isEmpty()); // 0584bdc529eb is a known revision
    QCOMPARE(experiments->experiments.size(), 2);
    QCOMPARE(experiments->experiments.at(1).name, u"wine-quality"_s);
    QCOMPARE(valueOf(experiments->experiments.at(1).tags, u"team").isEmpty(), false);
    for (const Experiment& experiment : experiments->experiments) {
        const auto models = store->scanLoggedModels(experiment);
        QVERIFY(models);
        QVERIFY(models->models.isEmpty());
        QVERIFY(models->issues.isEmpty());
    }
}

void tst_MlflowSqliteStore::fingerprintChangesWhenAnythingOfTheRunChanges()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString db = copyShared(dir);
    QVERIFY(!db.isEmpty());
    const QString trial = m_runs.at(u"trial-01"_s).record.info.runId;
    const QString other = m_runs.at(u"trial-02"_s).record.info.runId;
    const QString logreg = m_runs.at(u"logreg-final"_s).record.info.runId;

    struct Change
    {
        QString what;
        QString runId;
        QString sql;
    };
    const QList<Change> changes {
        { u"tag value"_s, trial, u"UPDATE tags SET value = 'x' WHERE key = 'mlflow.runName' AND run_uuid = '%1'"_s },
        { u"new param"_s, trial, u"INSERT INTO params VALUES ('extra', '1', '%1')"_s },
        { u"end time"_s, trial, u"UPDATE runs SET end_time = end_time + 1 WHERE run_uuid = '%1'"_s },
        // A point below the latest step: latest_metrics stays as it is, the point count changes.
        { u"backfilled point"_s, trial, u"INSERT INTO metrics VALUES ('train_loss', 0.5, 1, '%1', 3, 0)"_s },
        { u"latest metric"_s, trial,
            u"UPDATE latest_metrics SET is_nan = 1 WHERE key = 'val_loss' AND run_uuid = '%1'"_s },
        { u"input tag"_s, logreg,
            u"UPDATE input_tags SET value = 'holdout-25pct' WHERE name = 'split' AND input_uuid IN (SELECT input_uuid "
            "FROM inputs WHERE destination_id = '%1')"_s },
        { u"model output step"_s, logreg, u"UPDATE inputs SET step = 199 WHERE source_id = '%1'"_s },
    };
    for (const Change& change : changes) {
        QByteArray before;
        QByteArray otherBefore;
        QByteArray metricBefore;
        {
            auto store = openStore(db);
            QVERIFY(store);
            before = fingerprintOf(*store, u"1"_s, change.runId);
            otherBefore = fingerprintOf(*store, u"1"_s, other);
        }
        QVERIFY(!before.isEmpty());
        QVERIFY2(execOn(db, change.sql.arg(change.runId)), qPrintable(change.what));
        auto store = openStore(db);
        QVERIFY(store);
        QVERIFY2(fingerprintOf(*store, u"1"_s, change.runId) != before, qPrintable(change.what));
        QCOMPARE(fingerprintOf(*store, u"1"_s, other), otherBefore);
    }

    // The backfilled point changed the train_loss stamp of trial-01 but not its other stamps.
    auto store = openStore(db);
    QVERIFY(store);
    const auto record = store->readRun(m_runs.at(u"trial-01"_s).stamp);
    QVERIFY(record);
    const QList<MetricStamp>& original = m_runs.at(u"trial-01"_s).record.metrics;
    QCOMPARE(record->metrics.size(), 3);
    QVERIFY(record->metrics.at(0).fingerprint != original.at(0).fingerprint); // train_loss
    QCOMPARE(record->metrics.at(1).fingerprint, original.at(1).fingerprint); // val_accuracy
    const auto history = store->readMetrics(m_runs.at(u"trial-01"_s).stamp, { u"train_loss"_s });
    QVERIFY(history);
    QCOMPARE(history->histories.at(0).history.size(), 201);
}

void tst_MlflowSqliteStore::rejectsDatabaseThatIsNotMlflows()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(u"mlflow.db"_s);
    QVERIFY(
        execOn(path, u"CREATE TABLE recipes (name TEXT, minutes INTEGER); INSERT INTO recipes VALUES ('tea', 3)"_s));
    const auto store = MlflowSqliteStore::open(locationOf(path));
    QVERIFY(!store);
    QCOMPARE(store.error().code, ErrorCode::Corrupt);
    QCOMPARE(store.error().message, u"not an MLflow tracking database: table 'runs' is missing"_s);
    QCOMPARE(store.error().location, path);

    // A database with runs but no experiments is not MLflow's either.
    QVERIFY(execOn(path, u"CREATE TABLE runs (run_uuid TEXT)"_s));
    const auto partial = MlflowSqliteStore::open(locationOf(path));
    QVERIFY(!partial);
    QCOMPARE(partial.error().message, u"not an MLflow tracking database: table 'experiments' is missing"_s);

    const auto missing = MlflowSqliteStore::open(locationOf(dir.filePath(u"absent.db"_s)));
    QVERIFY(!missing);
    QCOMPARE(missing.error().code, ErrorCode::NotFound);
    QVERIFY(!QFile::exists(dir.filePath(u"absent.db"_s)));
}

void tst_MlflowSqliteStore::rejectsFileThatIsNotSqlite()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(u"mlflow.db"_s);
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("experiments:\n  - name: iris\n" + QByteArray(200, 'x'));
    file.close();
    const auto store = MlflowSqliteStore::open(locationOf(path));
    QVERIFY(!store);
    QCOMPARE(store.error().code, ErrorCode::Corrupt);
    QCOMPARE(store.error().message, u"not an MLflow tracking database: the file is not an SQLite database"_s);
    QCOMPARE(store.error().location, path);

    QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    file.close();
    const auto empty = MlflowSqliteStore::open(locationOf(path));
    QVERIFY(!empty);
    QCOMPARE(empty.error().message, u"not an MLflow tracking database: the file is empty"_s);
}

void tst_MlflowSqliteStore::rejectsTruncatedDatabase()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(u"mlflow.db"_s);
    QFile source(sharedDb());
    QVERIFY(source.open(QIODevice::ReadOnly));
    const QByteArray bytes = source.readAll();
    QFile truncated(path);
    QVERIFY(truncated.open(QIODevice::WriteOnly));
    truncated.write(bytes.left(bytes.size() / 3));
    truncated.close();

    const auto store = MlflowSqliteStore::open(locationOf(path));
    QVERIFY(!store);
    QCOMPARE(store.error().code, ErrorCode::Corrupt);
    QVERIFY2(store.error().message.startsWith(u"the database file is truncated"_s), qPrintable(store.error().message));
    QCOMPARE(store.error().location, path);
}

void tst_MlflowSqliteStore::warnsAboutUnknownSchemaRevision()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString db = copyShared(dir);
    QVERIFY(execOn(db, u"UPDATE alembic_version SET version_num = 'feedc0ffee42'"_s));
    auto store = openStore(db);
    QVERIFY(store);
    QCOMPARE(store->describe().schemaRevision, u"feedc0ffee42"_s);
    const auto scan = store->scanExperiments(CancellationToken());
    QVERIFY(scan);
    QCOMPARE(scan->issues.size(), 1);
    const StoreIssue& issue = scan->issues.at(0);
    QCOMPARE(issue.severity, StoreIssue::Severity::Warning);
    QVERIFY(issue.location.startsWith(db));
    QVERIFY(issue.message.contains(u"'feedc0ffee42' is unknown to this version of Provenance"_s));
    QVERIFY(issue.message.contains(u"may be incomplete"_s));
    // ... and everything still reads.
    QCOMPARE(scan->experiments.size(), 5);
    QCOMPARE(readAllRuns(*store).size(), size_t(30));
}

void tst_MlflowSqliteStore::reportsRowsItCannotUnderstand()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString db = copyShared(dir);
    const QString failed = m_runs.at(u"trial-03"_s).record.info.runId;
    // The copy's CHECK constraints would refuse these values; MLflow's never wrote them.
    QVERIFY(execOn(db,
        u"PRAGMA ignore_check_constraints = ON; UPDATE runs SET status = 'PAUSED' WHERE run_uuid = '%1'; "
        "UPDATE logged_models SET status = 7 WHERE model_id = 'm-d6ba1f909e884dc0b5aaf1ae00260f5a'; "
        "INSERT INTO model_versions (name, version, current_stage, source, run_id) VALUES ('ghost', 1, 'None', 's', "
        "''); "
        "INSERT INTO model_versions (name, version, current_stage, source, run_id) "
        "VALUES ('iris-classifier', 4, 'Deleted_Internal', 'REDACTED-SOURCE-PATH', 'REDACTED-RUN-ID');"_s.arg(failed)));
    auto store = openStore(db);
    QVERIFY(store);
    Experiment iris;
    iris.experimentId = u"1"_s;
    const auto scan = store->scanRuns(iris, CancellationToken());
    QVERIFY(scan);
    QCOMPARE(scan->runs.size(), 12); // 13 minus the one that cannot be understood
    QCOMPARE(scan->issues.size(), 1);
    const StoreIssue& issue = scan->issues.at(0);
    QCOMPARE(issue.location, db + u" (table runs, "_s + failed + u')');
    QCOMPARE(issue.runId, failed);
    QCOMPARE(issue.experimentId, u"1"_s);
    QVERIFY(issue.message.contains(u"'PAUSED'"_s));
    const auto unreadable = store->readRun(m_runs.at(u"trial-03"_s).stamp);
    QVERIFY(!unreadable);
    QCOMPARE(unreadable.error().code, ErrorCode::Corrupt);

    const auto models = store->scanLoggedModels(iris);
    QVERIFY(models);
    QCOMPARE(models->models.size(), 2);
    QCOMPARE(models->issues.size(), 1);
    QCOMPARE(models->issues.at(0).location, db + u" (table logged_models, m-d6ba1f909e884dc0b5aaf1ae00260f5a)"_s);

    const auto registry = store->scanRegistry();
    QVERIFY(registry);
    QCOMPARE(registry->models.size(), 3);
    QCOMPARE(registry->models.at(1).versions.size(), 3); // the soft-deleted v4 is left out
    QCOMPARE(registry->issues.size(), 1);
    QCOMPARE(registry->issues.at(0).location, db + u" (table model_versions, ghost v1)"_s);

    const auto missingRun = store->readRun(RunStamp { u"0123456789abcdef0123456789abcdef"_s, u"1"_s, {}, {} });
    QVERIFY(!missingRun);
    QCOMPARE(missingRun.error().code, ErrorCode::NotFound);
}

void tst_MlflowSqliteStore::readsArtifactsFromMlartifactsFolder()
{
    // `mlflow server` without --artifacts-destination stores artifacts in ./mlartifacts.
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString db = copyShared(dir);
    QVERIFY(QDir(dir.filePath(u"sqlite"_s)).rename(u"artifacts"_s, u"mlartifacts"_s));
    auto store = openStore(db);
    QVERIFY(store);
    const auto record = store->readRun(m_runs.at(u"logreg-final"_s).stamp);
    QVERIFY(record);
    QCOMPARE(record->artifacts.size(), 6);

    // A client writing straight to the database records plain absolute paths.
    const QString folder = dir.filePath(u"elsewhere"_s);
    QVERIFY(QDir().mkpath(folder + u"/sub"_s));
    QVERIFY(execOn(db, u"UPDATE runs SET artifact_uri = '%1' WHERE run_uuid = '%2'"_s.arg(folder, record->info.runId)));
    auto reopened = openStore(db);
    const auto plain = reopened->readRun(m_runs.at(u"logreg-final"_s).stamp);
    QVERIFY(plain);
    QCOMPARE(plain->info.artifactUri, folder);
    QCOMPARE(plain->artifacts.size(), 1);
    QCOMPARE(plain->artifacts.at(0).path, u"sub"_s);
}

void tst_MlflowSqliteStore::readingEverythingLeavesTheStoreUntouched()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString db = copyShared(dir);
    const QString root = dir.filePath(u"sqlite"_s);
    // Digest from the parent, so that the sqlite folder's own mtime counts too: a journal
    // created and deleted again would still show.
    const QByteArray before = TestFixtures::treeDigest(dir.path());
    {
        auto store = openStore(db);
        QVERIFY(store);
        QCOMPARE(readAllRuns(*store).size(), size_t(30));
        const auto experiments = store->scanExperiments(CancellationToken());
        QVERIFY(experiments);
        for (const Experiment& experiment : experiments->experiments)
            QVERIFY(store->scanLoggedModels(experiment));
        QVERIFY(store->scanRegistry());
        QVERIFY(!QFile::exists(db + u"-journal"_s));
        QVERIFY(!QFile::exists(db + u"-wal"_s));
        QVERIFY(!QFile::exists(db + u"-shm"_s));
    }
    QCOMPARE(TestFixtures::treeDigest(dir.path()), before);
    QCOMPARE(QDir(root).entryList(QDir::Files | QDir::Hidden), QStringList({ u"mlflow.db"_s }));
}

void tst_MlflowSqliteStore::readingAWalModeDatabaseSeesAWritersCommits()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString db = copyShared(dir);
    {
        // A user's tool switched the copy to WAL and closed cleanly (no -wal file remains).
        auto rw = SqliteDatabase::open(db, SqliteDatabase::Mode::ReadWrite);
        QVERIFY(rw);
        QVERIFY(rw->exec(u"PRAGMA journal_mode = WAL"_s));
    }
    auto store = openStore(db);
    QVERIFY(store);
    QCOMPARE(readAllRuns(*store).size(), size_t(30));
    // A store that may be written is never opened immutable: a commit made while the reader
    // is open is what the next read sees.
    auto writer = SqliteDatabase::open(db, SqliteDatabase::Mode::ReadWrite);
    QVERIFY(writer);
    QVERIFY(writer->exec(u"INSERT INTO model_version_tags (key, value, name, version) "
                         "VALUES ('reviewed', 'yes', 'churn-model', 1)"_s));
    const auto registry = store->scanRegistry();
    QVERIFY(registry);
    const auto churn = std::find_if(registry->models.begin(), registry->models.end(),
        [](const RegisteredModel& m) { return m.name == u"churn-model"_s; });
    QVERIFY(churn != registry->models.end());
    QCOMPARE(valueOf(churn->versions.first().tags, u"reviewed"), u"yes"_s);
}

void tst_MlflowSqliteStore::readsFromAnotherThreadThanItWasOpenedOn()
{
    auto store = openStore(sharedDb());
    QVERIFY(store);
    const ReadRun& expected = m_runs.at(u"gbm-lr0.05-d4"_s);
    qsizetype params = -1;
    qsizetype histories = -1;
    std::unique_ptr<QThread> worker(QThread::create([&] {
        const auto record = store->readRun(expected.stamp);
        const auto metrics = store->readMetrics(expected.stamp, keysOf(expected.record.metrics));
        params = record ? record->params.size() : -2;
        histories = metrics ? metrics->histories.size() : -2;
    }));
    worker->start();
    QVERIFY(worker->wait(30000));
    QCOMPARE(params, 25);
    QCOMPARE(histories, 6);
    // ... and then again from this thread.
    QVERIFY(store->scanExperiments(CancellationToken()));
}

void tst_MlflowSqliteStore::cancelledScanStops()
{
    const CancellationToken cancel;
    cancel.cancel();
    Experiment iris;
    iris.experimentId = u"1"_s;
    const auto runs = m_store->scanRuns(iris, cancel);
    QVERIFY(!runs);
    QCOMPARE(runs.error().code, ErrorCode::Cancelled);
}

QTEST_GUILESS_MAIN(tst_MlflowSqliteStore)
#include "tst_MlflowSqliteStore.moc"
