#include "store/file/MlflowFileStore.h"

#include "jobs/WorkerPool.h"

#include "TestFixtures.h"
#include "domain/MlflowTags.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QTest>

#include <cmath>
#include <map>
#include <set>

using namespace prov;
using namespace Qt::StringLiterals;

namespace {

// One run as a sync sees it: stamp, record and every metric history.
struct ReadRun
{
    RunStamp stamp;
    RunRecord record;
    QList<MetricHistoryRead> histories;
};

// Everything the reader returns for a store, keyed by run id.
struct StoreContent
{
    QList<Experiment> experiments;
    std::map<QString, ReadRun> runs;
    QList<LoggedModel> loggedModels;
    QList<RegisteredModel> registry;
    StoreIssueList issues;
    QStringList errors;
};

// The pool readers fan out on; it outlives every store a test opens.
WorkerPool& workers()
{
    static WorkerPool pool;
    return pool;
}

MlflowFileStore openStore(const QString& path)
{
    StoreLocation location;
    location.kind = StoreLocation::Kind::FileStore;
    location.path = path;
    location.uri = u"file://"_s + path;
    return MlflowFileStore(location, workers());
}

QString sharedStorePath()
{
    return TestFixtures::dataPath(u"mlflow/mlruns"_s);
}

QString mlflow2StorePath()
{
    return TestFixtures::dataPath(u"mlflow2/mlruns"_s);
}

QJsonObject manifest()
{
    return TestFixtures::readJson(TestFixtures::dataPath(u"mlflow/manifest-filestore.json"_s)).object();
}

QJsonObject mlflow2Expected()
{
    return TestFixtures::mlflow2Expected(u"filestore"_s);
}

QStringList keysOf(const QList<MetricStamp>& stamps)
{
    QStringList keys;
    for (const MetricStamp& stamp : stamps)
        keys << stamp.key;
    return keys;
}

void readRuns(const MlflowFileStore& store, const Experiment& experiment, StoreContent& content)
{
    auto scan = store.scanRuns(experiment, {});
    if (!scan) {
        content.errors << scan.error().describe();
        return;
    }
    content.issues << scan->issues;
    for (const RunStamp& stamp : scan->runs) {
        auto record = store.readRun(stamp);
        if (!record) {
            content.errors << record.error().describe();
            continue;
        }
        content.issues << record->issues;
        auto metrics = store.readMetrics(stamp, keysOf(record->metrics));
        if (!metrics) {
            content.errors << metrics.error().describe();
            continue;
        }
        content.issues << metrics->issues;
        content.runs[stamp.runId] = ReadRun { stamp, *record, metrics->histories };
    }
}

StoreContent readStore(const MlflowFileStore& store)
{
    StoreContent content;
    auto experiments = store.scanExperiments({});
    if (!experiments) {
        content.errors << experiments.error().describe();
        return content;
    }
    content.experiments = experiments->experiments;
    content.issues << experiments->issues;
    for (const Experiment& experiment : std::as_const(content.experiments)) {
        readRuns(store, experiment, content);
        auto models = store.scanLoggedModels(experiment);
        if (models) {
            content.loggedModels << models->models;
            content.issues << models->issues;
        } else {
            content.errors << models.error().describe();
        }
    }
    auto registry = store.scanRegistry();
    if (registry) {
        content.registry = registry->models;
        content.issues << registry->issues;
    } else {
        content.errors << registry.error().describe();
    }
    return content;
}

QString describeIssues(const StoreIssueList& issues)
{
    QStringList lines;
    for (const StoreIssue& issue : issues)
        lines << issue.location + u": "_s + issue.message;
    return lines.join(u'\n');
}

const ReadRun* runNamed(const StoreContent& content, const QString& name)
{
    for (const auto& [id, run] : content.runs) {
        if (run.record.info.runName == name)
            return &run;
    }
    return nullptr;
}

const MetricHistory* historyOf(const ReadRun& run, const QString& key)
{
    for (const MetricHistoryRead& read : run.histories) {
        if (read.key == key)
            return &read.history;
    }
    return nullptr;
}

QJsonObject toJson(const KeyValueList& list)
{
    QJsonObject object;
    for (const KeyValue& kv : list)
        object.insert(kv.key, kv.value);
    return object;
}

} // namespace

