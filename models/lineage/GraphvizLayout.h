#pragma once

#include "core/CancellationToken.h"
#include "core/Result.h"
#include "lineage/LineageGraph.h"
#include "lineage/LineageLayout.h"

namespace prov {

// Lays a lineage graph out with Graphviz's `dot` engine, left to right (rankdir LR), and
// returns plain geometry. Each weakly connected component is laid out on its own and the
// components are packed in rows (ShelfPacking), tallest first, so a store of many small
// pipelines reads as a grid rather than one very tall column. Nodes get the sizes asked for
// (fixed, so Graphviz never measures text, and names cannot upset it); edge labels are left to
// the view. Runs on a worker thread: Graphviz use is serialised by GraphvizGraph. Cancellation
// is checked between components (Graphviz itself cannot be interrupted).
class GraphvizLayout
{
public:
    static Result<LineageLayout> layout(
        const LineageGraph& graph, const LineageLayoutOptions& options, const CancellationToken& cancel = {});
    // A size that fits a node's label and detail in a 10-point sans-serif font (estimated).
    static QSizeF estimatedSize(const LineageNode& node);
};

} // namespace prov
