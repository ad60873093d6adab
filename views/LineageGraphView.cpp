#include "LineageGraphView.h"

#include "LineageNodeItem.h"
#include "LineageScene.h"

#include <QWheelEvent>

namespace prov {

LineageGraphView::LineageGraphView(QWidget* parent)
    : QGraphicsView(parent)
    , m_scene(new LineageScene(this))
{
    setScene(m_scene);
    setDragMode(QGraphicsView::ScrollHandDrag);
    setRenderHints(QPainter::Antialiasing | QPainter::TextAntialiasing);
    setTransformationAnchor(QGraphicsView::AnchorUnderMouse);
    setViewportUpdateMode(QGraphicsView::SmartViewportUpdate);
    setBackgroundBrush(palette().base());
    connect(m_scene, &QGraphicsScene::selectionChanged, this, &LineageGraphView::onSelectionChanged);
}

void LineageGraphView::setLineage(
    std::shared_ptr<const LineageGraph> graph, std::shared_ptr<const LineageLayout> layout)
{
    m_lastSelected = -1;
    m_scene->setLineage(std::move(graph), std::move(layout));
    fitAll();
}

int LineageGraphView::nodeCount() const
{
    return m_scene->nodeCount();
}

int LineageGraphView::selectedNode() const
{
    return m_scene->selectedNode();
}

void LineageGraphView::selectNode(int index)
{
    LineageNodeItem* item = m_scene->nodeItem(index);
    m_scene->clearSelection();
    if (!item)
        return;
    item->setSelected(true);
    if (zoom() < 0.6)
        setTransform(QTransform::fromScale(0.9, 0.9));
    centerOn(item);
}

void LineageGraphView::highlightPath(const QList<int>& nodes)
{
    m_scene->highlightPath(nodes);
}

void LineageGraphView::fitAll()
{
    if (m_scene->items().isEmpty())
        return;
    fitInView(m_scene->sceneRect(), Qt::KeepAspectRatio);
    // Small graphs are not blown up beyond their natural size.
    if (zoom() > 1.0)
        setTransform(QTransform());
}

void LineageGraphView::zoomBy(double factor)
{
    const double next = zoom() * factor;
    if (next < 0.02 || next > 8.0)
        return;
    scale(factor, factor);
}

void LineageGraphView::wheelEvent(QWheelEvent* event)
{
    const int delta = event->angleDelta().y();
    if (delta == 0) {
        QGraphicsView::wheelEvent(event);
        return;
    }
    zoomBy(delta > 0 ? 1.15 : 1.0 / 1.15);
    event->accept();
}

void LineageGraphView::onSelectionChanged()
{
    const int selected = m_scene->selectedNode();
    if (selected == m_lastSelected)
        return;
    m_lastSelected = selected;
    Q_EMIT nodeSelected(selected);
}

} // namespace prov
