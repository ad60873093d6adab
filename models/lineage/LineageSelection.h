#pragma once

#include "core/Result.h"
#include "lineage/LineageGraph.h"

namespace prov {

// What a lineage view starts from: a model version, a run (id or unique name), the dataset
// versions with a digest, the runs of an experiment, or the whole store.
struct LineageFocus
{
    enum class Kind { All, ModelVersion, Run, Dataset, Experiment };

    Kind kind = Kind::All;
    QString name; // model name, run id or name, dataset digest, experiment name or id
    qint64 version = 0;
};

// Turns a focus into nodes of a graph and cuts the graph down to their neighbourhood.
class LineageSelection
{
public:
    // The nodes the focus names (every node for All); NotFound, in a sentence naming what
    // was looked for, when there is none.
    static Result<QList<int>> resolve(const LineageGraph& graph, const LineageFocus& focus);
    // `focus`, everything `up` hops upstream of it and `down` hops downstream of it
    // (LineageGraph::AnyDepth: all), with the edges between them.
    static LineageGraph around(const LineageGraph& graph, const QList<int>& focus, int up, int down);
    // The graph without its Agent (user) nodes and their edges, unless one of them is in
    // `keep`. Drawings leave users out by default: a handful of users each linked to hundreds
    // of runs tie a whole store into one tangle, and a run's user is in its details anyway.
    static LineageGraph withoutAgents(const LineageGraph& graph, const QList<int>& keep = {});
    // Nodes whose label, id or any property value contains `text` (case-insensitive), those
    // whose label starts with it first; empty for blank text.
    static QList<int> search(const LineageGraph& graph, const QString& text);
};

} // namespace prov
