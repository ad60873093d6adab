#pragma once

#include "TestHttpExchange.h"

#include "domain/RegisteredModel.h"

#include <QJsonObject>

#include <optional>

// The model registry of the test tracking server, answered as MLflow 3.2's server answers:
// registered-models/get and model-versions/get, and the writes MLflow's client makes
// (model-versions/set-tag, delete-tag, update; registered-models/alias POST and DELETE;
// model-versions/transition-stage), which change `models` so that later reads return them.
// A missing model or version answers 404 RESOURCE_DOES_NOT_EXIST with MLflow's message.
class MlflowTestRegistry
{
public:
    QList<prov::RegisteredModel> models;
    int writesTaken = 0;

    // nullopt for paths that are not the registry's gets and writes.
    std::optional<TestHttpResponse> answer(const TestHttpRequest& request);

    static QJsonObject versionJson(const prov::ModelVersion& version);
    static QJsonObject modelJson(const prov::RegisteredModel& model);

private:
    TestHttpResponse write(const QString& endpoint, const QByteArray& method, const QJsonObject& body);
    TestHttpResponse changeVersion(
        const QString& endpoint, prov::RegisteredModel& model, prov::ModelVersion& version, const QJsonObject& body);
    prov::RegisteredModel* model(const QString& name);
};
