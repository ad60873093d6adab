#include "MlflowTestRegistry.h"

#include "MlflowProtoJson.h"

#include "domain/CanonicalOrder.h"

#include <QJsonArray>
#include <QJsonDocument>

using namespace prov;
using prov::test::insertIf;
using prov::test::insertTime;
using prov::test::keyValues;

namespace {

const QString api = QStringLiteral("/api/2.0/mlflow/");

TestHttpResponse ok(const QJsonObject& json = {})
{
    return TestHttpResponse::json(QJsonDocument(json).toJson(QJsonDocument::Compact));
}

TestHttpResponse missingModel(const QString& name)
{
    return TestHttpResponse::mlflowError(404, QStringLiteral("RESOURCE_DOES_NOT_EXIST"),
        QStringLiteral("Registered Model with name=%1 not found").arg(name));
}

TestHttpResponse missingVersion(const QString& name, const QString& version)
{
    return TestHttpResponse::mlflowError(404, QStringLiteral("RESOURCE_DOES_NOT_EXIST"),
        QStringLiteral("Model Version (name=%1, version=%2) not found").arg(name, version));
}

ModelVersion* versionOf(RegisteredModel& model, const QString& version)
{
    for (ModelVersion& v : model.versions) {
        if (QString::number(v.version) == version)
            return &v;
    }
    return nullptr;
}

void setKeyValue(KeyValueList& list, const QString& key, const QString& value)
{
    for (KeyValue& kv : list) {
        if (kv.key == key) {
            kv.value = value;
            return;
        }
    }
    list.append(KeyValue { key, value });
}

QString canonicalStage(const QString& stage)
{
    for (const QString& known : { QStringLiteral("None"), QStringLiteral("Staging"), QStringLiteral("Production"),
             QStringLiteral("Archived") }) {
        if (stage.compare(known, Qt::CaseInsensitive) == 0)
            return known;
    }
    return {};
}

} // namespace

QJsonObject MlflowTestRegistry::versionJson(const ModelVersion& v)
{
    QJsonObject json { { QStringLiteral("name"), v.name }, { QStringLiteral("version"), QString::number(v.version) },
        { QStringLiteral("current_stage"), v.stage }, { QStringLiteral("description"), v.description },
        { QStringLiteral("source"), v.source }, { QStringLiteral("run_id"), v.runId },
        { QStringLiteral("status"), v.status }, { QStringLiteral("run_link"), v.runLink } };
    insertTime(json, QStringLiteral("creation_timestamp"), v.creationTime);
    insertTime(json, QStringLiteral("last_updated_timestamp"), v.lastUpdatedTime);
    for (const auto& [key, value] : { std::pair { QStringLiteral("user_id"), v.userId },
             std::pair { QStringLiteral("status_message"), v.statusMessage },
             std::pair { QStringLiteral("storage_location"), v.storageLocation },
             std::pair { QStringLiteral("model_id"), v.modelId } }) {
        if (!value.isEmpty())
            json.insert(key, value);
    }
    insertIf(json, QStringLiteral("tags"), keyValues(v.tags));
    return json;
}

QJsonObject MlflowTestRegistry::modelJson(const RegisteredModel& m)
{
    QJsonObject json { { QStringLiteral("name"), m.name }, { QStringLiteral("description"), m.description } };
    insertTime(json, QStringLiteral("creation_timestamp"), m.creationTime);
    insertTime(json, QStringLiteral("last_updated_timestamp"), m.lastUpdatedTime);
    insertIf(json, QStringLiteral("tags"), keyValues(m.tags));
    QJsonArray aliases;
    for (const ModelAlias& alias : m.aliases)
        aliases.append(QJsonObject {
            { QStringLiteral("alias"), alias.alias }, { QStringLiteral("version"), QString::number(alias.version) } });
    insertIf(json, QStringLiteral("aliases"), aliases);
    return json;
}

RegisteredModel* MlflowTestRegistry::model(const QString& name)
{
    for (RegisteredModel& m : models) {
        if (m.name == name)
            return &m;
    }
    return nullptr;
}

