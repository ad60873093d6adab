#include "lineage/DotExport.h"

#include "lineage/GraphvizText.h"

namespace prov {

LineageNodeStyle LineageNodeStyle::of(LineageNodeKind kind)
{
    switch (kind) {
    case LineageNodeKind::DatasetVersion:
        return { "cylinder", "#cfe2f3" };
    case LineageNodeKind::CodeVersion:
        return { "note", "#e1d5f0" };
    case LineageNodeKind::Run:
        return { "box", "#fde9b8" };
    case LineageNodeKind::LoggedModel:
        return { "component", "#d5ecd4" };
    case LineageNodeKind::ModelVersion:
        return { "tab", "#b9e3d9" };
    case LineageNodeKind::Deployment:
        return { "doubleoctagon", "#f6c9c4" };
    case LineageNodeKind::Agent:
        return { "house", "#fbd7b0" };
    }
    return { "box", "#ffffff" };
}

QString DotExport::nodeLabel(const LineageNode& node)
{
    return GraphvizText::label({ node.label, node.detail });
}

QString DotExport::edgeLabel(const LineageEdge& edge)
{
    if (edge.kind == LineageEdgeKind::Used && !edge.role.isEmpty())
        return GraphvizText::label({ edge.role });
    return GraphvizText::label({ LineageEdge::kindName(edge.kind) });
}

QByteArray DotExport::write(const LineageGraph& graph)
{
    QString dot = QStringLiteral("digraph lineage {\n"
                                 "  rankdir=LR;\n"
                                 "  node [fontname=\"Helvetica\", fontsize=10, style=filled];\n"
                                 "  edge [fontname=\"Helvetica\", fontsize=8, color=\"#606060\"];\n");
    for (const LineageNode& node : graph.nodes()) {
        const LineageNodeStyle style = LineageNodeStyle::of(node.kind);
        dot += QStringLiteral("  ") + GraphvizText::quoted(node.id) + QStringLiteral(" [label=\"") + nodeLabel(node)
            + QStringLiteral("\", shape=") + QLatin1String(style.shape) + QStringLiteral(", fillcolor=\"")
            + QLatin1String(style.fill) + QStringLiteral("\"");
        if (node.kind == LineageNodeKind::Run)
            dot += QStringLiteral(", style=\"filled,rounded\"");
        dot += QStringLiteral("];\n");
    }
    for (const LineageEdge& edge : graph.edges()) {
        dot += QStringLiteral("  ") + GraphvizText::quoted(graph.node(edge.from).id) + QStringLiteral(" -> ")
            + GraphvizText::quoted(graph.node(edge.to).id) + QStringLiteral(" [label=\"") + edgeLabel(edge)
            + QStringLiteral("\"");
        if (edge.kind == LineageEdgeKind::Binding && edge.role == QLatin1String("past"))
            dot += QStringLiteral(", style=dashed");
        dot += QStringLiteral("];\n");
    }
    dot += QStringLiteral("}\n");
    return dot.toUtf8();
}

} // namespace prov