// The file-store reader against the real MLflow 3.2 and 2.22 fixture stores and their
// manifests (tests/data/mlflow*/). The stores are read in place: reading never writes.
class tst_MlflowFileStore : public QObject
{
    Q_OBJECT

private:
    StoreContent m_shared;
    StoreContent m_mlflow2;

private Q_SLOTS:
    void initTestCase()
    {
        m_shared = readStore(openStore(sharedStorePath()));
        m_mlflow2 = readStore(openStore(mlflow2StorePath()));
    }

    void readsTheWholeStoreWithoutIssues()
    {
        QVERIFY2(m_shared.errors.isEmpty(), qPrintable(m_shared.errors.join(u'\n')));
        QVERIFY2(m_shared.issues.isEmpty(), qPrintable(describeIssues(m_shared.issues)));
        QVERIFY2(m_mlflow2.errors.isEmpty(), qPrintable(m_mlflow2.errors.join(u'\n')));
        QVERIFY2(m_mlflow2.issues.isEmpty(), qPrintable(describeIssues(m_mlflow2.issues)));
    }

    void describesItself()
    {
        const MlflowFileStore store = openStore(sharedStorePath());
        QCOMPARE(store.describe().kindName, u"MLflow file store"_s);
        QVERIFY(store.describe().schemaRevision.isEmpty());
        QVERIFY(store.maxConcurrentReads() >= 2);
        QVERIFY(store.scanExperiments({}).ok());
        QCOMPARE(store.describe().mlflowGeneration, u"MLflow 3.x"_s);

        const MlflowFileStore old = openStore(mlflow2StorePath());
        QVERIFY(old.scanExperiments({}).ok());
        QVERIFY(old.describe().mlflowGeneration.isEmpty()); // nothing tells 2.x from 3.x yet
        QVERIFY(old.scanRegistry().ok());
        QCOMPARE(old.describe().mlflowGeneration, u"MLflow 2.x"_s);
    }

    void scansExperiments()
    {
        const QJsonObject expected = manifest()[u"experiments"_s].toObject();
        QCOMPARE(m_shared.experiments.size(), expected.size() + 1); // + Default
        QStringList names;
        for (const Experiment& e : std::as_const(m_shared.experiments)) {
            names << e.name;
            QVERIFY(!e.locator.isEmpty());
            if (e.name == u"Default") {
                QCOMPARE(e.experimentId, u"0"_s);
                continue;
            }
            QVERIFY2(expected.contains(e.name), qPrintable(e.name));
            const QJsonObject m = expected[e.name].toObject();
            QCOMPARE(e.experimentId, m[u"id"_s].toString());
            QCOMPARE(lifecycleStageName(e.lifecycleStage), m[u"lifecycle_stage"_s].toString());
            QVERIFY(e.artifactLocation.startsWith(u"file:///tmp/mlflow-fixtures/shared/mlruns/"_s));
            QVERIFY(e.creationTime.has_value());
        }
        QStringList sorted = names;
        std::sort(sorted.begin(), sorted.end(),
            [](const QString& a, const QString& b) { return QString::compare(a, b) < 0; });
        QCOMPARE(names, sorted);
        QVERIFY(names.contains(u"Prévision des ventes — 売上予測 📈"_s));
    }

    void readsExperimentTags()
    {
        for (const Experiment& e : std::as_const(m_shared.experiments)) {
            if (e.name == u"old-baselines-2024") {
                // Deleted: moved to .trash, tags only inline in the rewritten meta.yaml.
                QCOMPARE(e.lifecycleStage, LifecycleStage::Deleted);
                QVERIFY(e.locator.contains(u"/.trash/"_s));
                QCOMPARE(valueOf(e.tags, u"team"), u"vision"_s);
            } else if (e.name.startsWith(u"Prévision")) {
                QVERIFY(!valueOf(e.tags, u"équipe").isEmpty());
                QVERIFY(!valueOf(e.tags, MlflowTags::Note).isEmpty());
            }
        }
    }

