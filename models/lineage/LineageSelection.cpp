#include "lineage/LineageSelection.h"

#include "lineage/LineageIds.h"

namespace prov {
namespace {

QList<int> nodesWhere(const LineageGraph& graph, LineageNodeKind kind, const QString& key, const QString& value)
{
    QList<int> found;
    for (int n = 0; n < graph.nodes().size(); ++n) {
        const LineageNode& node = graph.node(n);
        if (node.kind == kind && node.property(key) == value)
            found.append(n);
    }
    return found;
}

Error notFound(const QString& what)
{
    return makeError(ErrorCode::NotFound, what + QStringLiteral(" is not in the lineage of this store."));
}

} // namespace

Result<QList<int>> LineageSelection::resolve(const LineageGraph& graph, const LineageFocus& focus)
{
    QList<int> found;
    switch (focus.kind) {
    case LineageFocus::Kind::All:
        for (int n = 0; n < graph.nodes().size(); ++n)
            found.append(n);
        return found;
    case LineageFocus::Kind::ModelVersion:
        found = { graph.indexOf(LineageIds::modelVersion(focus.name, focus.version)) };
        if (found.first() < 0)
            return notFound(
                QStringLiteral("Version %1 of the registered model “%2”").arg(focus.version).arg(focus.name));
        return found;
    case LineageFocus::Kind::Run:
        found = nodesWhere(graph, LineageNodeKind::Run, QStringLiteral("run_id"), focus.name);
        if (found.isEmpty())
            found = nodesWhere(graph, LineageNodeKind::Run, QStringLiteral("run_name"), focus.name);
        if (found.size() > 1)
            return makeError(ErrorCode::InvalidArgument,
                QStringLiteral("%1 runs are named “%2”: give the run id instead").arg(found.size()).arg(focus.name));
        if (found.isEmpty())
            return notFound(QStringLiteral("The run “%1”").arg(focus.name));
        return found;
    case LineageFocus::Kind::Dataset:
        found = nodesWhere(graph, LineageNodeKind::DatasetVersion, QStringLiteral("digest"), focus.name);
        if (found.isEmpty())
            return notFound(QStringLiteral("A dataset with digest “%1”").arg(focus.name));
        return found;
    case LineageFocus::Kind::Experiment:
        found = nodesWhere(graph, LineageNodeKind::Run, QStringLiteral("experiment"), focus.name);
        if (found.isEmpty())
            found = nodesWhere(graph, LineageNodeKind::Run, QStringLiteral("experiment_id"), focus.name);
        if (found.isEmpty())
            return notFound(QStringLiteral("The experiment “%1” (or any run of it)").arg(focus.name));
        return found;
    }
    return found;
}

LineageGraph LineageSelection::around(const LineageGraph& graph, const QList<int>& focus, int up, int down)
{
    QSet<int> keep = graph.upstream(focus, up);
    keep.unite(graph.downstream(focus, down));
    return graph.subgraph(keep);
}

LineageGraph LineageSelection::withoutAgents(const LineageGraph& graph, const QList<int>& keep)
{
    QSet<int> nodes;
    for (int n = 0; n < graph.nodes().size(); ++n) {
        if (graph.node(n).kind != LineageNodeKind::Agent || keep.contains(n))
            nodes.insert(n);
    }
    return nodes.size() == graph.nodes().size() ? graph : graph.subgraph(nodes);
}

QList<int> LineageSelection::search(const LineageGraph& graph, const QString& text)
{
    const QString wanted = text.trimmed();
    if (wanted.isEmpty())
        return {};
    QList<int> first;
    QList<int> rest;
    for (int n = 0; n < graph.nodes().size(); ++n) {
        const LineageNode& node = graph.node(n);
        if (node.label.startsWith(wanted, Qt::CaseInsensitive)) {
            first.append(n);
            continue;
        }
        bool found = node.label.contains(wanted, Qt::CaseInsensitive) || node.id.contains(wanted, Qt::CaseInsensitive);
        for (qsizetype p = 0; !found && p < node.properties.size(); ++p)
            found = node.properties.at(p).value.contains(wanted, Qt::CaseInsensitive);
        if (found)
            rest.append(n);
    }
    return first + rest;
}

} // namespace prov
