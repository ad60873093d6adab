#pragma once

#include "lineage/LineageGraph.h"

#include <QByteArray>
#include <QString>

namespace prov {

// Where OpenLineage events say they come from.
struct OpenLineageOptions
{
    QString jobNamespace = QStringLiteral("mlflow"); // the store's URI, usually
    QString producer = QStringLiteral("urn:provenance");
    qint64 fallbackTime = 0; // eventTime of a run with neither end nor start time (ms)
};

// Writes one OpenLineage RunEvent per run of a lineage graph as NDJSON (spec 2-0-2): COMPLETE
// for a finished run, FAIL for a failed one, ABORT for a killed one (RUNNING while a run still
// runs, START when scheduled). The job is "<experiment>/<run name>"; inputs are the datasets
// the run used (the digest as the datasetVersion facet) and the logged models it used; outputs
// are the logged models it produced. The job carries a sourceCodeLocation facet when the run
// recorded git information, the run a parent facet when it is a child run. MLflow run ids (32
// hex digits) are written as UUIDs; any other id becomes a name-based (SHA-1) UUID.
class OpenLineageExport
{
public:
    static QByteArray write(const LineageGraph& graph, const OpenLineageOptions& options);

    static QString runUuid(const QString& runId);
};

} // namespace prov
