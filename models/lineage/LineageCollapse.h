#pragma once

#include "lineage/LineageGraph.h"

namespace prov {

// Simpler drawings of a large graph: the runs of each experiment drawn as one node, or child
// runs folded into their parent. Edges of the folded runs move to the node that replaces
// them (once per kind); the replacement's `runs` property says how many runs it stands for.
class LineageCollapse
{
public:
    static LineageGraph byExperiment(const LineageGraph& graph);
    static LineageGraph childrenIntoParents(const LineageGraph& graph);

private:
    // Rebuilds `graph` with node n replaced by the node at replacement[n] of `groups` (or kept
    // when replacement[n] < 0).
    static LineageGraph fold(
        const LineageGraph& graph, const QList<int>& replacement, const QList<LineageNode>& groups);
};

} // namespace prov
