#include "lineage/LayeredLayout.h"

#include <QHash>
#include <QLineF>

#include <algorithm>
#include <limits>
#include <numeric>
#include <vector>

namespace prov {
namespace {

constexpr int sweeps = 4;
constexpr double arrowLength = 8.0;

// The component as local adjacency lists (local node indexes), edges in graph order.
struct Local
{
    QHash<int, int> index; // graph node -> local node
    QList<int> edges; // graph edge indexes
    QList<QList<int>> out; // local successors
    QList<QList<int>> in; // local predecessors
};

Local localGraph(const LineageGraph& graph, const QList<int>& members)
{
    Local l;
    QHash<int, int>& local = l.index;
    local.reserve(members.size());
    for (qsizetype i = 0; i < members.size(); ++i)
        local.insert(members.at(i), int(i));
    l.out.resize(members.size());
    l.in.resize(members.size());
    for (int n : members)
        l.edges.append(graph.outgoing(n));
    std::sort(l.edges.begin(), l.edges.end());
    for (int e : std::as_const(l.edges)) {
        const int from = local.value(graph.edges().at(e).from);
        const int to = local.value(graph.edges().at(e).to);
        l.out[from].append(to);
        l.in[to].append(from);
    }
    return l;
}

// Longest-path ranks (Kahn's order; nodes on cycles follow in index order), then every source
// moved right to just before its nearest consumer, so a dataset sits beside the run using it.
QList<int> ranks(const Local& l)
{
    const qsizetype count = l.out.size();
    QList<int> rank(count, 0);
    QList<int> waiting(count);
    QList<int> ready;
    for (qsizetype n = 0; n < count; ++n) {
        waiting[n] = int(l.in.at(n).size());
        if (waiting.at(n) == 0)
            ready.append(int(n));
    }
    std::vector<bool> done(static_cast<size_t>(count), false);
    for (qsizetype next = 0, seeded = 0; next < count;) {
        if (ready.isEmpty()) { // a cycle: release the first node not yet ranked
            while (done[size_t(seeded)])
                ++seeded;
            ready.append(int(seeded));
        }
        const int n = ready.takeFirst();
        if (done[size_t(n)])
            continue;
        done[size_t(n)] = true;
        ++next;
        for (int m : l.out.at(n)) {
            if (done[size_t(m)])
                continue;
            rank[m] = std::max(rank.at(m), rank.at(n) + 1);
            if (--waiting[m] == 0)
                ready.append(m);
        }
    }
    for (qsizetype n = 0; n < count; ++n) {
        if (!l.in.at(n).isEmpty() || l.out.at(n).isEmpty())
            continue;
        int nearest = std::numeric_limits<int>::max();
        for (int m : l.out.at(n))
            nearest = std::min(nearest, rank.at(m));
        rank[n] = std::max(0, nearest - 1);
    }
    return rank;
}

// Reorders each layer by the mean relative position of the neighbours in `neighbours`.
void sweep(QList<QList<int>>& layers, QList<double>& position, const QList<QList<int>>& neighbours, bool forward)
{
    const qsizetype count = layers.size();
    for (qsizetype step = 0; step < count; ++step) {
        QList<int>& layer = layers[forward ? step : count - 1 - step];
        QList<double> key(layer.size());
        for (qsizetype i = 0; i < layer.size(); ++i) {
            const QList<int>& near = neighbours.at(layer.at(i));
            double sum = 0;
            for (int m : near)
                sum += position.at(m);
            key[i] = near.isEmpty() ? position.at(layer.at(i)) : sum / double(near.size());
        }
        QList<int> order(layer.size());
        std::iota(order.begin(), order.end(), 0);
        std::stable_sort(order.begin(), order.end(), [&key](int a, int b) { return key.at(a) < key.at(b); });
        QList<int> sorted;
        sorted.reserve(layer.size());
        for (int i : std::as_const(order))
            sorted.append(layer.at(i));
        layer = std::move(sorted);
        for (qsizetype i = 0; i < layer.size(); ++i)
            position[layer.at(i)] = (double(i) + 0.5) / double(layer.size());
    }
}

LineageLayoutEdge straightEdge(int edge, const QRectF& from, const QRectF& to)
{
    const QPointF start(from.right(), from.center().y());
    const QPointF tip(to.left(), to.center().y());
    QLineF line(start, tip);
    LineageLayoutEdge geometry;
    geometry.edge = edge;
    if (line.length() > arrowLength)
        line.setLength(line.length() - arrowLength);
    const QPointF end = line.p2();
    geometry.path = { start, start + (end - start) / 3.0, start + 2.0 * (end - start) / 3.0, end };
    geometry.arrowTip = tip;
    return geometry;
}

} // namespace

LineageLayout LayeredLayout::layout(const LineageGraph& graph, const QList<int>& members, const QList<QSizeF>& sizes,
    double rankSeparation, double nodeSeparation)
{
    const Local l = localGraph(graph, members);
    const QList<int> rank = ranks(l);
    const int rankCount = members.isEmpty() ? 0 : *std::max_element(rank.begin(), rank.end()) + 1;
    QList<QList<int>> layers(rankCount);
    for (qsizetype n = 0; n < members.size(); ++n)
        layers[rank.at(n)].append(int(n));
    QList<double> position(members.size());
    for (const QList<int>& layer : std::as_const(layers)) {
        for (qsizetype i = 0; i < layer.size(); ++i)
            position[layer.at(i)] = (double(i) + 0.5) / double(layer.size());
    }
    for (int s = 0; s < sweeps; ++s) {
        sweep(layers, position, l.in, true);
        sweep(layers, position, l.out, false);
    }
    // Columns as wide as their widest node; each node as near the middle of its upstream
    // neighbours as the nodes above it allow.
    LineageLayout result;
    result.nodeBoxes.resize(members.size());
    std::vector<bool> placed(static_cast<size_t>(members.size()), false);
    double x = 0;
    double top = 0;
    double bottom = 0;
    for (const QList<int>& layer : std::as_const(layers)) {
        double width = 0;
        for (int n : layer)
            width = std::max(width, sizes.at(members.at(n)).width());
        double next = 0;
        for (int n : layer) {
            const QSizeF size = sizes.at(members.at(n));
            double sum = 0;
            int known = 0;
            for (int m : l.in.at(n)) {
                if (placed[size_t(m)]) {
                    sum += result.nodeBoxes.at(m).center().y();
                    ++known;
                }
            }
            const double wanted = known ? sum / known - size.height() / 2 : next;
            const double y = std::max(wanted, next);
            result.nodeBoxes[n] = QRectF(x + (width - size.width()) / 2, y, size.width(), size.height());
            placed[size_t(n)] = true;
            next = y + size.height() + nodeSeparation;
            top = std::min(top, y);
            bottom = std::max(bottom, y + size.height());
        }
        x += width + rankSeparation;
    }
    for (QRectF& box : result.nodeBoxes)
        box.translate(0, -top);
    for (int e : l.edges) {
        const LineageEdge& edge = graph.edges().at(e);
        result.edges.append(straightEdge(
            e, result.nodeBoxes.at(l.index.value(edge.from)), result.nodeBoxes.at(l.index.value(edge.to))));
    }
    result.bounds = QRectF(0, 0, std::max(0.0, x - rankSeparation), bottom - top);
    return result;
}

} // namespace prov
