#include "lineage/LineageComponents.h"

#include <algorithm>

namespace prov {

QList<QList<int>> LineageComponents::of(const LineageGraph& graph)
{
    const int count = int(graph.nodes().size());
    QList<int> component(count, -1);
    QList<QList<int>> components;
    QList<int> stack;
    for (int start = 0; start < count; ++start) {
        if (component.at(start) >= 0)
            continue;
        const int id = int(components.size());
        QList<int> members;
        component[start] = id;
        stack.append(start);
        while (!stack.isEmpty()) {
            const int n = stack.takeLast();
            members.append(n);
            const auto visit = [&](int next) {
                if (component.at(next) < 0) {
                    component[next] = id;
                    stack.append(next);
                }
            };
            for (int e : graph.outgoing(n))
                visit(graph.edges().at(e).to);
            for (int e : graph.incoming(n))
                visit(graph.edges().at(e).from);
        }
        std::sort(members.begin(), members.end());
        components.append(std::move(members));
    }
    return components;
}

} // namespace prov