    void scansEveryRun()
    {
        const QJsonObject runs = manifest()[u"runs"_s].toObject();
        QCOMPARE(manifest()[u"counts"_s].toObject()[u"runs"_s].toInt(), 30);
        QCOMPARE(int(m_shared.runs.size()), 30);
        for (auto it = runs.begin(); it != runs.end(); ++it) {
            const QJsonObject m = it.value().toObject();
            const auto found = m_shared.runs.find(m[u"run_id"_s].toString());
            QVERIFY2(found != m_shared.runs.end(), qPrintable(it.key()));
            const ReadRun& run = found->second;
            QCOMPARE(run.stamp.experimentId, m[u"experiment_id"_s].toString());
            QCOMPARE(run.record.info.experimentId, m[u"experiment_id"_s].toString());
            QCOMPARE(run.stamp.fingerprint.size(), 20);
        }
    }

    void readsRunInfo_data()
    {
        QTest::addColumn<QString>("name");
        const QJsonObject runs = manifest()[u"runs"_s].toObject();
        for (auto it = runs.begin(); it != runs.end(); ++it)
            QTest::newRow(it.key().toUtf8().constData()) << it.key();
    }

    void readsRunInfo()
    {
        QFETCH(QString, name);
        const QJsonObject m = manifest()[u"runs"_s].toObject()[name].toObject();
        const ReadRun& run = m_shared.runs.at(m[u"run_id"_s].toString());
        const RunInfo& info = run.record.info;
        QCOMPARE(info.runId, m[u"run_id"_s].toString());
        QCOMPARE(info.runName, m[u"run_name"_s].toString());
        QCOMPARE(runStatusName(info.status), m[u"status"_s].toString());
        QCOMPARE(lifecycleStageName(info.lifecycleStage), m[u"lifecycle_stage"_s].toString());
        QCOMPARE(info.deletedTime.has_value(), info.lifecycleStage == LifecycleStage::Deleted);
        QCOMPARE(info.endTime.has_value(), info.status != RunStatus::Running);
        QVERIFY(info.startTime.has_value());
        QVERIFY(!info.userId.isEmpty());
        QVERIFY(info.artifactUri.endsWith(info.runId + u"/artifacts"_s));
        QCOMPARE(run.record.params.size(), m[u"n_params"_s].toInt());
        QCOMPARE(run.record.parentRunId(), m[u"parent"_s].toString());
        QCOMPARE(valueOf(run.record.tags, MlflowTags::RunName), info.runName);

        const QJsonObject metrics = m[u"metrics"_s].toObject();
        QStringList expectedKeys = metrics.keys();
        std::sort(expectedKeys.begin(), expectedKeys.end());
        QCOMPARE(keysOf(run.record.metrics), expectedKeys);
        QCOMPARE(run.histories.size(), metrics.size());
        for (const MetricHistoryRead& read : run.histories)
            QCOMPARE(read.history.size(), metrics[read.key].toInteger());
        for (const MetricStamp& stamp : run.record.metrics)
            QCOMPARE(stamp.fingerprint.size(), 16);
    }

    void countsStatuses()
    {
        std::map<QString, int> statuses;
        int deleted = 0;
        for (const auto& [id, run] : m_shared.runs) {
            ++statuses[runStatusName(run.record.info.status)];
            deleted += run.record.info.lifecycleStage == LifecycleStage::Deleted;
        }
        QCOMPARE(statuses[u"FINISHED"_s], 25);
        QCOMPARE(statuses[u"FAILED"_s], 2);
        QCOMPARE(statuses[u"KILLED"_s], 2);
        QCOMPARE(statuses[u"RUNNING"_s], 1);
        QCOMPARE(deleted, 3);
    }

    void collapsesDuplicatedMetricLines()
    {
        // ensemble-✓ logged a model at step 0: MLflow appended the step-0 points again.
        const ReadRun* run = runNamed(m_shared, u"ensemble-✓"_s);
        QVERIFY(run);
        QCOMPARE(historyOf(*run, u"mape"_s)->size(), 100);
        QCOMPARE(historyOf(*run, u"précision"_s)->size(), 100);
        qint64 total = 0;
        for (const auto& [id, r] : m_shared.runs) {
            for (const MetricHistoryRead& read : r.histories)
                total += read.history.size();
        }
        QCOMPARE(total, manifest()[u"counts"_s].toObject()[u"metric_points_logged"_s].toInteger());
    }

