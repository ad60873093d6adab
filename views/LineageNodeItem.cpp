#include "LineageNodeItem.h"

#include "LineagePainter.h"
#include "LineagePalette.h"

#include <QPainter>
#include <QStyleOptionGraphicsItem>

namespace prov {

LineageNodeItem::LineageNodeItem(int index, const LineageNode& node, const QRectF& box)
    : m_index(index)
    , m_node(node)
    , m_box(box)
{
    setFlag(ItemIsSelectable);
    setToolTip(LineagePalette::kindTitle(node.kind) + QStringLiteral(": ") + node.label + QLatin1Char('\n') + node.id);
}

void LineageNodeItem::setHighlighted(bool on)
{
    if (m_highlighted == on)
        return;
    m_highlighted = on;
    update();
}

QRectF LineageNodeItem::boundingRect() const
{
    return m_box.adjusted(-6, -3, 6, 3);
}

QPainterPath LineageNodeItem::shape() const
{
    QPainterPath path;
    path.addRect(m_box);
    return path;
}

void LineageNodeItem::paint(QPainter* painter, const QStyleOptionGraphicsItem* option, QWidget*)
{
    int state = LineagePainter::Plain;
    if (option->state & QStyle::State_Selected)
        state |= LineagePainter::Selected;
    if (m_highlighted)
        state |= LineagePainter::Highlighted;
    LineagePainter::paintNode(*painter, m_node, m_box, state);
}

} // namespace prov
