#include "LineagePainter.h"

#include "LineagePalette.h"

#include <QFontMetricsF>
#include <QLineF>
#include <QPainter>

namespace prov {
namespace {

QString oneLine(const QString& text)
{
    return QString(text).replace(QLatin1Char('\n'), QLatin1Char(' '));
}

} // namespace

void LineagePainter::paintNode(QPainter& painter, const LineageNode& node, const QRectF& box, int state)
{
    const bool selected = state & Selected;
    const bool highlighted = state & Highlighted;
    QPen pen(highlighted ? LineagePalette::highlight() : LineagePalette::border(node.kind), selected ? 3.0 : 1.2);
    if (highlighted && !selected)
        pen.setWidthF(2.4);
    painter.setPen(pen);
    painter.setBrush(LineagePalette::fill(node.kind));
    painter.drawPath(LineagePalette::shape(node.kind, box));
    // Bidirectional text (Arabic, Hebrew) is laid out by Qt; each line is elided on its own.
    const QRectF text = box.adjusted(8, 4, -8, -4);
    QFont bold = painter.font();
    bold.setPointSizeF(9);
    bold.setBold(true);
    QFont plain = bold;
    plain.setBold(false);
    plain.setPointSizeF(8);
    painter.setPen(QColor(0x20, 0x20, 0x20));
    const QString detail = oneLine(node.detail);
    const bool twoLines = !detail.isEmpty() && text.height() >= 2 * QFontMetricsF(bold).height();
    QRectF first = text;
    if (twoLines)
        first.setHeight(text.height() / 2 + 2);
    painter.setFont(bold);
    painter.drawText(first, Qt::AlignCenter | Qt::TextSingleLine,
        QFontMetricsF(bold).elidedText(oneLine(node.label), Qt::ElideRight, text.width()));
    if (twoLines) {
        painter.setFont(plain);
        painter.drawText(QRectF(text.left(), first.bottom() - 2, text.width(), text.height() / 2),
            Qt::AlignCenter | Qt::TextSingleLine,
            QFontMetricsF(plain).elidedText(detail, Qt::ElideMiddle, text.width()));
    }
}

QPainterPath LineagePainter::edgePath(const LineageLayoutEdge& edge)
{
    if (edge.path.isEmpty())
        return {};
    QPainterPath path(edge.path.first());
    for (qsizetype i = 1; i + 2 < edge.path.size(); i += 3)
        path.cubicTo(edge.path.at(i), edge.path.at(i + 1), edge.path.at(i + 2));
    return path;
}

QPolygonF LineagePainter::arrowHead(const QPointF& from, const QPointF& tip)
{
    const QLineF line(tip, from);
    if (line.length() < 0.1)
        return {};
    QLineF left = line;
    left.setLength(8);
    QLineF right = left;
    left.setAngle(line.angle() + 25);
    right.setAngle(line.angle() - 25);
    return QPolygonF({ tip, left.p2(), right.p2() });
}

QColor LineagePainter::edgeColour()
{
    return QColor(0x70, 0x70, 0x70);
}

QPen LineagePainter::edgePen(const LineageEdge& edge, bool highlighted)
{
    QPen pen(highlighted ? LineagePalette::highlight() : edgeColour(), highlighted ? 2.6 : 1.1);
    if (edge.kind == LineageEdgeKind::Binding && edge.role == QLatin1String("past"))
        pen.setStyle(Qt::DashLine);
    return pen;
}

void LineagePainter::paintGraph(QPainter& painter, const LineageGraph& graph, const LineageLayout& layout)
{
    painter.setRenderHints(QPainter::Antialiasing | QPainter::TextAntialiasing);
    for (const LineageLayoutEdge& edge : layout.edges) {
        if (edge.edge < 0 || edge.edge >= graph.edges().size())
            continue;
        painter.setPen(edgePen(graph.edges().at(edge.edge)));
        painter.setBrush(Qt::NoBrush);
        painter.drawPath(edgePath(edge));
        if (edge.arrowTip && !edge.path.isEmpty()) {
            painter.setPen(Qt::NoPen);
            painter.setBrush(edgeColour());
            painter.drawPolygon(arrowHead(edge.path.last(), *edge.arrowTip));
        }
    }
    for (int n = 0; n < graph.nodes().size() && n < layout.nodeBoxes.size(); ++n)
        paintNode(painter, graph.node(n), layout.nodeBoxes.at(n));
}

} // namespace prov
