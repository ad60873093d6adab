#include "MlflowTestContent.h"

#include "MlflowProtoJson.h"

#include "jobs/WorkerPool.h"
#include "store/StoreReaderFactory.h"

#include <QJsonArray>
#include <QJsonDocument>

#include <algorithm>
#include <cmath>

using namespace prov;
using prov::test::insertIf;
using prov::test::insertTime;
using prov::test::keyValues;

namespace {

const QString api = QStringLiteral("/api/2.0/mlflow/");

QJsonValue metricValue(double value)
{
    if (std::isnan(value))
        return QStringLiteral("NaN");
    if (std::isinf(value))
        return value > 0 ? QStringLiteral("Infinity") : QStringLiteral("-Infinity");
    return value;
}

QByteArray jsonString(const QString& text)
{
    const QByteArray array = QJsonDocument(QJsonArray { text }).toJson(QJsonDocument::Compact);
    return array.mid(1, array.size() - 2);
}

QByteArray jsonNumber(double value)
{
    if (std::isnan(value))
        return "\"NaN\"";
    if (std::isinf(value))
        return value > 0 ? "\"Infinity\"" : "\"-Infinity\"";
    return QByteArray::number(value, 'g', 17);
}

QByteArray compact(const QJsonObject& json)
{
    return QJsonDocument(json).toJson(QJsonDocument::Compact);
}

qsizetype offsetOf(const QString& token)
{
    if (token.isEmpty())
        return 0;
    const QJsonDocument doc = QJsonDocument::fromJson(QByteArray::fromBase64(token.toLatin1()));
    return doc.object().value(QLatin1String("offset")).toInteger();
}

QString tokenFor(qsizetype offset)
{
    return QString::fromLatin1(
        QJsonDocument(QJsonObject { { QStringLiteral("offset"), offset } }).toJson(QJsonDocument::Compact).toBase64());
}

// One page of `items` as MLflow pages searches: `key` holds the page, next_page_token the rest.
template<typename T, typename F>
QJsonObject page(const QList<T>& items, const QString& key, qsizetype offset, qsizetype size, F toJson)
{
    QJsonArray array;
    for (qsizetype i = offset; i < std::min(items.size(), offset + size); ++i)
        array.append(toJson(items[i]));
    QJsonObject json;
    insertIf(json, key, array);
    if (offset + size < items.size())
        json.insert(QStringLiteral("next_page_token"), tokenFor(offset + size));
    return json;
}

QJsonObject experimentJson(const Experiment& e)
{
    QJsonObject json { { QStringLiteral("experiment_id"), e.experimentId }, { QStringLiteral("name"), e.name },
        { QStringLiteral("artifact_location"), e.artifactLocation },
        { QStringLiteral("lifecycle_stage"), lifecycleStageName(e.lifecycleStage) } };
    insertTime(json, QStringLiteral("last_update_time"), e.lastUpdateTime);
    insertTime(json, QStringLiteral("creation_time"), e.creationTime);
    insertIf(json, QStringLiteral("tags"), keyValues(e.tags));
    return json;
}

QJsonObject loggedModelJson(const LoggedModel& m)
{
    QJsonObject info { { QStringLiteral("model_id"), m.modelId }, { QStringLiteral("experiment_id"), m.experimentId },
        { QStringLiteral("name"), m.name }, { QStringLiteral("artifact_uri"), m.artifactLocation },
        { QStringLiteral("status"), QString(QStringLiteral("LOGGED_MODEL_") + m.status) },
        { QStringLiteral("model_type"), m.modelType }, { QStringLiteral("source_run_id"), m.sourceRunId } };
    insertTime(info, QStringLiteral("creation_timestamp_ms"), m.creationTime);
    insertTime(info, QStringLiteral("last_updated_timestamp_ms"), m.lastUpdatedTime);
    insertIf(info, QStringLiteral("tags"), keyValues(m.tags));
    QJsonArray metrics;
    for (const LoggedModelMetric& metric : m.metrics)
        metrics.append(QJsonObject { { QStringLiteral("key"), metric.key },
            { QStringLiteral("value"), metricValue(metric.value) }, { QStringLiteral("timestamp"), metric.timestamp },
            { QStringLiteral("step"), metric.step }, { QStringLiteral("dataset_name"), metric.datasetName },
            { QStringLiteral("dataset_digest"), metric.datasetDigest }, { QStringLiteral("model_id"), m.modelId },
            { QStringLiteral("run_id"), metric.runId } });
    QJsonObject data;
    insertIf(data, QStringLiteral("params"), keyValues(m.params));
    insertIf(data, QStringLiteral("metrics"), metrics);
    return QJsonObject { { QStringLiteral("info"), info }, { QStringLiteral("data"), data } };
}

QByteArray mlmodelYaml(const LoggedModel& m)
{
    const auto quoted = [](QString s) -> QString {
        return QLatin1Char('\'') + s.replace(QLatin1Char('\''), QStringLiteral("''")) + QLatin1Char('\'');
    };
    QString yaml = QStringLiteral("artifact_path: ") + m.artifactLocation + QStringLiteral("\nflavors:\n");
    for (const QString& flavor : m.flavors)
        yaml += QStringLiteral("  ") + flavor + QStringLiteral(": {}\n");
    if (!m.signatureInputs.isEmpty() || !m.signatureOutputs.isEmpty())
        yaml += QStringLiteral("signature:\n  inputs: ") + quoted(m.signatureInputs) + QStringLiteral("\n  outputs: ")
            + quoted(m.signatureOutputs) + QLatin1Char('\n');
    return yaml.toUtf8();
}

} // namespace

