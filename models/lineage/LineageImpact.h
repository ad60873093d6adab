#pragma once

#include "core/Result.h"
#include "lineage/LineageGraph.h"

#include <QStringList>

namespace prov {

// A registered model version that descends from the data or code an impact query started
// from, with the node ids of one shortest path from there to it.
struct ImpactedVersion
{
    QString name;
    qint64 version = 0;
    QString stage;
    QStringList aliases;
    QString runId;
    QStringList path;
};

// What descends from a dataset version or a commit: every run, model version and deployment.
struct LineageImpactReport
{
    QStringList sources; // the node ids the query started from
    QList<ImpactedVersion> versions; // by model name, then version
    QStringList runs; // MLflow run ids, sorted
    QStringList deployments; // node ids, sorted
};

// "What else did this dataset or commit feed?" answered on a whole-store lineage graph.
class LineageImpact
{
public:
    // Every dataset version with this digest (whatever its source).
    static Result<LineageImpactReport> ofDataset(const LineageGraph& graph, const QString& digest);
    // Every code version whose commit is `sha`, or starts with it when at least 7 characters
    // long; a prefix of two different commits is refused as ambiguous.
    static Result<LineageImpactReport> ofCommit(const LineageGraph& graph, const QString& sha);

private:
    static LineageImpactReport descendants(const LineageGraph& graph, const QList<int>& roots);
};

} // namespace prov
