#pragma once

#include "lineage/LineageEdge.h"
#include "lineage/LineageNode.h"

#include <QHash>
#include <QList>
#include <QSet>

namespace prov {

// A directed lineage graph: nodes by namespaced id (added once: a second add of the same id
// returns the first node), edges oriented from upstream to downstream and added once per
// (from, to, kind). Answers the questions lineage asks: what is upstream or downstream of
// some nodes within k hops, and the shortest path between two nodes. A plain value: build it
// on a worker thread and share it as std::shared_ptr<const LineageGraph>.
class LineageGraph
{
public:
    // Unlimited depth for upstream()/downstream().
    static constexpr int AnyDepth = -1;

    int addNode(LineageNode node);
    // Ignores edges to unknown nodes (-1), self-loops and repeats.
    void addEdge(int from, int to, LineageEdgeKind kind, const QString& role = {});

    int indexOf(const QString& id) const { return m_index.value(id, -1); }
    const QList<LineageNode>& nodes() const { return m_nodes; }
    const QList<LineageEdge>& edges() const { return m_edges; }
    const LineageNode& node(int index) const { return m_nodes.at(index); }
    LineageNode& node(int index) { return m_nodes[index]; }
    // Edge indexes leaving / entering a node.
    const QList<int>& outgoing(int node) const { return m_out.at(node); }
    const QList<int>& incoming(int node) const { return m_in.at(node); }
    bool isEmpty() const { return m_nodes.isEmpty(); }

    // `from` and every node reached against (upstream) or along (downstream) the edges in at
    // most `depth` hops (AnyDepth: all of them).
    QSet<int> upstream(const QList<int>& from, int depth = AnyDepth) const;
    QSet<int> downstream(const QList<int>& from, int depth = AnyDepth) const;
    // The nodes of a shortest directed path from `a` to `b` (or from `b` to `a` when only that
    // direction connects them), both ends included; empty when none.
    QList<int> path(int a, int b) const;
    // Shortest directed paths from any of `roots` along the edges: for each reached node its
    // predecessor on one shortest path (roots map to -1).
    QHash<int, int> shortestPathTree(const QList<int>& roots) const;
    // The nodes in `keep` and the edges between them, in this graph's order.
    LineageGraph subgraph(const QSet<int>& keep) const;

private:
    QSet<int> reach(const QList<int>& from, int depth, bool forward) const;

    QList<LineageNode> m_nodes;
    QList<LineageEdge> m_edges;
    QList<QList<int>> m_out;
    QList<QList<int>> m_in;
    QHash<QString, int> m_index;
    QSet<quint64> m_edgeKeys;
};

} // namespace prov