Result<MlflowTestContent> MlflowTestContent::load(const QString& storePath)
{
    auto location = StoreLocation::fromArgument(storePath, QString());
    if (!location)
        return location.error();
    WorkerPool workers;
    auto reader = StoreReaderFactory::open(*location, workers);
    if (!reader)
        return reader.error();
    const CancellationToken cancel;
    auto experiments = (*reader)->scanExperiments(cancel);
    if (!experiments)
        return experiments.error();
    MlflowTestContent content;
    content.m_experiments = experiments->experiments;
    for (const Experiment& experiment : std::as_const(content.m_experiments)) {
        auto stamps = (*reader)->scanRuns(experiment, cancel);
        if (!stamps)
            return stamps.error();
        for (const RunStamp& stamp : std::as_const(stamps->runs)) {
            auto record = (*reader)->readRun(stamp);
            if (!record)
                return record.error();
            QStringList keys;
            for (const MetricStamp& metric : std::as_const(record->metrics))
                keys << metric.key;
            auto metrics = (*reader)->readMetrics(stamp, keys);
            if (!metrics)
                return metrics.error();
            Run run { std::move(record).value(), {} };
            for (const MetricHistoryRead& read : std::as_const(metrics->histories))
                run.histories.emplace(read.key, read.history);
            content.m_runs.append(std::move(run));
        }
        auto models = (*reader)->scanLoggedModels(experiment);
        if (models)
            content.m_loggedModels += models->models;
    }
    std::sort(content.m_runs.begin(), content.m_runs.end(), [](const Run& a, const Run& b) {
        const qint64 sa = a.record.info.startTime.value_or(0);
        const qint64 sb = b.record.info.startTime.value_or(0);
        return sa != sb ? sa > sb : a.record.info.runId < b.record.info.runId;
    });
    for (qsizetype i = 0; i < content.m_runs.size(); ++i)
        content.m_runIndex.insert(content.m_runs[i].record.info.runId, i);
    auto registry = (*reader)->scanRegistry();
    if (!registry)
        return registry.error();
    content.m_registry.models = registry->models;
    return content;
}

