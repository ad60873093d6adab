#pragma once

#include <QList>
#include <QPointF>
#include <QRectF>
#include <QSizeF>

#include <optional>

namespace prov {

// One edge as laid out: a cubic Bézier path (start point, then three points per segment) and
// the tip of its arrow head, when Graphviz drew the line short of the node to leave room.
struct LineageLayoutEdge
{
    int edge = -1; // index into the graph's edges
    QList<QPointF> path;
    std::optional<QPointF> arrowTip;
};

// The geometry of a laid-out lineage graph, in points (1/72 inch), y growing downwards, the
// whole drawing inside `bounds` (origin at 0, 0). Plain values: drawing is the views' job.
struct LineageLayout
{
    QList<QRectF> nodeBoxes; // by node index
    QList<LineageLayoutEdge> edges;
    QRectF bounds;
};

// What a layout is asked for: node sizes in points (by node index; empty: estimated from the
// labels) and Graphviz's separations in inches.
struct LineageLayoutOptions
{
    QList<QSizeF> nodeSizes;
    double rankSeparation = 0.7;
    double nodeSeparation = 0.25;
};

} // namespace prov
