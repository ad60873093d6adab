#pragma once

#include "lineage/LineageNode.h"

#include <QGraphicsItem>

namespace prov {

// One lineage node in a LineageScene: its kind's shape and colour, the name in bold over the
// detail (digest, commit, status, stage), elided to the box. Selected nodes get a thick
// outline, nodes on a highlighted path the highlight colour; dimmed nodes fade.
class LineageNodeItem : public QGraphicsItem
{
public:
    LineageNodeItem(int index, const LineageNode& node, const QRectF& box);

    int index() const { return m_index; }
    const QString& label() const { return m_node.label; }
    void setHighlighted(bool on);
    bool isHighlighted() const { return m_highlighted; }

    QRectF boundingRect() const override;
    QPainterPath shape() const override;
    void paint(QPainter* painter, const QStyleOptionGraphicsItem* option, QWidget* widget) override;

private:
    int m_index;
    LineageNode m_node;
    QRectF m_box;
    bool m_highlighted = false;
};

} // namespace prov