QStringList MlflowTestContent::runIds() const
{
    return m_runIndex.keys();
}

QStringList MlflowTestContent::metricKeys(const QString& runId) const
{
    QStringList keys;
    for (const auto& [key, history] : m_runs[m_runIndex.value(runId)].histories)
        keys << key;
    return keys;
}

void MlflowTestContent::appendPoint(const QString& runId, const QString& key, const MetricPoint& point)
{
    Run& run = m_runs[m_runIndex.value(runId)];
    std::vector<MetricPoint> points = run.histories[key].points();
    points.push_back(point);
    run.histories[key] = MetricHistory::fromPoints(std::move(points));
}

QJsonObject MlflowTestContent::runJson(const Run& run) const
{
    const RunRecord& r = run.record;
    QJsonObject info { { QStringLiteral("run_uuid"), r.info.runId },
        { QStringLiteral("experiment_id"), r.info.experimentId }, { QStringLiteral("run_name"), r.info.runName },
        { QStringLiteral("user_id"), r.info.userId }, { QStringLiteral("status"), runStatusName(r.info.status) },
        { QStringLiteral("artifact_uri"), r.info.artifactUri },
        { QStringLiteral("lifecycle_stage"), lifecycleStageName(r.info.lifecycleStage) },
        { QStringLiteral("run_id"), r.info.runId } };
    insertTime(info, QStringLiteral("start_time"), r.info.startTime);
    insertTime(info, QStringLiteral("end_time"), r.info.endTime);
    QJsonArray metrics;
    for (const auto& [key, history] : run.histories) {
        if (const auto latest = history.latest())
            metrics.append(
                QJsonObject { { QStringLiteral("key"), key }, { QStringLiteral("value"), metricValue(latest->value) },
                    { QStringLiteral("timestamp"), latest->timestamp }, { QStringLiteral("step"), latest->step } });
    }
    QJsonObject data;
    insertIf(data, QStringLiteral("metrics"), metrics);
    insertIf(data, QStringLiteral("params"), keyValues(r.params));
    insertIf(data, QStringLiteral("tags"), keyValues(r.tags));
    QJsonArray datasets;
    for (const DatasetInput& input : r.datasetInputs) {
        const Dataset& d = input.dataset;
        QJsonObject json { { QStringLiteral("dataset"),
            QJsonObject { { QStringLiteral("name"), d.name }, { QStringLiteral("digest"), d.digest },
                { QStringLiteral("source_type"), d.sourceType }, { QStringLiteral("source"), d.source },
                { QStringLiteral("schema"), d.schema }, { QStringLiteral("profile"), d.profile } } } };
        insertIf(json, QStringLiteral("tags"), keyValues(input.tags));
        datasets.append(json);
    }
    QJsonArray modelInputs;
    for (const ModelInput& input : r.modelInputs)
        modelInputs.append(QJsonObject { { QStringLiteral("model_id"), input.modelId } });
    QJsonArray modelOutputs;
    for (const ModelOutput& output : r.modelOutputs)
        modelOutputs.append(
            QJsonObject { { QStringLiteral("model_id"), output.modelId }, { QStringLiteral("step"), output.step } });
    QJsonObject inputs;
    insertIf(inputs, QStringLiteral("dataset_inputs"), datasets);
    insertIf(inputs, QStringLiteral("model_inputs"), modelInputs);
    QJsonObject json { { QStringLiteral("info"), info }, { QStringLiteral("data"), data },
        { QStringLiteral("inputs"), inputs } };
    if (!modelOutputs.isEmpty())
        json.insert(QStringLiteral("outputs"), QJsonObject { { QStringLiteral("model_outputs"), modelOutputs } });
    return json;
}

