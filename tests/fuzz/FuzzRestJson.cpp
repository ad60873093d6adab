// libFuzzer target: a tracking server's answer as the REST reader judges it (status, content
// type, the bare NaN / Infinity rewrite, JSON parsing) and decodes it into runs, experiments,
// metric points, registered models, model versions and logged models.
#include "store/rest/MlflowRestJson.h"
#include "store/rest/RestResponseCheck.h"

#include <QJsonArray>
#include <QJsonObject>

#include <cstddef>
#include <cstdint>

namespace {

void decodeAll(const QJsonObject& json)
{
    for (const auto& value : json.value(QStringLiteral("runs")).toArray())
        (void)prov::MlflowRestJson::run(value.toObject());
    for (const auto& value : json.value(QStringLiteral("experiments")).toArray())
        (void)prov::MlflowRestJson::experiment(value.toObject());
    for (const auto& value : json.value(QStringLiteral("metrics")).toArray()) {
        (void)prov::MlflowRestJson::metricPoint(value.toObject());
        (void)prov::MlflowRestJson::metricFingerprint(value.toObject());
    }
    for (const auto& value : json.value(QStringLiteral("registered_models")).toArray())
        (void)prov::MlflowRestJson::registeredModel(value.toObject());
    for (const auto& value : json.value(QStringLiteral("model_versions")).toArray())
        (void)prov::MlflowRestJson::modelVersion(value.toObject());
    for (const auto& value : json.value(QStringLiteral("models")).toArray())
        (void)prov::MlflowRestJson::loggedModel(value.toObject());
    (void)prov::MlflowRestJson::run(json.value(QStringLiteral("run")).toObject());
    (void)prov::MlflowRestJson::experiment(json.value(QStringLiteral("experiment")).toObject());
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    const QByteArray bytes(reinterpret_cast<const char*>(data), static_cast<qsizetype>(size));
    // The first line doubles as a Retry-After header, so its parser sees hostile text too.
    (void)prov::RestResponseCheck::retryAfterMs(bytes.left(bytes.indexOf('\n')), 1'700'000'000'000);

    prov::RestRawResponse raw;
    raw.status = 200;
    raw.contentType = QByteArrayLiteral("application/json");
    raw.body = bytes;
    prov::RestRequest request;
    request.path = QStringLiteral("/api/2.0/mlflow/runs/search");
    request.what = QStringLiteral("fuzzed answer");
    const prov::RestResponseCheck::Context context { QStringLiteral("http://fuzz.invalid"), false, 1000 };
    if (auto reply = prov::RestResponseCheck::judge(raw, request, context))
        decodeAll(reply->json);
    return 0;
}