    void parsesNonFiniteValues()
    {
        const ReadRun* run = runNamed(m_shared, u"gbm-lr1.0-diverged"_s);
        QVERIFY(run);
        const MetricHistory* logloss = historyOf(*run, u"train_logloss"_s);
        QVERIFY(logloss);
        int nonFinite = 0;
        for (const MetricPoint& p : logloss->points()) {
            if (!std::isfinite(p.value)) {
                QVERIFY(p.step >= 37);
                ++nonFinite;
            }
        }
        QVERIFY(nonFinite > 0);
        bool sawNan = false;
        for (const MetricPoint& p : historyOf(*run, u"val_auc"_s)->points())
            sawNan = sawNan || std::isnan(p.value);
        QVERIFY(sawNan);
        bool sawInf = false;
        for (const MetricPoint& p : historyOf(*run, u"grad_norm"_s)->points())
            sawInf = sawInf || (std::isinf(p.value) && p.value > 0);
        QVERIFY(sawInf);
        const auto& hessian = historyOf(*run, u"min_hessian"_s)->points();
        QCOMPARE(hessian.size(), size_t(3));
        QCOMPARE(hessian[0].value, 0.001);
        QCOMPARE(hessian[0].timestamp, 1741086305004LL);
        QCOMPARE(hessian[1].value, 0.0);
        QVERIFY(std::isinf(hessian[2].value) && hessian[2].value < 0);
        QCOMPARE(hessian[2].step, 2);
    }

    void readsUnicode()
    {
        for (const QString& name : { u"base-naïve"_s, u"saisonnier-週次"_s, u"prophet-風"_s, u"lstm-ß-λ"_s }) {
            const ReadRun* run = runNamed(m_shared, name);
            QVERIFY2(run, qPrintable(name));
            QVERIFY(!valueOf(run->record.params, u"modèle").isNull()
                || !valueOf(run->record.params, u"saisonnalité").isNull());
            QVERIFY(historyOf(*run, u"précision"_s));
        }
        bool sawUser = false;
        for (const auto& [id, run] : m_shared.runs)
            sawUser = sawUser || run.record.info.userId == u"dörte";
        QVERIFY(sawUser);
        const ReadRun* ensemble = runNamed(m_shared, u"ensemble-✓"_s);
        QVERIFY(std::any_of(ensemble->record.artifacts.begin(), ensemble->record.artifacts.end(),
            [](const ArtifactEntry& a) { return a.path == u"rapport/résumé.txt" && !a.isDir && a.size > 0; }));
    }

    void readsLongParamValuesVerbatim()
    {
        const ReadRun* run = runNamed(m_shared, u"gbm-lr0.1-d8"_s);
        QVERIFY(run);
        QCOMPARE(valueOf(run->record.params, u"feature_list").size(), 5000);
    }

    void readsDatasetInputs()
    {
        const QJsonObject datasets = manifest()[u"datasets"_s].toObject();
        int inputs = 0;
        std::map<QString, int> contexts;
        std::set<QString> names;
        for (const auto& [id, run] : m_shared.runs) {
            for (const DatasetInput& input : run.record.datasetInputs) {
                ++inputs;
                ++contexts[input.context()];
                names.insert(input.dataset.name);
                const QJsonObject m = datasets[input.dataset.name].toObject();
                QCOMPARE(input.dataset.digest, m[u"digest"_s].toString());
                QCOMPARE(input.dataset.source, m[u"source"_s].toString());
                QVERIFY(input.dataset.schema.startsWith(u"{\"mlflow_colspec\""_s));
                QVERIFY(input.dataset.profile.contains(u"\"num_rows\": %1"_s.arg(m[u"rows"_s].toInt())));
            }
        }
        QCOMPARE(inputs, 11);
        QCOMPARE(int(names.size()), manifest()[u"counts"_s].toObject()[u"datasets"_s].toInt());
        QCOMPARE(contexts[u"training"_s], 7);
        QCOMPARE(contexts[u"evaluation"_s], 4);

        const ReadRun* logreg = runNamed(m_shared, u"logreg-final"_s);
        QCOMPARE(logreg->record.datasetInputs.size(), 2);
        QCOMPARE(logreg->record.datasetInputs[0].dataset.name, u"iris-test"_s); // sorted by name
        QCOMPARE(logreg->record.datasetInputs[0].dataset.sourceType, u"s3"_s);
        QCOMPARE(valueOf(logreg->record.datasetInputs[0].tags, u"split"), u"holdout-20pct"_s);
        QCOMPARE(logreg->record.datasetInputs[1].context(), u"training"_s);
    }

