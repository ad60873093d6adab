#pragma once

#include "domain/LoggedModel.h"
#include "domain/RunRecord.h"

#include <QList>

namespace prov {

// MLflow 2 records a logged model only as the run tag `mlflow.log-model.history` (a JSON list
// of {artifact_path, flavors, utc_time_created, ...}). This turns that tag into LoggedModels
// with ids `runs:/<run_id>/<artifact_path>`, the same ids ModelSource resolves version
// sources to, so MLflow 2 and 3 lineage look alike. A malformed tag becomes an issue.
class LogModelHistory
{
public:
    static QList<LoggedModel> modelsOf(const RunRecord& run, StoreIssueList& issues);
};

} // namespace prov
