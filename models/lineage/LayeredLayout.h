#pragma once

#include "lineage/LineageGraph.h"
#include "lineage/LineageLayout.h"

namespace prov {

// A cheap left-to-right layered layout for components too big for Graphviz's `dot` to lay out
// while a user waits (dot's time grows much faster than the node count: 5,000 store-shaped nodes
// take it tens of seconds). Ranks by longest path, with sources pulled next to their first
// consumer; order within a rank by a few barycentre sweeps; each node as close as it may get to
// the middle of its upstream neighbours; straight edges. Deterministic; about linear in size.
// Its drawings have more crossings than dot's: GraphvizLayout uses it only above a threshold.
class LayeredLayout
{
public:
    // Lays out the component `members` (graph node indexes) with the node sizes by graph index.
    // The result's nodeBoxes are parallel to `members`; its edges carry graph edge indexes and
    // are every edge leaving a member; bounds start at (0, 0). Separations are in points.
    static LineageLayout layout(const LineageGraph& graph, const QList<int>& members, const QList<QSizeF>& sizes,
        double rankSeparation, double nodeSeparation);
};

} // namespace prov