    void readsModelInputsAndOutputs()
    {
        const QJsonObject models = manifest()[u"logged_models"_s].toObject();
        int outputs = 0;
        for (const auto& [id, run] : m_shared.runs)
            outputs += int(run.record.modelOutputs.size());
        QCOMPARE(outputs, models.size());
        for (auto it = models.begin(); it != models.end(); ++it) {
            const QJsonObject m = it.value().toObject();
            const ReadRun& run = m_shared.runs.at(m[u"run_id"_s].toString());
            QCOMPARE(run.record.modelOutputs.size(), 1);
            QCOMPARE(run.record.modelOutputs[0].modelId, m[u"model_id"_s].toString());
        }
        QCOMPARE(runNamed(m_shared, u"logreg-final"_s)->record.modelOutputs[0].step, 200);
        QCOMPARE(runNamed(m_shared, u"ensemble-✓"_s)->record.modelOutputs[0].step, 0);
        const ReadRun* eval = runNamed(m_shared, u"eval-champion-weekly"_s);
        QCOMPARE(eval->record.modelInputs.size(), 1);
        QCOMPARE(eval->record.modelInputs[0].modelId, models[u"logreg-final"_s].toObject()[u"model_id"_s].toString());
    }

    void listsArtifactsBelowTheRunFolder()
    {
        const ReadRun* run = runNamed(m_shared, u"logreg-final"_s);
        QStringList paths;
        for (const ArtifactEntry& a : run->record.artifacts) {
            paths << a.path;
            QCOMPARE(a.isDir, !a.path.contains(u'.'));
            QCOMPARE(a.size > 0, !a.isDir);
        }
        QCOMPARE(paths,
            QStringList({ u"config"_s, u"config/train_config.json"_s, u"plots"_s, u"plots/train_loss.png"_s,
                u"reports"_s, u"reports/summary.txt"_s }));
        QVERIFY(runNamed(m_shared, u"trial-00"_s)->record.artifacts.isEmpty()); // no artifacts/ folder at all
    }

    void scansLoggedModels()
    {
        const QJsonObject models = manifest()[u"logged_models"_s].toObject();
        QCOMPARE(m_shared.loggedModels.size(), manifest()[u"counts"_s].toObject()[u"logged_models"_s].toInt());
        std::map<QString, const LoggedModel*> byId;
        for (const LoggedModel& model : std::as_const(m_shared.loggedModels))
            byId[model.modelId] = &model;
        int withTestAccuracy = 0;
        for (auto it = models.begin(); it != models.end(); ++it) {
            const QJsonObject m = it.value().toObject();
            const LoggedModel* model = byId.at(m[u"model_id"_s].toString());
            QCOMPARE(model->sourceRunId, m[u"run_id"_s].toString());
            QCOMPARE(model->experimentId, m_shared.runs.at(model->sourceRunId).stamp.experimentId);
            QCOMPARE(model->status, u"READY"_s);
            QVERIFY(!model->name.isEmpty());
            // model_type: classifier on the churn models, null (-> empty) on the others.
            QCOMPARE(model->modelType, model->name == u"churn_model" ? u"classifier"_s : QString());
            QCOMPARE(model->flavors, QStringList({ u"python_function"_s, u"sklearn"_s }));
            QCOMPARE(model->origin, LoggedModel::Origin::LoggedModelEntity);
            QVERIFY(model->creationTime.has_value() && model->lastUpdatedTime.has_value());
            QVERIFY(model->artifactLocation.endsWith(model->modelId + u"/artifacts"_s));
            for (const LoggedModelMetric& metric : model->metrics) {
                if (metric.key != u"test_accuracy")
                    continue;
                ++withTestAccuracy;
                QCOMPARE(metric.runId, model->sourceRunId);
                QCOMPARE(metric.datasetName, u"iris-test"_s);
                QCOMPARE(metric.datasetDigest, u"e761a872"_s);
            }
        }
        QCOMPARE(withTestAccuracy, 3);
        const LoggedModel* logreg = byId.at(models[u"logreg-final"_s].toObject()[u"model_id"_s].toString());
        QCOMPARE(logreg->name, u"model"_s);
        QCOMPARE(logreg->params.size(), 6);
        QCOMPARE(valueOf(logreg->params, u"C"), u"1.0"_s);
        QCOMPARE(logreg->metrics.size(), 1);
        QCOMPARE(logreg->metrics[0].value, 0.9333333333333333);
        QCOMPARE(logreg->metrics[0].timestamp, 1741001700000LL);
        QCOMPARE(byId.at(models[u"gbm-lr0.05-d4"_s].toObject()[u"model_id"_s].toString())->params.size(), 25);
    }

