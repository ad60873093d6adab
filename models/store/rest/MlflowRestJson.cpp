#include "store/rest/MlflowRestJson.h"

#include "domain/CanonicalOrder.h"

#include <cmath>
#include <cstring>
#include <limits>

namespace prov::MlflowRestJson {
namespace {

QString text(const QJsonObject& json, QLatin1StringView key)
{
    return json.value(key).toString();
}

} // namespace

std::optional<qint64> int64(const QJsonValue& value)
{
    if (value.isDouble())
        return static_cast<qint64>(value.toDouble());
    if (value.isString()) {
        bool ok = false;
        const qint64 number = value.toString().toLongLong(&ok);
        if (ok)
            return number;
    }
    return std::nullopt;
}

double metricValue(const QJsonValue& value)
{
    if (value.isDouble())
        return value.toDouble();
    const QString s = value.toString();
    if (s == QLatin1String("Infinity"))
        return std::numeric_limits<double>::infinity();
    if (s == QLatin1String("-Infinity"))
        return -std::numeric_limits<double>::infinity();
    if (s == QLatin1String("NaN"))
        return std::numeric_limits<double>::quiet_NaN();
    bool ok = false;
    const double number = s.toDouble(&ok);
    return ok ? number : std::numeric_limits<double>::quiet_NaN();
}

KeyValueList keyValues(const QJsonValue& array)
{
    KeyValueList list;
    for (const QJsonValue& item : array.toArray()) {
        const QJsonObject kv = item.toObject();
        list.append(KeyValue { text(kv, QLatin1StringView("key")), text(kv, QLatin1StringView("value")) });
    }
    CanonicalOrder::sortByKey(list);
    return list;
}

std::optional<Experiment> experiment(const QJsonObject& json)
{
    const auto stage = lifecycleStageFromName(text(json, QLatin1StringView("lifecycle_stage")));
    const QString id = text(json, QLatin1StringView("experiment_id"));
    if (id.isEmpty() || !stage)
        return std::nullopt;
    return Experiment { id, text(json, QLatin1StringView("name")), text(json, QLatin1StringView("artifact_location")),
        *stage, int64(json.value(QLatin1String("creation_time"))), int64(json.value(QLatin1String("last_update_time"))),
        keyValues(json.value(QLatin1String("tags"))), {} };
}

QByteArray metricFingerprint(const QJsonObject& latest)
{
    const double value = metricValue(latest.value(QLatin1String("value")));
    quint64 bits = 0;
    std::memcpy(&bits, &value, sizeof bits);
    return QByteArray::number(int64(latest.value(QLatin1String("step"))).value_or(0)) + ':'
        + QByteArray::number(int64(latest.value(QLatin1String("timestamp"))).value_or(0)) + ':'
        + QByteArray::number(bits, 16);
}

std::optional<MetricPoint> metricPoint(const QJsonObject& json)
{
    const auto timestamp = int64(json.value(QLatin1String("timestamp")));
    if (!timestamp || !json.contains(QLatin1String("value")))
        return std::nullopt;
    return MetricPoint { int64(json.value(QLatin1String("step"))).value_or(0), *timestamp,
        metricValue(json.value(QLatin1String("value"))) };
}

namespace {

bool readInfo(const QJsonObject& info, RunInfo& out)
{
    out.runId = text(info, QLatin1StringView("run_id"));
    if (out.runId.isEmpty())
        out.runId = text(info, QLatin1StringView("run_uuid"));
    const auto status = runStatusFromName(text(info, QLatin1StringView("status")));
    const auto stage = lifecycleStageFromName(text(info, QLatin1StringView("lifecycle_stage")));
    if (out.runId.isEmpty() || !status || !stage)
        return false;
    out.experimentId = text(info, QLatin1StringView("experiment_id"));
    out.runName = text(info, QLatin1StringView("run_name"));
    out.status = *status;
    out.lifecycleStage = *stage;
    out.userId = text(info, QLatin1StringView("user_id"));
    out.artifactUri = text(info, QLatin1StringView("artifact_uri"));
    out.startTime = int64(info.value(QLatin1String("start_time")));
    out.endTime = int64(info.value(QLatin1String("end_time")));
    return true;
}

void readInputs(const QJsonObject& json, RunRecord& record)
{
    const QJsonObject inputs = json.value(QLatin1String("inputs")).toObject();
    for (const QJsonValue& item : inputs.value(QLatin1String("dataset_inputs")).toArray()) {
        const QJsonObject input = item.toObject();
        const QJsonObject d = input.value(QLatin1String("dataset")).toObject();
        const Dataset dataset { text(d, QLatin1StringView("name")), text(d, QLatin1StringView("digest")),
            text(d, QLatin1StringView("source_type")), text(d, QLatin1StringView("source")),
            text(d, QLatin1StringView("schema")), text(d, QLatin1StringView("profile")) };
        record.datasetInputs.append(DatasetInput { dataset, keyValues(input.value(QLatin1String("tags"))) });
    }
    CanonicalOrder::sort(record.datasetInputs);
    for (const QJsonValue& item : inputs.value(QLatin1String("model_inputs")).toArray())
        record.modelInputs.append(ModelInput { text(item.toObject(), QLatin1StringView("model_id")) });
    const QJsonObject outputs = json.value(QLatin1String("outputs")).toObject();
    for (const QJsonValue& item : outputs.value(QLatin1String("model_outputs")).toArray()) {
        const QJsonObject output = item.toObject();
        record.modelOutputs.append(ModelOutput {
            text(output, QLatin1StringView("model_id")), int64(output.value(QLatin1String("step"))).value_or(0) });
    }
    std::sort(record.modelInputs.begin(), record.modelInputs.end(),
        [](const ModelInput& a, const ModelInput& b) { return a.modelId < b.modelId; });
    std::sort(record.modelOutputs.begin(), record.modelOutputs.end(), [](const ModelOutput& a, const ModelOutput& b) {
        return a.modelId != b.modelId ? a.modelId < b.modelId : a.step < b.step;
    });
}

} // namespace

std::optional<RunRecord> run(const QJsonObject& json)
{
    RunRecord record;
    if (!readInfo(json.value(QLatin1String("info")).toObject(), record.info))
        return std::nullopt;
    const QJsonObject data = json.value(QLatin1String("data")).toObject();
    record.params = keyValues(data.value(QLatin1String("params")));
    record.tags = keyValues(data.value(QLatin1String("tags")));
    for (const QJsonValue& item : data.value(QLatin1String("metrics")).toArray()) {
        const QJsonObject metric = item.toObject();
        record.metrics.append(MetricStamp { text(metric, QLatin1StringView("key")), metricFingerprint(metric) });
    }
    std::sort(record.metrics.begin(), record.metrics.end(),
        [](const MetricStamp& a, const MetricStamp& b) { return a.key < b.key; });
    readInputs(json, record);
    return record;
}

ModelVersion modelVersion(const QJsonObject& json)
{
    ModelVersion v;
    v.name = text(json, QLatin1StringView("name"));
    v.version = int64(json.value(QLatin1String("version"))).value_or(0);
    v.creationTime = int64(json.value(QLatin1String("creation_timestamp")));
    v.lastUpdatedTime = int64(json.value(QLatin1String("last_updated_timestamp")));
    v.description = text(json, QLatin1StringView("description"));
    v.userId = text(json, QLatin1StringView("user_id"));
    v.stage = text(json, QLatin1StringView("current_stage"));
    v.source = text(json, QLatin1StringView("source"));
    v.runId = text(json, QLatin1StringView("run_id"));
    v.status = text(json, QLatin1StringView("status"));
    v.statusMessage = text(json, QLatin1StringView("status_message"));
    v.runLink = text(json, QLatin1StringView("run_link"));
    v.storageLocation = text(json, QLatin1StringView("storage_location"));
    v.modelId = text(json, QLatin1StringView("model_id"));
    v.tags = keyValues(json.value(QLatin1String("tags")));
    return v;
}

RegisteredModel registeredModel(const QJsonObject& json)
{
    RegisteredModel m;
    m.name = text(json, QLatin1StringView("name"));
    m.description = text(json, QLatin1StringView("description"));
    m.creationTime = int64(json.value(QLatin1String("creation_timestamp")));
    m.lastUpdatedTime = int64(json.value(QLatin1String("last_updated_timestamp")));
    m.tags = keyValues(json.value(QLatin1String("tags")));
    for (const QJsonValue& item : json.value(QLatin1String("aliases")).toArray()) {
        const QJsonObject alias = item.toObject();
        m.aliases.append(ModelAlias {
            text(alias, QLatin1StringView("alias")), int64(alias.value(QLatin1String("version"))).value_or(0) });
    }
    return m;
}

LoggedModel loggedModel(const QJsonObject& json)
{
    const QJsonObject info = json.value(QLatin1String("info")).toObject();
    LoggedModel m;
    m.modelId = text(info, QLatin1StringView("model_id"));
    m.experimentId = text(info, QLatin1StringView("experiment_id"));
    m.name = text(info, QLatin1StringView("name"));
    m.sourceRunId = text(info, QLatin1StringView("source_run_id"));
    m.artifactLocation = text(info, QLatin1StringView("artifact_uri"));
    m.status = text(info, QLatin1StringView("status"));
    m.status.remove(QLatin1String("LOGGED_MODEL_"));
    m.modelType = text(info, QLatin1StringView("model_type"));
    m.creationTime = int64(info.value(QLatin1String("creation_timestamp_ms")));
    m.lastUpdatedTime = int64(info.value(QLatin1String("last_updated_timestamp_ms")));
    m.tags = keyValues(info.value(QLatin1String("tags")));
    const QJsonObject data = json.value(QLatin1String("data")).toObject();
    m.params = keyValues(data.value(QLatin1String("params")));
    for (const QJsonValue& item : data.value(QLatin1String("metrics")).toArray()) {
        const QJsonObject metric = item.toObject();
        m.metrics.append(LoggedModelMetric { text(metric, QLatin1StringView("key")),
            metricValue(metric.value(QLatin1String("value"))), int64(metric.value(QLatin1String("step"))).value_or(0),
            int64(metric.value(QLatin1String("timestamp"))).value_or(0), text(metric, QLatin1StringView("run_id")),
            text(metric, QLatin1StringView("dataset_name")), text(metric, QLatin1StringView("dataset_digest")) });
    }
    m.origin = LoggedModel::Origin::LoggedModelEntity;
    CanonicalOrder::sort(m);
    return m;
}

} // namespace prov::MlflowRestJson
