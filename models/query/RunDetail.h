#pragma once

#include "domain/ArtifactEntry.h"
#include "domain/Dataset.h"
#include "domain/KeyValue.h"
#include "domain/LoggedModel.h"
#include "domain/MetricHistory.h"
#include "domain/RunInfo.h"
#include "domain/StoreIssue.h"

#include <QList>
#include <QStringList>

#include <optional>

namespace prov {

// A reference to another run, enough to show it and navigate to it.
struct RunLink
{
    QString runId;
    QString runName;
    RunStatus status = RunStatus::Finished;
};

// A registered model version, as referenced from a run or a logged model.
struct ModelVersionLink
{
    QString name;
    qint64 version = 0;
    QString stage;
    QStringList aliases;
    QString modelId;
};

// Everything the run details panel shows about one run, read from the cache in one go.
struct RunDetail
{
    RunInfo info;
    QString experimentName;
    KeyValueList params;
    KeyValueList tags;
    QList<MetricSummary> metrics;
    QList<DatasetInput> datasetInputs;
    QList<ModelInput> modelInputs;
    QList<ModelOutput> modelOutputs;
    ArtifactList artifacts;
    std::optional<RunLink> parent;
    QList<RunLink> children;
    QList<LoggedModel> loggedModels; // produced by this run (MLflow 3 entities or MLflow 2 history)
    QList<ModelVersionLink> modelVersions; // registered from this run
    StoreIssueList issues;

    QString tag(const QString& key) const { return valueOf(tags, key); }
};

} // namespace prov
