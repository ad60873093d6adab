#pragma once

#include <QByteArray>

#include <mutex>

struct Agraph_s;
struct Agnode_s;
struct Agedge_s;
struct GVC_s;

namespace prov {

// One Graphviz graph with its context, owned for one layout (RAII). Graphviz keeps global
// state and is not thread-safe (DESIGN.md, house style 9), so every GraphvizGraph holds the
// one process-wide Graphviz lock from construction to destruction: two layouts on two worker
// threads run one after the other. Destruction frees the layout, the graph and the context.
// reset() starts a new graph in the same context (several layouts under one lock).
class GraphvizGraph
{
public:
    GraphvizGraph();
    ~GraphvizGraph();
    GraphvizGraph(const GraphvizGraph&) = delete;
    GraphvizGraph& operator=(const GraphvizGraph&) = delete;

    bool isValid() const { return m_context && m_graph; }
    Agraph_s* graph() const { return m_graph; }

    // Frees the current graph (and its layout) and starts an empty one in the same context,
    // still under the lock: a series of layouts pays for one context.
    void reset();

    Agnode_s* addNode(const QByteArray& name);
    Agedge_s* addEdge(Agnode_s* from, Agnode_s* to);
    // Attribute setters (declaring the attribute with an empty default on first use).
    void setGraphAttribute(const char* name, const QByteArray& value);
    static void setAttribute(void* object, const char* name, const QByteArray& value);

    // Runs a layout engine ("dot"); false when Graphviz refused.
    bool layout(const char* engine);
    // Renders the laid-out graph with a Graphviz output format ("svg", "plain", ...).
    QByteArray render(const char* format);

private:
    std::unique_lock<std::mutex> m_lock;
    GVC_s* m_context = nullptr;
    Agraph_s* m_graph = nullptr;
    bool m_laidOut = false;
};

} // namespace prov
