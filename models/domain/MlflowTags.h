#pragma once

#include <QString>

namespace prov::MlflowTags {

// Well-known MLflow system tags (mlflow/utils/mlflow_tags.py).
inline const QString RunName = QStringLiteral("mlflow.runName");
inline const QString User = QStringLiteral("mlflow.user");
inline const QString ParentRunId = QStringLiteral("mlflow.parentRunId");
inline const QString Note = QStringLiteral("mlflow.note.content");
inline const QString SourceName = QStringLiteral("mlflow.source.name");
inline const QString SourceType = QStringLiteral("mlflow.source.type");
inline const QString GitCommit = QStringLiteral("mlflow.source.git.commit");
inline const QString GitBranch = QStringLiteral("mlflow.source.git.branch");
inline const QString GitRepoUrl = QStringLiteral("mlflow.source.git.repoURL");
inline const QString LogModelHistory = QStringLiteral("mlflow.log-model.history");
inline const QString DatasetContext = QStringLiteral("mlflow.data.context");

} // namespace prov::MlflowTags