    void scansRegistry()
    {
        const QJsonObject expected = manifest()[u"registered_models"_s].toObject();
        QCOMPARE(m_shared.registry.size(), 3);
        QCOMPARE(m_shared.registry[0].name, u"churn-model"_s); // sorted by name
        int versions = 0;
        int aliases = 0;
        for (const RegisteredModel& model : std::as_const(m_shared.registry)) {
            QVERIFY2(expected.contains(model.name), qPrintable(model.name));
            const QJsonObject m = expected[model.name].toObject();
            const QJsonObject mv = m[u"versions"_s].toObject();
            QCOMPARE(model.versions.size(), mv.size());
            versions += int(model.versions.size());
            for (const ModelVersion& v : model.versions) {
                const QJsonObject e = mv[QString::number(v.version)].toObject();
                QCOMPARE(v.name, model.name);
                QCOMPARE(v.runId, e[u"run_id"_s].toString());
                QCOMPARE(v.stage, e[u"stage"_s].toString());
                QCOMPARE(v.source, e[u"source"_s].toString());
                QCOMPARE(v.modelId, v.source.mid(8)); // models:/<model_id>
                QCOMPARE(v.status, u"READY"_s);
                QVERIFY(v.userId.isEmpty() && v.runLink.isEmpty() && v.statusMessage.isEmpty()); // null
            }
            const QJsonObject a = m[u"aliases"_s].toObject();
            QCOMPARE(model.aliases.size(), a.size());
            aliases += int(model.aliases.size());
            for (const ModelAlias& alias : model.aliases)
                QCOMPARE(alias.version, a[alias.alias].toString().toLongLong());
        }
        QCOMPARE(versions, 6);
        QCOMPARE(aliases, 4);
        const RegisteredModel& iris = m_shared.registry[1];
        QCOMPARE(iris.name, u"iris-classifier"_s);
        QCOMPARE(iris.aliases[0].alias, u"challenger"_s);
        QCOMPARE(valueOf(iris.versions[1].tags, u"deploy.environment").isEmpty(), false);
        QCOMPARE(iris.versions[1].description, u"Logistic regression C=1.0; promoted after weekly eval."_s);
        QVERIFY(iris.versions[0].description.isEmpty() || !iris.versions[0].description.isNull());
        QCOMPARE(m_shared.registry[2].name, u"prévision-ventes-日本"_s);
        QCOMPARE(m_shared.registry[2].description, u"Modèle de prévision — Unicode name"_s);
        QVERIFY(m_shared.registry[2].versions[0].description.isEmpty()); // description: null
    }