TestHttpResponse MlflowTestContent::answer(const TestHttpRequest& request)
{
    if (request.requestLineLength > 4094) // gunicorn's limit
        return TestHttpResponse::text("Bad Request\nRequest Line is too large", 400);
    const QJsonObject body = QJsonDocument::fromJson(request.body).object();
    const QString& path = request.path;
    if (path == QLatin1String("/health"))
        return TestHttpResponse::text("OK", 200, "text/html; charset=utf-8");
    if (path == QLatin1String("/version"))
        return TestHttpResponse::text(mlflow2 ? "2.22.1" : "3.2.1.dev0", 200, "text/html; charset=utf-8");
    if (path == api + QLatin1String("experiments/search") && request.method == "POST")
        return searchExperiments(body);
    if (path == api + QLatin1String("runs/search") && request.method == "POST")
        return searchRuns(body);
    if (path == api + QLatin1String("runs/get"))
        return getRun(request);
    if (path == api + QLatin1String("metrics/get-history"))
        return history(request);
    if (path == QLatin1String("/ajax-api/2.0/mlflow/metrics/get-history-bulk"))
        return bulkHistory(request);
    if (path == api + QLatin1String("artifacts/list"))
        return listArtifacts(request);
    if (!mlflow2 && path == api + QLatin1String("logged-models/search") && request.method == "POST")
        return searchLoggedModels(body);
    if (!mlflow2 && path.startsWith(QLatin1String("/ajax-api/2.0/mlflow/logged-models/"))
        && request.value(QStringLiteral("artifact_file_path")) == QLatin1String("MLmodel"))
        return loggedModelFile(path);
    if (auto registry = m_registry.answer(request))
        return *registry;
    if (path == api + QLatin1String("registered-models/search"))
        return searchRegisteredModels(request);
    if (path == api + QLatin1String("model-versions/search"))
        return searchVersions(request);
    return TestHttpResponse::notFoundPage();
}

TestHttpResponse MlflowTestContent::searchExperiments(const QJsonObject& body) const
{
    const qsizetype size = body.value(QLatin1String("max_results")).toInteger();
    if (size <= 0)
        return TestHttpResponse::mlflowError(400, QStringLiteral("INVALID_PARAMETER_VALUE"),
            QStringLiteral("Invalid value 0 for parameter 'max_results' supplied. It must be a positive integer"));
    const bool all = body.value(QLatin1String("view_type")).toString() == QLatin1String("ALL");
    QList<Experiment> shown;
    for (const Experiment& e : m_experiments) {
        if (all || e.lifecycleStage == LifecycleStage::Active)
            shown.append(e);
    }
    const qsizetype offset = offsetOf(body.value(QLatin1String("page_token")).toString());
    return TestHttpResponse::json(compact(page(shown, QStringLiteral("experiments"), offset, size, experimentJson)));
}

TestHttpResponse MlflowTestContent::searchRuns(const QJsonObject& body) const
{
    QStringList experiments;
    for (const QJsonValue& id : body.value(QLatin1String("experiment_ids")).toArray())
        experiments << id.toString();
    const qsizetype size = body.value(QLatin1String("max_results")).toInteger(1000);
    if (size > 50000)
        return TestHttpResponse::mlflowError(400, QStringLiteral("INVALID_PARAMETER_VALUE"),
            QStringLiteral("Invalid value %1 for parameter 'max_results' supplied.").arg(size));
    const QString view = body.value(QLatin1String("run_view_type")).toString(QStringLiteral("ACTIVE_ONLY"));
    QList<const Run*> shown;
    for (const Run& run : m_runs) {
        const bool deleted = run.record.info.lifecycleStage == LifecycleStage::Deleted;
        const bool wanted = view == QLatin1String("ALL") || (view == QLatin1String("DELETED_ONLY")) == deleted;
        if (wanted && experiments.contains(run.record.info.experimentId))
            shown.append(&run);
    }
    const qsizetype offset = offsetOf(body.value(QLatin1String("page_token")).toString());
    return TestHttpResponse::json(
        compact(page(shown, QStringLiteral("runs"), offset, size, [this](const Run* run) { return runJson(*run); })));
}

