#include "lineage/GraphvizLayout.h"

#include "lineage/GraphvizGraph.h"
#include "lineage/LayeredLayout.h"
#include "lineage/LineageComponents.h"
#include "lineage/LineageLog.h"
#include "lineage/ShelfPacking.h"

#include <graphviz/gvc.h>

#include <algorithm>

namespace prov {
namespace {

constexpr double pointsPerInch = 72.0;
constexpr qsizetype largeGraph = 300;
constexpr qsizetype hugeGraph = 1000;
// Above this many nodes in one component, dot takes many seconds (5,000 store-shaped nodes:
// 12 s and more) and LayeredLayout draws it instead.
constexpr qsizetype layeredGraph = 2500;
constexpr double componentGap = 36.0;

QByteArray inches(double points)
{
    return QByteArray::number(points / pointsPerInch, 'f', 3);
}

Error cancelled()
{
    return makeError(ErrorCode::Cancelled, QStringLiteral("the layout was cancelled"));
}

// One component laid out on its own, its drawing's top-left corner at (0, 0).
struct Piece
{
    QList<int> nodes; // graph node indexes, parallel to boxes
    QList<QRectF> boxes;
    QList<LineageLayoutEdge> edges;
    QSizeF size;
};

// Graphviz's y grows upwards; the views' grows downwards.
QPointF flipped(const pointf& p, const boxf& bb)
{
    return QPointF(p.x - bb.LL.x, bb.UR.y - p.y);
}

LineageLayoutEdge edgeGeometry(Agedge_t* e, int index, const boxf& bb)
{
    LineageLayoutEdge geometry;
    geometry.edge = index;
    const splines* spl = ED_spl(e);
    if (!spl || spl->size < 1)
        return geometry;
    const bezier& bz = spl->list[0];
    for (int i = 0; i < bz.size; ++i)
        geometry.path.append(flipped(bz.list[i], bb));
    if (bz.eflag)
        geometry.arrowTip = flipped(bz.ep, bb);
    return geometry;
}

// dot's crossing minimisation, its network-simplex passes and spline routing grow fast with
// size. Store-shaped graphs (datasets and commits shared by many runs) above a few hundred
// nodes get straight edges and fewer crossing passes (500 nodes: 1.6 s -> 0.55 s); above a
// thousand, the network-simplex passes are also capped, which leaves a little more slack in
// the drawing but keeps a 2,000-node component to about a second.
void setGraphAttributes(GraphvizGraph& gv, qsizetype nodes, const LineageLayoutOptions& options)
{
    gv.setGraphAttribute("rankdir", "LR");
    gv.setGraphAttribute("ranksep", QByteArray::number(options.rankSeparation, 'f', 2));
    gv.setGraphAttribute("nodesep", QByteArray::number(options.nodeSeparation, 'f', 2));
    gv.setGraphAttribute("splines", nodes > largeGraph ? "line" : "spline");
    if (nodes > largeGraph)
        gv.setGraphAttribute("mclimit", nodes > hugeGraph ? "0.01" : "0.1");
    if (nodes > hugeGraph) {
        gv.setGraphAttribute("nslimit", "0.2");
        gv.setGraphAttribute("nslimit1", "0.2");
        gv.setGraphAttribute("remincross", "false");
    }
}

Result<Piece> layoutComponent(GraphvizGraph& gv, const LineageGraph& graph, const QList<int>& members,
    const QList<QSizeF>& sizes, const LineageLayoutOptions& options)
{
    Piece piece;
    piece.nodes = members;
    if (members.size() == 1) { // nothing for Graphviz to arrange
        piece.size = sizes.at(members.first());
        piece.boxes.append(QRectF(QPointF(0, 0), piece.size));
        return piece;
    }
    if (members.size() > layeredGraph) {
        LineageLayout layered = LayeredLayout::layout(
            graph, members, sizes, options.rankSeparation * pointsPerInch, options.nodeSeparation * pointsPerInch);
        piece.boxes = std::move(layered.nodeBoxes);
        piece.edges = std::move(layered.edges);
        piece.size = layered.bounds.size();
        return piece;
    }
    gv.reset();
    if (!gv.isValid())
        return makeError(ErrorCode::Unsupported, QStringLiteral("Graphviz could not be started"));
    setGraphAttributes(gv, members.size(), options);
    QHash<int, Agnode_t*> nodes;
    nodes.reserve(members.size());
    QList<int> edgeIndexes;
    for (int n : members) {
        Agnode_t* node = gv.addNode("n" + QByteArray::number(n));
        const QSizeF& size = sizes.at(n);
        GraphvizGraph::setAttribute(node, "shape", "box");
        GraphvizGraph::setAttribute(node, "fixedsize", "true");
        GraphvizGraph::setAttribute(node, "label", "");
        GraphvizGraph::setAttribute(node, "width", inches(size.width()));
        GraphvizGraph::setAttribute(node, "height", inches(size.height()));
        nodes.insert(n, node);
        edgeIndexes.append(graph.outgoing(n));
    }
    std::sort(edgeIndexes.begin(), edgeIndexes.end());
    QList<Agedge_t*> edges;
    edges.reserve(edgeIndexes.size());
    for (int e : std::as_const(edgeIndexes))
        edges.append(gv.addEdge(nodes.value(graph.edges().at(e).from), nodes.value(graph.edges().at(e).to)));
    if (!gv.layout("dot")) {
        qCWarning(lcLineage) << "Graphviz dot layout failed for a component of" << members.size() << "nodes";
        return makeError(ErrorCode::Unsupported, QStringLiteral("Graphviz could not lay out this graph"));
    }
    const boxf bb = GD_bb(gv.graph());
    piece.size = QSizeF(bb.UR.x - bb.LL.x, bb.UR.y - bb.LL.y);
    piece.boxes.reserve(members.size());
    for (int n : members) {
        Agnode_t* node = nodes.value(n);
        const double w = ND_width(node) * pointsPerInch;
        const double h = ND_height(node) * pointsPerInch;
        const QPointF centre = flipped(ND_coord(node), bb);
        piece.boxes.append(QRectF(centre.x() - w / 2, centre.y() - h / 2, w, h));
    }
    for (qsizetype i = 0; i < edges.size(); ++i) {
        if (edges.at(i))
            piece.edges.append(edgeGeometry(edges.at(i), edgeIndexes.at(i), bb));
    }
    return piece;
}

// The pieces placed side by side (ShelfPacking) as one layout, edges in graph order.
LineageLayout assemble(const LineageGraph& graph, const QList<Piece>& pieces)
{
    QList<QSizeF> sizes;
    sizes.reserve(pieces.size());
    for (const Piece& piece : pieces)
        sizes.append(piece.size);
    const QList<QPointF> corners = ShelfPacking::pack(sizes, componentGap);
    LineageLayout layout;
    layout.nodeBoxes.resize(graph.nodes().size());
    QList<LineageLayoutEdge> edges(graph.edges().size());
    double right = 0;
    double bottom = 0;
    for (qsizetype p = 0; p < pieces.size(); ++p) {
        const Piece& piece = pieces.at(p);
        const QPointF offset = corners.at(p);
        for (qsizetype i = 0; i < piece.nodes.size(); ++i)
            layout.nodeBoxes[piece.nodes.at(i)] = piece.boxes.at(i).translated(offset);
        for (LineageLayoutEdge edge : piece.edges) {
            for (QPointF& point : edge.path)
                point += offset;
            if (edge.arrowTip)
                *edge.arrowTip += offset;
            edges[edge.edge] = std::move(edge);
        }
        right = std::max(right, offset.x() + piece.size.width());
        bottom = std::max(bottom, offset.y() + piece.size.height());
    }
    for (LineageLayoutEdge& edge : edges) {
        if (edge.edge >= 0)
            layout.edges.append(std::move(edge));
    }
    layout.bounds = QRectF(0, 0, right, bottom);
    return layout;
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
    QList<QSizeF> sizes;
    sizes.reserve(graph.nodes().size());
    for (int n = 0; n < graph.nodes().size(); ++n)
        sizes.append(n < options.nodeSizes.size() ? options.nodeSizes.at(n) : estimatedSize(graph.node(n)));
    const QList<QList<int>> components = LineageComponents::of(graph);
    GraphvizGraph gv;
    if (!gv.isValid())
        return makeError(ErrorCode::Unsupported, QStringLiteral("Graphviz could not be started"));
    QList<Piece> pieces;
    pieces.reserve(components.size());
    for (const QList<int>& members : components) {
        if (cancel.isCancelled())
            return cancelled();
        auto piece = layoutComponent(gv, graph, members, sizes, options);
        if (!piece)
            return piece.error();
        pieces.append(std::move(piece).value());
    }
    if (cancel.isCancelled())
        return cancelled();
    return assemble(graph, pieces);
}

} // namespace prov
