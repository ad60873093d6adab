#pragma once

#include "lineage/LineageGraph.h"
#include "lineage/LineageLayout.h"

#include <QGraphicsScene>

#include <memory>

class QGraphicsPathItem;

namespace prov {

class LineageNodeItem;

// The drawing of a laid-out lineage graph: one item per node (LineageNodeItem) and a curve
// with an arrow head per edge, at the layout's coordinates. Shared by the Lineage page's view
// and the image exports so both draw the same thing. Highlighting a path colours its nodes
// and the edges between consecutive ones.
class LineageScene : public QGraphicsScene
{
    Q_OBJECT

public:
    explicit LineageScene(QObject* parent = nullptr);
    ~LineageScene() override;

    void setLineage(std::shared_ptr<const LineageGraph> graph, std::shared_ptr<const LineageLayout> layout);
    const std::shared_ptr<const LineageGraph>& graph() const { return m_graph; }
    int nodeCount() const { return int(m_nodes.size()); }
    LineageNodeItem* nodeItem(int index) const { return m_nodes.value(index); }
    // The node selected in the scene, or -1.
    int selectedNode() const;

    void highlightPath(const QList<int>& nodes);
    QList<int> highlightedPath() const { return m_path; }

private:
    void addEdge(const LineageLayoutEdge& geometry);

    std::shared_ptr<const LineageGraph> m_graph;
    std::shared_ptr<const LineageLayout> m_layout;
    QList<LineageNodeItem*> m_nodes;
    QList<QGraphicsPathItem*> m_edges; // by edge index; null for an edge without geometry
    QList<int> m_path;
};

} // namespace prov
