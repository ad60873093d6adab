#pragma once

#include "domain/ArtifactEntry.h"
#include "domain/StoreIssue.h"
#include "store/MlmodelSummary.h"

#include <QString>
#include <QStringList>

namespace prov {

// Finds the local artifact folders of an SQLite backend. The database records artifact
// URIs, not files: `mlflow-artifacts:/X` (a server with proxied artifacts) lives in that
// server's --artifacts-destination, which by convention sits beside the database as
// `artifacts/` (or `mlartifacts/`, the server's default); `file:///...` and absolute paths
// are local already. Anything else (s3://, ...) is not local and yields no folder.
class MlflowSqliteArtifacts
{
public:
    explicit MlflowSqliteArtifacts(const QString& databasePath);

    // The existing local folder for `uri`, or an empty string.
    QString localFolder(const QString& uri) const;

    // Every file and folder under `folder`, with '/'-separated relative paths, sorted by path.
    static ArtifactList list(const QString& folder);

    // The flavor names and signature of the MLmodel file in `folder`; empty when there is no
    // MLmodel. An unreadable MLmodel is reported in `issues`.
    static MlmodelSummary mlmodel(const QString& folder, StoreIssueList& issues);

private:
    QString m_databaseFolder;
};

} // namespace prov
