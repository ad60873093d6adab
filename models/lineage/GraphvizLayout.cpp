#include "lineage/GraphvizLayout.h"

#include "lineage/GraphvizGraph.h"
#include "lineage/LineageLog.h"

#include <graphviz/gvc.h>

#include <algorithm>

namespace prov {
namespace {

constexpr double pointsPerInch = 72.0;
constexpr qsizetype largeGraph = 300;

QByteArray inches(double points)
{
    return QByteArray::number(points / pointsPerInch, 'f', 3);
}

Error cancelled()
{
    return makeError(ErrorCode::Cancelled, QStringLiteral("the layout was cancelled"));
}

// Graphviz's y grows upwards; the views' grows downwards.
QPointF flipped(const pointf& p, double height)
{
    return QPointF(p.x, height - p.y);
}

LineageLayoutEdge edgeGeometry(Agedge_t* e, int index, double height)
{
    LineageLayoutEdge geometry;
    geometry.edge = index;
    const splines* spl = ED_spl(e);
    if (!spl || spl->size < 1)
        return geometry;
    const bezier& bz = spl->list[0];
    for (int i = 0; i < bz.size; ++i)
        geometry.path.append(flipped(bz.list[i], height));
    if (bz.eflag)
        geometry.arrowTip = flipped(bz.ep, height);
    return geometry;
}

} // namespace

QSizeF GraphvizLayout::estimatedSize(const LineageNode& node)
{
    // ~6 points per character of a 10-point sans-serif font, capped like the labels are.
    const qsizetype longest = std::min<qsizetype>(std::max(node.label.size(), node.detail.size()), 32);
    return QSizeF(std::max<double>(72.0, 6.0 * double(longest) + 24.0), node.detail.isEmpty() ? 30.0 : 40.0);
}

Result<LineageLayout> GraphvizLayout::layout(
    const LineageGraph& graph, const LineageLayoutOptions& options, const CancellationToken& cancel)
{
    if (cancel.isCancelled())
        return cancelled();
    GraphvizGraph gv;
    if (!gv.isValid())
        return makeError(ErrorCode::Unsupported, QStringLiteral("Graphviz could not be started"));
    gv.setGraphAttribute("rankdir", "LR");
    gv.setGraphAttribute("ranksep", QByteArray::number(options.rankSeparation, 'f', 2));
    gv.setGraphAttribute("nodesep", QByteArray::number(options.nodeSeparation, 'f', 2));
    // dot's crossing minimisation and spline routing grow fast with size: on large graphs
    // (store-shaped, with datasets and commits shared by many runs) fewer crossing passes and
    // straight edges make the layout about three times faster (500 nodes: 1.6 s -> 0.55 s).
    const bool large = graph.nodes().size() > largeGraph;
    gv.setGraphAttribute("splines", large ? "line" : "spline");
    if (large)
        gv.setGraphAttribute("mclimit", "0.1");
    QList<Agnode_t*> nodes;
    nodes.reserve(graph.nodes().size());
    for (int n = 0; n < graph.nodes().size(); ++n) {
        Agnode_t* node = gv.addNode("n" + QByteArray::number(n));
        const QSizeF size = n < options.nodeSizes.size() ? options.nodeSizes.at(n) : estimatedSize(graph.node(n));
        GraphvizGraph::setAttribute(node, "shape", "box");
        GraphvizGraph::setAttribute(node, "fixedsize", "true");
        GraphvizGraph::setAttribute(node, "label", "");
        GraphvizGraph::setAttribute(node, "width", inches(size.width()));
        GraphvizGraph::setAttribute(node, "height", inches(size.height()));
        nodes.append(node);
    }
    QList<Agedge_t*> edges;
    edges.reserve(graph.edges().size());
    for (const LineageEdge& edge : graph.edges())
        edges.append(gv.addEdge(nodes.at(edge.from), nodes.at(edge.to)));
    if (cancel.isCancelled())
        return cancelled();
    if (!gv.layout("dot")) {
        qCWarning(lcLineage) << "Graphviz dot layout failed for" << graph.nodes().size() << "nodes";
        return makeError(ErrorCode::Unsupported, QStringLiteral("Graphviz could not lay out this graph"));
    }
    if (cancel.isCancelled())
        return cancelled();
    const boxf bb = GD_bb(gv.graph());
    const double height = bb.UR.y;
    LineageLayout layout;
    layout.bounds = QRectF(0, 0, bb.UR.x, bb.UR.y);
    layout.nodeBoxes.reserve(nodes.size());
    for (Agnode_t* node : std::as_const(nodes)) {
        const double w = ND_width(node) * pointsPerInch;
        const double h = ND_height(node) * pointsPerInch;
        const QPointF centre = flipped(ND_coord(node), height);
        layout.nodeBoxes.append(QRectF(centre.x() - w / 2, centre.y() - h / 2, w, h));
    }
    for (int e = 0; e < edges.size(); ++e) {
        if (edges.at(e))
            layout.edges.append(edgeGeometry(edges.at(e), e, height));
    }
    return layout;
}

} // namespace prov
