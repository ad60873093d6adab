#include "store/rest/MlflowRestModels.h"

#include "domain/CanonicalOrder.h"
#include "store/MlmodelSummary.h"
#include "store/rest/MlflowRestJson.h"
#include "store/rest/RestPager.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace prov {
namespace {

const QString api = QStringLiteral("/api/2.0/mlflow/");
constexpr int registryPageSize = 1000;
constexpr int loggedModelPageSize = 100;

// MLflow's filter syntax quotes with ' or "; a name holding ' is quoted with ".
QString nameFilter(const QString& name)
{
    if (!name.contains(QLatin1Char('\'')))
        return QStringLiteral("name='") + name + QLatin1Char('\'');
    QString escaped = name;
    escaped.replace(QLatin1Char('"'), QStringLiteral("\\\""));
    return QStringLiteral("name=\"") + escaped + QLatin1Char('"');
}

} // namespace

MlflowRestModels::MlflowRestModels(const RestClient& client)
    : m_client(client)
{ }

Result<LoggedModelScan> MlflowRestModels::loggedModels(
    const Experiment& experiment, const CancellationToken& cancel) const
{
    LoggedModelScan scan;
    const auto request = [&](const QString& token) {
        QJsonObject body { { QStringLiteral("experiment_ids"), QJsonArray { experiment.experimentId } },
            { QStringLiteral("max_results"), loggedModelPageSize } };
        if (!token.isEmpty())
            body.insert(QStringLiteral("page_token"), token);
        RestRequest r;
        r.method = QByteArrayLiteral("POST");
        r.path = api + QStringLiteral("logged-models/search");
        r.body = QJsonDocument(body).toJson(QJsonDocument::Compact);
        r.what = QStringLiteral("the logged models of experiment '%1'").arg(experiment.name);
        return r;
    };
    const auto take = [&](const QJsonObject& page) {
        for (const QJsonValue& item : page.value(QLatin1String("models")).toArray()) {
            LoggedModel model = MlflowRestJson::loggedModel(item.toObject());
            if (!model.modelId.isEmpty())
                scan.models.append(std::move(model));
        }
    };
    if (Status s = RestPager::readAll(m_client, request, take, cancel); !s)
        return s.error();
    if (Status s = readMlmodels(scan, cancel); !s)
        return s.error();
    std::sort(scan.models.begin(), scan.models.end(),
        [](const LoggedModel& a, const LoggedModel& b) { return a.modelId < b.modelId; });
    return scan;
}

Status MlflowRestModels::readMlmodels(LoggedModelScan& scan, const CancellationToken& cancel) const
{
    QList<RestClient::Call> calls;
    for (const LoggedModel& model : std::as_const(scan.models)) {
        RestRequest r;
        r.path = QStringLiteral("/ajax-api/2.0/mlflow/logged-models/") + model.modelId
            + QStringLiteral("/artifacts/files");
        r.query.append({ QStringLiteral("artifact_file_path"), QStringLiteral("MLmodel") });
        r.what = QStringLiteral("the MLmodel file of logged model %1").arg(model.modelId);
        r.expectsText = true;
        calls.append(m_client.start(r));
    }
    for (qsizetype i = 0; i < calls.size(); ++i) {
        LoggedModel& model = scan.models[i];
        auto reply = m_client.wait(calls[i], cancel);
        if (!reply) {
            if (reply.error().code == ErrorCode::Cancelled || reply.error().code == ErrorCode::AccessDenied
                || reply.error().code == ErrorCode::Unreachable)
                return reply.error();
            scan.issues.append({ StoreIssue::Severity::Warning, reply.error().location, reply.error().message,
                model.experimentId, model.sourceRunId });
            continue;
        }
        auto summary = MlmodelSummary::parse(reply->text);
        if (!summary) {
            scan.issues.append({ StoreIssue::Severity::Warning, model.modelId,
                QStringLiteral("the MLmodel file could not be read: ") + summary.error().message, model.experimentId,
                model.sourceRunId });
            continue;
        }
        model.flavors = summary->flavors;
        model.signatureInputs = summary->signatureInputs;
        model.signatureOutputs = summary->signatureOutputs;
    }
    return {};
}

Result<RegistryScan> MlflowRestModels::registry(const CancellationToken& cancel) const
{
    RegistryScan scan;
    const auto request = [](const QString& token) {
        RestRequest r;
        r.path = api + QStringLiteral("registered-models/search");
        r.query.append({ QStringLiteral("max_results"), QString::number(registryPageSize) });
        if (!token.isEmpty())
            r.query.append({ QStringLiteral("page_token"), token });
        r.what = QStringLiteral("the model registry");
        return r;
    };
    const auto take = [&](const QJsonObject& page) {
        for (const QJsonValue& item : page.value(QLatin1String("registered_models")).toArray())
            scan.models.append(MlflowRestJson::registeredModel(item.toObject()));
    };
    if (Status s = RestPager::readAll(m_client, request, take, cancel); !s)
        return s.error();
    if (Status s = readVersions(scan.models, cancel); !s)
        return s.error();
    for (RegisteredModel& model : scan.models)
        CanonicalOrder::sort(model);
    std::sort(scan.models.begin(), scan.models.end(),
        [](const RegisteredModel& a, const RegisteredModel& b) { return a.name < b.name; });
    return scan;
}

Status MlflowRestModels::readVersions(QList<RegisteredModel>& models, const CancellationToken& cancel) const
{
    for (RegisteredModel& model : models) {
        const auto request = [&model](const QString& token) {
            RestRequest r;
            r.path = api + QStringLiteral("model-versions/search");
            r.query.append({ QStringLiteral("filter"), nameFilter(model.name) });
            r.query.append({ QStringLiteral("max_results"), QString::number(registryPageSize) });
            if (!token.isEmpty())
                r.query.append({ QStringLiteral("page_token"), token });
            r.what = QStringLiteral("the versions of registered model '%1'").arg(model.name);
            return r;
        };
        const auto take = [&model](const QJsonObject& page) {
            for (const QJsonValue& item : page.value(QLatin1String("model_versions")).toArray())
                model.versions.append(MlflowRestJson::modelVersion(item.toObject()));
        };
        if (Status s = RestPager::readAll(m_client, request, take, cancel); !s)
            return s;
    }
    return {};
}

} // namespace prov
