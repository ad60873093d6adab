#pragma once

#include "MlflowTestRegistry.h"
#include "TestHttpExchange.h"

#include "core/Result.h"
#include "domain/Experiment.h"
#include "domain/LoggedModel.h"
#include "domain/MetricHistory.h"
#include "domain/RegisteredModel.h"
#include "domain/RunRecord.h"

#include <QHash>
#include <QJsonObject>

#include <atomic>
#include <map>

// What the test tracking server serves: the whole content of a local MLflow store (read once
// with Provenance's own reader), answered in the shapes MLflow 3.2's server gives (see
// tests/data/mlflow/rest-samples): experiments and runs search with page tokens, runs/get,
// full and bulk metric histories with MLflow's limits (100 runs, a cap on points), artifact
// listings, logged models with their MLmodel, and the registry. As an MLflow 2.x server it
// answers 404 for logged models. Registry writes (MlflowTestRegistry) change what later reads
// return; the server answers from one thread, so answers never race.
class MlflowTestContent
{
public:
    static prov::Result<MlflowTestContent> load(const QString& storePath);

    TestHttpResponse answer(const TestHttpRequest& request);

    // The registry as served now, with the writes taken so far.
    const QList<prov::RegisteredModel>& registry() const { return m_registry.models; }
    int registryWritesTaken() const { return m_registry.writesTaken; }

    // Points per bulk history answer (MLflow 3: 25,000); lower it to make answers reach it.
    int bulkCap = 25'000;
    bool mlflow2 = false;

    // Changes one run's history in place (a run still logging), for incremental sync tests.
    void appendPoint(const QString& runId, const QString& key, const prov::MetricPoint& point);
    QStringList runIds() const;
    QStringList metricKeys(const QString& runId) const;

private:
    struct Run
    {
        prov::RunRecord record;
        std::map<QString, prov::MetricHistory> histories;
    };

    TestHttpResponse searchExperiments(const QJsonObject& body) const;
    TestHttpResponse searchRuns(const QJsonObject& body) const;
    TestHttpResponse getRun(const TestHttpRequest& request) const;
    TestHttpResponse history(const TestHttpRequest& request) const;
    TestHttpResponse bulkHistory(const TestHttpRequest& request) const;
    TestHttpResponse listArtifacts(const TestHttpRequest& request) const;
    TestHttpResponse searchLoggedModels(const QJsonObject& body) const;
    TestHttpResponse loggedModelFile(const QString& path) const;
    TestHttpResponse searchRegisteredModels(const TestHttpRequest& request) const;
    TestHttpResponse searchVersions(const TestHttpRequest& request) const;
    QJsonObject runJson(const Run& run) const;

    QList<prov::Experiment> m_experiments;
    QList<Run> m_runs; // newest start first, as MLflow orders them
    QHash<QString, qsizetype> m_runIndex;
    QList<prov::LoggedModel> m_loggedModels;
    MlflowTestRegistry m_registry;
};
