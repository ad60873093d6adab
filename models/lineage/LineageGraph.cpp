#include "lineage/LineageGraph.h"

#include <algorithm>

namespace prov {

int LineageGraph::addNode(LineageNode node)
{
    const auto found = m_index.constFind(node.id);
    if (found != m_index.cend())
        return *found;
    const int index = int(m_nodes.size());
    m_index.insert(node.id, index);
    m_nodes.append(std::move(node));
    m_out.append(QList<int>());
    m_in.append(QList<int>());
    return index;
}

void LineageGraph::addEdge(int from, int to, LineageEdgeKind kind, const QString& role)
{
    if (from < 0 || to < 0 || from == to || from >= m_nodes.size() || to >= m_nodes.size())
        return;
    // (from, to, kind) packed into one key: 28 bits per node index, 8 for the kind.
    const quint64 key = (quint64(from) << 36) | (quint64(to) << 8) | quint64(kind);
    if (m_edgeKeys.contains(key))
        return;
    m_edgeKeys.insert(key);
    const int index = int(m_edges.size());
    m_edges.append({ from, to, kind, role });
    m_out[from].append(index);
    m_in[to].append(index);
}

QSet<int> LineageGraph::reach(const QList<int>& from, int depth, bool forward) const
{
    QSet<int> seen;
    QList<int> frontier;
    for (int n : from) {
        if (n >= 0 && n < m_nodes.size() && !seen.contains(n)) {
            seen.insert(n);
            frontier.append(n);
        }
    }
    for (int hop = 0; !frontier.isEmpty() && (depth < 0 || hop < depth); ++hop) {
        QList<int> next;
        for (int n : std::as_const(frontier)) {
            for (int e : forward ? m_out.at(n) : m_in.at(n)) {
                const int other = forward ? m_edges.at(e).to : m_edges.at(e).from;
                if (!seen.contains(other)) {
                    seen.insert(other);
                    next.append(other);
                }
            }
        }
        frontier = std::move(next);
    }
    return seen;
}

QSet<int> LineageGraph::upstream(const QList<int>& from, int depth) const
{
    return reach(from, depth, false);
}

QSet<int> LineageGraph::downstream(const QList<int>& from, int depth) const
{
    return reach(from, depth, true);
}

QHash<int, int> LineageGraph::shortestPathTree(const QList<int>& roots) const
{
    QHash<int, int> previous;
    QList<int> frontier;
    for (int r : roots) {
        if (r >= 0 && r < m_nodes.size() && !previous.contains(r)) {
            previous.insert(r, -1);
            frontier.append(r);
        }
    }
    for (qsizetype i = 0; i < frontier.size(); ++i) {
        const int n = frontier.at(i);
        for (int e : m_out.at(n)) {
            const int to = m_edges.at(e).to;
            if (!previous.contains(to)) {
                previous.insert(to, n);
                frontier.append(to);
            }
        }
    }
    return previous;
}

QList<int> LineageGraph::path(int a, int b) const
{
    for (const auto& [from, to] : { std::pair { a, b }, std::pair { b, a } }) {
        const QHash<int, int> previous = shortestPathTree({ from });
        if (!previous.contains(to))
            continue;
        QList<int> nodes;
        for (int n = to; n >= 0; n = previous.value(n))
            nodes.prepend(n);
        return nodes;
    }
    return {};
}

LineageGraph LineageGraph::subgraph(const QSet<int>& keep) const
{
    LineageGraph result;
    QHash<int, int> mapped;
    for (int n = 0; n < m_nodes.size(); ++n) {
        if (keep.contains(n))
            mapped.insert(n, result.addNode(m_nodes.at(n)));
    }
    for (const LineageEdge& e : m_edges) {
        if (mapped.contains(e.from) && mapped.contains(e.to))
            result.addEdge(mapped.value(e.from), mapped.value(e.to), e.kind, e.role);
    }
    return result;
}

} // namespace prov
