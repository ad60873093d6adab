#include "store/rest/MlflowRestStoreWriter.h"

#include "domain/CanonicalOrder.h"
#include "store/RegistryWriteRules.h"
#include "store/rest/MlflowRestJson.h"

#include <QJsonDocument>
#include <QSet>

namespace prov {
namespace {

using Kind = RegistryWrite::Kind;

const QString api = QStringLiteral("/api/2.0/mlflow/");

// What a write changes, for messages: "could not save tag “team” of churn-model version 2: …".
QString whatIsWritten(const RegistryWrite& w)
{
    const QString version = QStringLiteral("%1 version %2").arg(w.modelName).arg(w.version);
    switch (w.kind) {
    case Kind::SetVersionTag:
    case Kind::DeleteVersionTag:
        return QStringLiteral("tag “%1” of %2").arg(w.key, version);
    case Kind::SetAlias:
    case Kind::DeleteAlias:
        return QStringLiteral("alias “%1” of %2").arg(w.key, w.modelName);
    case Kind::TransitionStage:
        return QStringLiteral("the stage of ") + version;
    case Kind::SetVersionDescription:
        return QStringLiteral("the description of ") + version;
    }
    return version;
}

// The request MLflow's client sends for `w` (versions travel as strings, as in its protos).
RestRequest requestFor(const RegistryWrite& w)
{
    QJsonObject body { { QStringLiteral("name"), w.modelName } };
    RestRequest r;
    r.changes = true;
    r.what = whatIsWritten(w);
    const QString version = QString::number(w.version);
    switch (w.kind) {
    case Kind::SetVersionTag:
        r.method = QByteArrayLiteral("POST");
        r.path = api + QStringLiteral("model-versions/set-tag");
        body.insert(QStringLiteral("version"), version);
        body.insert(QStringLiteral("key"), w.key);
        body.insert(QStringLiteral("value"), w.value);
        break;
    case Kind::DeleteVersionTag:
        r.method = QByteArrayLiteral("DELETE");
        r.path = api + QStringLiteral("model-versions/delete-tag");
        body.insert(QStringLiteral("version"), version);
        body.insert(QStringLiteral("key"), w.key);
        break;
    case Kind::SetAlias:
        r.method = QByteArrayLiteral("POST");
        r.path = api + QStringLiteral("registered-models/alias");
        body.insert(QStringLiteral("alias"), w.key);
        body.insert(QStringLiteral("version"), version);
        break;
    case Kind::DeleteAlias:
        r.method = QByteArrayLiteral("DELETE");
        r.path = api + QStringLiteral("registered-models/alias");
        body.insert(QStringLiteral("alias"), w.key);
        break;
    case Kind::TransitionStage:
        r.method = QByteArrayLiteral("POST");
        r.path = api + QStringLiteral("model-versions/transition-stage");
        body.insert(QStringLiteral("version"), version);
        body.insert(QStringLiteral("stage"), RegistryWriteRules::canonicalStage(w.key));
        body.insert(QStringLiteral("archive_existing_versions"), w.archiveExisting);
        break;
    case Kind::SetVersionDescription:
        r.method = QByteArrayLiteral("PATCH");
        r.path = api + QStringLiteral("model-versions/update");
        body.insert(QStringLiteral("version"), version);
        body.insert(QStringLiteral("description"), w.value);
        break;
    }
    r.body = QJsonDocument(body).toJson(QJsonDocument::Compact);
    return r;
}

// The transport's judgement, in the terms StoreWriter::isTransient decides on: a model or
// version the server does not have is refused; an answer that is not MLflow's (a web page for
// a missing endpoint, a broken body) may come right later, so the write stays queued.
Error asWriteError(Error error)
{
    switch (error.code) {
    case ErrorCode::NotFound:
        error.code = ErrorCode::InvalidArgument;
        break;
    case ErrorCode::Unsupported:
    case ErrorCode::Corrupt:
        error.code = ErrorCode::Unreachable;
        break;
    default:
        break;
    }
    return error;
}

RestRequest getRequest(const QString& endpoint, const RestQuery& query, const QString& what)
{
    RestRequest r;
    r.path = api + endpoint;
    r.query = query;
    r.what = what;
    return r;
}

} // namespace

MlflowRestStoreWriter::MlflowRestStoreWriter(StoreLocation location, RestOptions options)
    : m_location(std::move(location))
    , m_client(std::move(options))
{ }

Status MlflowRestStoreWriter::write(const RegistryWrites& writes)
{
    for (const RegistryWrite& w : writes) {
        if (auto reply = m_client.send(requestFor(w), CancellationToken()); !reply)
            return asWriteError(reply.error());
    }
    return {};
}

Result<RegistryScan> MlflowRestStoreWriter::readRegistry(const RegistryWrites& writes) const
{
    QStringList models;
    QList<std::pair<QString, qint64>> versions;
    for (const RegistryWrite& w : writes) {
        if (!models.contains(w.modelName))
            models.append(w.modelName);
        if (w.kind != Kind::SetAlias && w.kind != Kind::DeleteAlias
            && !versions.contains(std::pair { w.modelName, w.version }))
            versions.append({ w.modelName, w.version });
    }
    QList<RestClient::Call> modelCalls;
    for (const QString& name : std::as_const(models))
        modelCalls.append(m_client.start(getRequest(QStringLiteral("registered-models/get"),
            { { QStringLiteral("name"), name } }, QStringLiteral("registered model “%1”").arg(name))));
    QList<RestClient::Call> versionCalls;
    for (const auto& [name, version] : std::as_const(versions))
        versionCalls.append(m_client.start(getRequest(QStringLiteral("model-versions/get"),
            { { QStringLiteral("name"), name }, { QStringLiteral("version"), QString::number(version) } },
            QStringLiteral("%1 version %2").arg(name).arg(version))));
    RegistryScan scan;
    for (const RestClient::Call& call : std::as_const(modelCalls)) {
        auto reply = m_client.wait(call, CancellationToken());
        if (!reply)
            return asWriteError(reply.error());
        RegisteredModel model
            = MlflowRestJson::registeredModel(reply->json.value(QLatin1String("registered_model")).toObject());
        model.versions.clear();
        scan.models.append(std::move(model));
    }
    for (const RestClient::Call& call : std::as_const(versionCalls)) {
        auto reply = m_client.wait(call, CancellationToken());
        if (!reply)
            return asWriteError(reply.error());
        ModelVersion version
            = MlflowRestJson::modelVersion(reply->json.value(QLatin1String("model_version")).toObject());
        for (RegisteredModel& model : scan.models) {
            if (model.name == version.name)
                model.versions.append(version);
        }
    }
    for (RegisteredModel& model : scan.models)
        CanonicalOrder::sort(model);
    return scan;
}

} // namespace prov
