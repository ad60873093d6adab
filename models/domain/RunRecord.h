#pragma once

#include "domain/ArtifactEntry.h"
#include "domain/Dataset.h"
#include "domain/KeyValue.h"
#include "domain/RunInfo.h"
#include "domain/StoreIssue.h"
#include "domain/StoreStamp.h"

#include <QList>

namespace prov {

// Everything a store holds about one run except the metric histories, which are read
// separately (and only when their stamps changed). Issues found while reading it ride along.
struct RunRecord
{
    RunInfo info;
    KeyValueList params;
    KeyValueList tags;
    QList<DatasetInput> datasetInputs;
    QList<ModelInput> modelInputs;
    QList<ModelOutput> modelOutputs;
    ArtifactList artifacts;
    QList<MetricStamp> metrics;
    StoreIssueList issues;

    QString parentRunId() const;
};

} // namespace prov
