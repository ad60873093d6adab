#pragma once

#include "lineage/LineageGraph.h"

namespace prov {

// The weakly connected components of a lineage graph: node sets joined by edges in either
// direction. Real stores fall apart into many small components (one per pipeline), which are
// cheaper to lay out one by one than as one graph. Deterministic: each component lists its
// nodes in ascending order, components come in the order of their first node.
class LineageComponents
{
public:
    static QList<QList<int>> of(const LineageGraph& graph);
};

} // namespace prov