std::optional<TestHttpResponse> MlflowTestRegistry::answer(const TestHttpRequest& request)
{
    if (!request.path.startsWith(api))
        return std::nullopt;
    const QString endpoint = request.path.mid(api.size());
    if (endpoint == QLatin1String("registered-models/get") && request.method == "GET") {
        const QString name = request.value(QStringLiteral("name"));
        RegisteredModel* m = model(name);
        return m ? ok({ { QStringLiteral("registered_model"), modelJson(*m) } }) : missingModel(name);
    }
    if (endpoint == QLatin1String("model-versions/get") && request.method == "GET") {
        const QString name = request.value(QStringLiteral("name"));
        const QString version = request.value(QStringLiteral("version"));
        RegisteredModel* m = model(name);
        ModelVersion* v = m ? versionOf(*m, version) : nullptr;
        if (!v)
            return m ? missingVersion(name, version) : missingModel(name);
        QJsonObject json = versionJson(*v);
        QJsonArray aliases;
        for (const ModelAlias& alias : m->aliases) {
            if (alias.version == v->version)
                aliases.append(alias.alias);
        }
        insertIf(json, QStringLiteral("aliases"), aliases);
        return ok({ { QStringLiteral("model_version"), json } });
    }
    static const QStringList writes { QStringLiteral("model-versions/set-tag"),
        QStringLiteral("model-versions/delete-tag"), QStringLiteral("registered-models/alias"),
        QStringLiteral("model-versions/transition-stage"), QStringLiteral("model-versions/update") };
    if (!writes.contains(endpoint) || request.method == "GET")
        return std::nullopt;
    return write(endpoint, request.method, QJsonDocument::fromJson(request.body).object());
}

TestHttpResponse MlflowTestRegistry::write(const QString& endpoint, const QByteArray& method, const QJsonObject& body)
{
    const QString name = body.value(QLatin1String("name")).toString();
    RegisteredModel* m = model(name);
    if (!m)
        return missingModel(name);
    if (endpoint == QLatin1String("registered-models/alias")) {
        const QString alias = body.value(QLatin1String("alias")).toString();
        m->aliases.removeIf([&](const ModelAlias& a) { return a.alias == alias; });
        if (method == "POST") {
            const QString version = body.value(QLatin1String("version")).toString();
            if (!versionOf(*m, version))
                return missingVersion(name, version);
            m->aliases.append(ModelAlias { alias, version.toLongLong() });
        }
        ++writesTaken;
        CanonicalOrder::sort(*m);
        return ok();
    }
    const QString version = body.value(QLatin1String("version")).toString();
    ModelVersion* v = versionOf(*m, version);
    if (!v)
        return missingVersion(name, version);
    return changeVersion(endpoint, *m, *v, body);
}

TestHttpResponse MlflowTestRegistry::changeVersion(
    const QString& endpoint, RegisteredModel& model, ModelVersion& version, const QJsonObject& body)
{
    const QString key = body.value(QLatin1String("key")).toString();
    if (endpoint == QLatin1String("model-versions/set-tag")) {
        setKeyValue(version.tags, key, body.value(QLatin1String("value")).toString());
    } else if (endpoint == QLatin1String("model-versions/delete-tag")) {
        version.tags.removeIf([&](const KeyValue& kv) { return kv.key == key; });
    } else if (endpoint == QLatin1String("model-versions/update")) {
        version.description = body.value(QLatin1String("description")).toString();
    } else {
        const QString stage = canonicalStage(body.value(QLatin1String("stage")).toString());
        if (stage.isEmpty())
            return TestHttpResponse::mlflowError(
                400, QStringLiteral("INVALID_PARAMETER_VALUE"), QStringLiteral("Invalid Model Version stage"));
        if (body.value(QLatin1String("archive_existing_versions")).toBool()) {
            for (ModelVersion& other : model.versions) {
                if (other.version != version.version && other.stage == stage)
                    other.stage = QStringLiteral("Archived");
            }
        }
        version.stage = stage;
    }
    ++writesTaken;
    CanonicalOrder::sortByKey(version.tags); // versions keep their order: `version` stays valid
    return ok({ { QStringLiteral("model_version"), versionJson(version) } });
}
