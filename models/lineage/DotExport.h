#pragma once

#include "lineage/LineageGraph.h"

#include <QByteArray>

namespace prov {

// How each kind of node is drawn by Graphviz: shape and fill colour, shared by the DOT export
// and the layout (whose node sizes depend on the shape).
struct LineageNodeStyle
{
    const char* shape;
    const char* fill;

    static LineageNodeStyle of(LineageNodeKind kind);
};

// Writes a lineage graph as a Graphviz DOT digraph (rankdir LR), one node per lineage node
// with its escaped label (name, then digest, commit, status or stage) and kind style, one edge
// per lineage edge labelled with its PROV relation or role.
class DotExport
{
public:
    static QByteArray write(const LineageGraph& graph);
    // The label lines drawn for a node: its label, then its detail.
    static QString nodeLabel(const LineageNode& node);
    static QString edgeLabel(const LineageEdge& edge);
};

} // namespace prov
