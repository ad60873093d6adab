#include "LineageScene.h"

#include "LineageNodeItem.h"
#include "LineagePainter.h"
#include "LineagePalette.h"

#include <QGraphicsPathItem>
#include <QGraphicsPolygonItem>
#include <QPen>

namespace prov {

LineageScene::LineageScene(QObject* parent)
    : QGraphicsScene(parent)
{ }

LineageScene::~LineageScene()
{
    // Deleting the items changes the selection: nobody needs to hear about it now.
    blockSignals(true);
    m_nodes.clear();
    m_edges.clear();
}

void LineageScene::setLineage(std::shared_ptr<const LineageGraph> graph, std::shared_ptr<const LineageLayout> layout)
{
    // Forget the items before deleting them: clear() reports the lost selection.
    m_nodes.clear();
    m_edges.clear();
    m_path.clear();
    clear();
    m_graph = std::move(graph);
    m_layout = std::move(layout);
    if (!m_graph || !m_layout)
        return;
    setSceneRect(m_layout->bounds.adjusted(-20, -20, 20, 20));
    m_edges.fill(nullptr, m_graph->edges().size());
    for (const LineageLayoutEdge& edge : m_layout->edges)
        addEdge(edge);
    for (int n = 0; n < m_graph->nodes().size() && n < m_layout->nodeBoxes.size(); ++n) {
        auto* item = new LineageNodeItem(n, m_graph->node(n), m_layout->nodeBoxes.at(n));
        item->setZValue(1);
        addItem(item);
        m_nodes.append(item);
    }
}

void LineageScene::addEdge(const LineageLayoutEdge& geometry)
{
    if (geometry.path.isEmpty() || geometry.edge < 0 || geometry.edge >= m_edges.size())
        return;
    auto* item = new QGraphicsPathItem(LineagePainter::edgePath(geometry));
    const LineageEdge& edge = m_graph->edges().at(geometry.edge);
    item->setPen(LineagePainter::edgePen(edge));
    item->setToolTip(LineageEdge::kindName(edge.kind)
        + (edge.role.isEmpty() ? QString() : QStringLiteral(" (") + edge.role + QLatin1Char(')')));
    if (geometry.arrowTip) {
        auto* head
            = new QGraphicsPolygonItem(LineagePainter::arrowHead(geometry.path.last(), *geometry.arrowTip), item);
        head->setPen(Qt::NoPen);
        head->setBrush(LineagePainter::edgeColour());
    }
    addItem(item);
    m_edges[geometry.edge] = item;
}

int LineageScene::selectedNode() const
{
    const QList<QGraphicsItem*> selected = selectedItems();
    for (QGraphicsItem* item : selected) {
        if (const auto* node = dynamic_cast<const LineageNodeItem*>(item))
            return node->index();
    }
    return -1;
}

void LineageScene::highlightPath(const QList<int>& nodes)
{
    for (LineageNodeItem* item : std::as_const(m_nodes))
        item->setHighlighted(false);
    for (qsizetype e = 0; e < m_edges.size(); ++e) {
        if (m_edges.at(e))
            m_edges.at(e)->setPen(LineagePainter::edgePen(m_graph->edges().at(e)));
    }
    m_path = nodes;
    if (!m_graph)
        return;
    for (int n : nodes) {
        if (LineageNodeItem* item = m_nodes.value(n))
            item->setHighlighted(true);
    }
    for (qsizetype i = 0; i + 1 < nodes.size(); ++i) {
        for (int e : m_graph->outgoing(nodes.at(i))) {
            if (m_graph->edges().at(e).to == nodes.at(i + 1) && m_edges.value(e))
                m_edges.at(e)->setPen(LineagePainter::edgePen(m_graph->edges().at(e), true));
        }
    }
}

} // namespace prov