    void readsMlflow2Runs()
    {
        const QJsonArray runs = mlflow2Expected()[u"runs_all"_s].toArray();
        QCOMPARE(runs.size(), 12);
        QCOMPARE(int(m_mlflow2.runs.size()), 12);
        for (const QJsonValue& value : runs) {
            const QJsonObject e = value.toObject();
            const ReadRun& run = m_mlflow2.runs.at(e[u"run_id"_s].toString());
            const RunInfo& info = run.record.info;
            QCOMPARE(info.experimentId, e[u"experiment_id"_s].toString());
            QCOMPARE(info.runName, e[u"run_name"_s].toString());
            QCOMPARE(runStatusName(info.status), e[u"status"_s].toString());
            QCOMPARE(lifecycleStageName(info.lifecycleStage), e[u"lifecycle_stage"_s].toString());
            QCOMPARE(info.startTime.value_or(-1), e[u"start_time"_s].toInteger(-1));
            QCOMPARE(info.endTime.value_or(-1), e[u"end_time"_s].toInteger(-1));
            QCOMPARE(info.userId, e[u"user"_s].toString());
            QCOMPARE(run.record.parentRunId(), e[u"parent_run_id"_s].toString());
            QCOMPARE(toJson(run.record.params), e[u"params"_s].toObject());
            QCOMPARE(toJson(run.record.tags), e[u"tags"_s].toObject());
            const QJsonObject latest = e[u"metrics"_s].toObject();
            QCOMPARE(run.histories.size(), latest.size());
            for (const MetricHistoryRead& read : run.histories)
                QCOMPARE(read.history.latest()->value, latest[read.key].toDouble());
        }
    }

    void readsMlflow2MetricPoints()
    {
        const QJsonObject points = mlflow2Expected()[u"metric_points"_s].toObject();
        qint64 total = 0;
        for (auto it = points.begin(); it != points.end(); ++it) {
            const ReadRun& run = m_mlflow2.runs.at(it.key());
            const QJsonObject counts = it.value().toObject();
            QCOMPARE(run.histories.size(), counts.size());
            for (const MetricHistoryRead& read : run.histories) {
                QCOMPARE(read.history.size(), counts[read.key].toInteger());
                total += read.history.size();
            }
        }
        QCOMPARE(total, 1271);
    }

    void readsMlflow2Lineage()
    {
        int datasetInputs = 0;
        for (const auto& [id, run] : m_mlflow2.runs) {
            datasetInputs += int(run.record.datasetInputs.size());
            QVERIFY(run.record.modelOutputs.isEmpty());
            QVERIFY(run.record.modelInputs.isEmpty());
        }
        QCOMPARE(datasetInputs, 8);
        QVERIFY(m_mlflow2.loggedModels.isEmpty()); // 2.x: no models/ folder

        const QJsonArray versions = mlflow2Expected()[u"model_versions"_s].toArray();
        QCOMPARE(m_mlflow2.registry.size(), 1);
        const RegisteredModel& model = m_mlflow2.registry[0];
        QCOMPARE(model.versions.size(), versions.size());
        for (const QJsonValue& value : versions) {
            const QJsonObject e = value.toObject();
            const ModelVersion& v = model.versions[e[u"version"_s].toString().toInt() - 1];
            QCOMPARE(v.version, e[u"version"_s].toString().toLongLong());
            QCOMPARE(v.runId, e[u"run_id"_s].toString());
            QCOMPARE(v.source, e[u"source"_s].toString());
            QCOMPARE(v.stage, e[u"stage"_s].toString());
            QCOMPARE(v.description, e[u"description"_s].toString());
            QCOMPARE(toJson(v.tags), e[u"tags"_s].toObject());
            QVERIFY(v.modelId.isEmpty()); // 2.x versions have no model_id
            const ReadRun& run = m_mlflow2.runs.at(v.runId);
            QCOMPARE(valueOf(run.record.tags, MlflowTags::GitCommit), e[u"git_commit"_s].toString());
            QStringList digests;
            for (const DatasetInput& input : run.record.datasetInputs)
                digests << input.dataset.digest;
            digests.sort();
            QCOMPARE(QJsonArray::fromStringList(digests), e[u"dataset_digests"_s].toArray());
        }
        const QJsonObject registered = mlflow2Expected()[u"registered_models"_s].toArray()[0].toObject();
        QCOMPARE(model.description, registered[u"description"_s].toString());
        QCOMPARE(toJson(model.tags), registered[u"tags"_s].toObject());
        QJsonObject aliases;
        for (const ModelAlias& alias : model.aliases)
            aliases.insert(alias.alias, QString::number(alias.version));
        QCOMPARE(aliases, registered[u"aliases"_s].toObject());
    }
};

QTEST_GUILESS_MAIN(tst_MlflowFileStore)
#include "tst_MlflowFileStore.moc"
