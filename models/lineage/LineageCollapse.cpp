#include "lineage/LineageCollapse.h"

#include "lineage/LineageIds.h"

namespace prov {

LineageGraph LineageCollapse::fold(
    const LineageGraph& graph, const QList<int>& replacement, const QList<LineageNode>& groups)
{
    LineageGraph result;
    QList<int> mapped(graph.nodes().size(), -1);
    QList<int> groupNodes(groups.size(), -1);
    for (int n = 0; n < graph.nodes().size(); ++n) {
        const int group = replacement.at(n);
        if (group < 0) {
            mapped[n] = result.addNode(graph.node(n));
            continue;
        }
        if (groupNodes.at(group) < 0)
            groupNodes[group] = result.addNode(groups.at(group));
        mapped[n] = groupNodes.at(group);
    }
    for (const LineageEdge& edge : graph.edges())
        result.addEdge(mapped.at(edge.from), mapped.at(edge.to), edge.kind, edge.role);
    return result;
}

LineageGraph LineageCollapse::byExperiment(const LineageGraph& graph)
{
    QList<int> replacement(graph.nodes().size(), -1);
    QList<LineageNode> groups;
    QHash<QString, int> groupOf;
    for (int n = 0; n < graph.nodes().size(); ++n) {
        const LineageNode& node = graph.node(n);
        if (node.kind != LineageNodeKind::Run)
            continue;
        const QString experiment = node.property(u"experiment");
        auto it = groupOf.find(experiment);
        if (it == groupOf.end()) {
            LineageNode group;
            group.id = QStringLiteral("experiment:") + LineageIds::encode(experiment);
            group.kind = LineageNodeKind::Run;
            group.label = experiment;
            group.setProperty(QStringLiteral("experiment"), experiment);
            group.setProperty(QStringLiteral("experiment_id"), node.property(u"experiment_id"));
            it = groupOf.insert(experiment, int(groups.size()));
            groups.append(group);
        }
        replacement[n] = *it;
        LineageNode& group = groups[*it];
        const int runs = group.property(u"runs").toInt() + 1;
        group.setProperty(QStringLiteral("runs"), QString::number(runs));
        group.detail = QString::number(runs) + (runs == 1 ? QStringLiteral(" run") : QStringLiteral(" runs"));
    }
    return fold(graph, replacement, groups);
}

LineageGraph LineageCollapse::childrenIntoParents(const LineageGraph& graph)
{
    QList<int> replacement(graph.nodes().size(), -1);
    QList<LineageNode> groups;
    QHash<int, int> groupOfParent;
    for (int n = 0; n < graph.nodes().size(); ++n) {
        if (graph.node(n).kind != LineageNodeKind::Run)
            continue;
        // The top-most ancestor run: children of children fold into it as well.
        int root = n;
        qsizetype steps = 0; // a parent cycle in bad data must not loop forever
        for (bool climbed = true; climbed && steps++ < graph.nodes().size();) {
            climbed = false;
            for (int e : graph.incoming(root)) {
                if (graph.edges().at(e).kind == LineageEdgeKind::WasInformedBy) {
                    root = graph.edges().at(e).from;
                    climbed = true;
                    break;
                }
            }
        }
        bool hasChildren = root != n;
        for (int e : graph.outgoing(n))
            hasChildren = hasChildren || graph.edges().at(e).kind == LineageEdgeKind::WasInformedBy;
        if (!hasChildren)
            continue;
        auto it = groupOfParent.find(root);
        if (it == groupOfParent.end()) {
            LineageNode group = graph.node(root);
            group.setProperty(QStringLiteral("runs"), QStringLiteral("0"));
            it = groupOfParent.insert(root, int(groups.size()));
            groups.append(group);
        }
        replacement[n] = *it;
        LineageNode& group = groups[*it];
        const int runs = group.property(u"runs").toInt() + 1;
        group.setProperty(QStringLiteral("runs"), QString::number(runs));
        group.detail = QString::number(runs - 1) + QStringLiteral(" child runs folded in");
    }
    return fold(graph, replacement, groups);
}

} // namespace prov
