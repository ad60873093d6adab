#pragma once

#include "lineage/LineageGraph.h"

#include <QHash>
#include <QSet>
#include <QString>

namespace prov {

// What the steps of one LineageBuilder::build() share: the graph so far and lookups from
// MLflow ids to its nodes.
struct LineageBuildState
{
    LineageGraph graph;
    QHash<QString, QString> experimentNames;
    QSet<QString> deletedExperiments;
    QSet<QString> versionRuns; // runs a model version was made from: kept even when deleted
    QHash<QString, int> runNodes; // run id -> node
    QHash<QString, int> modelNodes; // logged model id -> node
};

} // namespace prov