TestHttpResponse MlflowTestContent::getRun(const TestHttpRequest& request) const
{
    const QString runId = request.value(QStringLiteral("run_id"));
    const auto it = m_runIndex.constFind(runId);
    if (it == m_runIndex.cend())
        return TestHttpResponse::mlflowError(
            404, QStringLiteral("RESOURCE_DOES_NOT_EXIST"), QStringLiteral("Run with id=%1 not found").arg(runId));
    return TestHttpResponse::json(compact(QJsonObject { { QStringLiteral("run"), runJson(m_runs[*it]) } }));
}

TestHttpResponse MlflowTestContent::history(const TestHttpRequest& request) const
{
    const auto it = m_runIndex.constFind(request.value(QStringLiteral("run_id")));
    if (it == m_runIndex.cend())
        return TestHttpResponse::mlflowError(
            404, QStringLiteral("RESOURCE_DOES_NOT_EXIST"), QStringLiteral("Run not found"));
    const QString key = request.value(QStringLiteral("metric_key"));
    const qsizetype size = request.value(QStringLiteral("max_results")).toLongLong();
    const qsizetype offset = offsetOf(request.value(QStringLiteral("page_token")));
    const auto history = m_runs[*it].histories.find(key);
    QList<MetricPoint> points;
    if (history != m_runs[*it].histories.end())
        points = QList<MetricPoint>(history->second.points().begin(), history->second.points().end());
    QJsonObject json = page(points, QStringLiteral("metrics"), offset, size, [&key](const MetricPoint& p) {
        return QJsonObject { { QStringLiteral("key"), key }, { QStringLiteral("value"), metricValue(p.value) },
            { QStringLiteral("timestamp"), p.timestamp }, { QStringLiteral("step"), p.step } };
    });
    if (size <= 0) // MLflow 3.2 reads a missing max_results as 0: an empty page pointing at itself
        json.insert(QStringLiteral("next_page_token"), tokenFor(0));
    return TestHttpResponse::json(compact(json));
}

TestHttpResponse MlflowTestContent::bulkHistory(const TestHttpRequest& request) const
{
    const QStringList runIds = request.values(QStringLiteral("run_id"));
    if (runIds.size() > 100)
        return TestHttpResponse::mlflowError(400, QStringLiteral("INVALID_PARAMETER_VALUE"),
            QStringLiteral("GetMetricHistoryBulk request cannot specify more than 100 run_ids. Received %1 run_ids.")
                .arg(runIds.size()));
    const QString key = request.value(QStringLiteral("metric_key"));
    const QString asked = request.value(QStringLiteral("max_results"));
    const qsizetype cap = std::min<qsizetype>(asked.isEmpty() ? bulkCap : asked.toLongLong(), bulkCap);
    // Written by hand rather than through QJsonObject: the benchmark serves 8 M points from here.
    const QByteArray keyJson = jsonString(key);
    QByteArray body = "{\"metrics\": [";
    qsizetype count = 0;
    for (const QString& runId : runIds) {
        const auto it = m_runIndex.constFind(runId);
        if (it == m_runIndex.cend())
            continue;
        const auto history = m_runs[*it].histories.find(key);
        if (history == m_runs[*it].histories.end())
            continue;
        std::vector<MetricPoint> points = history->second.points();
        std::stable_sort(points.begin(), points.end(), [](const MetricPoint& a, const MetricPoint& b) {
            return a.timestamp != b.timestamp ? a.timestamp < b.timestamp : a.step < b.step;
        });
        const QByteArray runJson = jsonString(runId);
        for (const MetricPoint& p : points) {
            if (count == cap)
                break;
            body += (count++ ? ", {\"key\": " : "{\"key\": ") + keyJson + ", \"run_id\": " + runJson
                + ", \"step\": " + QByteArray::number(p.step) + ", \"timestamp\": " + QByteArray::number(p.timestamp)
                + ", \"value\": " + jsonNumber(p.value) + '}';
        }
    }
    return TestHttpResponse::json(body + "]}");
}

