#pragma once

#include "lineage/LineageGraph.h"
#include "lineage/LineageLayout.h"

#include <QPainterPath>
#include <QPen>

class QPainter;

namespace prov {

// Draws lineage nodes and edges with a plain QPainter: the one drawing code behind the view's
// items and the image exports. Needs no scene or widget, so exports can draw on a worker
// thread (QImage, QSvgGenerator and QPdfWriter painters are thread-safe).
class LineagePainter
{
public:
    enum NodeState { Plain = 0, Selected = 1, Highlighted = 2 };

    static void paintNode(QPainter& painter, const LineageNode& node, const QRectF& box, int state = Plain);
    // An edge's curve from the layout's Bézier points (start, then three per segment).
    static QPainterPath edgePath(const LineageLayoutEdge& edge);
    static QPolygonF arrowHead(const QPointF& from, const QPointF& tip);
    // The pen of an edge: thin grey, dashed for a binding that no longer holds (history),
    // thicker in the highlight colour on a highlighted path.
    static QPen edgePen(const LineageEdge& edge, bool highlighted = false);
    static QColor edgeColour();
    // Every edge, then every node, at the layout's coordinates.
    static void paintGraph(QPainter& painter, const LineageGraph& graph, const LineageLayout& layout);
};

} // namespace prov