TestHttpResponse MlflowTestContent::listArtifacts(const TestHttpRequest& request) const
{
    const auto it = m_runIndex.constFind(request.value(QStringLiteral("run_id")));
    if (it == m_runIndex.cend())
        return TestHttpResponse::mlflowError(
            404, QStringLiteral("RESOURCE_DOES_NOT_EXIST"), QStringLiteral("Run not found"));
    const QString folder = request.value(QStringLiteral("path"));
    const RunRecord& record = m_runs[*it].record;
    QJsonArray files;
    for (const ArtifactEntry& entry : record.artifacts) {
        const qsizetype slash = entry.path.lastIndexOf(QLatin1Char('/'));
        if ((slash < 0 ? QString() : entry.path.left(slash)) != folder)
            continue;
        QJsonObject file { { QStringLiteral("path"), entry.path }, { QStringLiteral("is_dir"), entry.isDir } };
        if (!entry.isDir)
            file.insert(QStringLiteral("file_size"), entry.size);
        files.append(file);
    }
    QJsonObject json { { QStringLiteral("root_uri"), record.info.artifactUri } };
    insertIf(json, QStringLiteral("files"), files);
    return TestHttpResponse::json(compact(json));
}

TestHttpResponse MlflowTestContent::searchLoggedModels(const QJsonObject& body) const
{
    QStringList experiments;
    for (const QJsonValue& id : body.value(QLatin1String("experiment_ids")).toArray())
        experiments << id.toString();
    QList<LoggedModel> shown;
    for (const LoggedModel& model : m_loggedModels) {
        if (experiments.contains(model.experimentId))
            shown.append(model);
    }
    const qsizetype size = body.value(QLatin1String("max_results")).toInteger(100);
    const qsizetype offset = offsetOf(body.value(QLatin1String("page_token")).toString());
    return TestHttpResponse::json(compact(page(shown, QStringLiteral("models"), offset, size, loggedModelJson)));
}

TestHttpResponse MlflowTestContent::loggedModelFile(const QString& path) const
{
    const QString modelId = path.section(QLatin1Char('/'), 5, 5);
    for (const LoggedModel& model : m_loggedModels) {
        if (model.modelId == modelId)
            return TestHttpResponse::text(mlmodelYaml(model));
    }
    return TestHttpResponse::mlflowError(404, QStringLiteral("RESOURCE_DOES_NOT_EXIST"),
        QStringLiteral("Logged model with ID '%1' not found.").arg(modelId));
}

TestHttpResponse MlflowTestContent::searchRegisteredModels(const TestHttpRequest& request) const
{
    const qsizetype size = request.value(QStringLiteral("max_results")).toLongLong();
    const qsizetype offset = offsetOf(request.value(QStringLiteral("page_token")));
    return TestHttpResponse::json(compact(page(m_registry.models, QStringLiteral("registered_models"), offset,
        size > 0 ? size : 100, MlflowTestRegistry::modelJson)));
}

TestHttpResponse MlflowTestContent::searchVersions(const TestHttpRequest& request) const
{
    QString name = request.value(QStringLiteral("filter")).section(QLatin1Char('='), 1).trimmed();
    name = name.mid(1, name.size() - 2); // the quotes
    QList<ModelVersion> shown;
    for (const RegisteredModel& model : m_registry.models) {
        if (model.name == name)
            shown += model.versions;
    }
    const qsizetype size = request.value(QStringLiteral("max_results")).toLongLong();
    const qsizetype offset = offsetOf(request.value(QStringLiteral("page_token")));
    return TestHttpResponse::json(compact(
        page(shown, QStringLiteral("model_versions"), offset, size > 0 ? size : 100, MlflowTestRegistry::versionJson)));
}
