#include "lineage/GraphvizGraph.h"

#include <graphviz/cgraph.h>
#include <graphviz/gvc.h>

#include <cstdlib>

namespace prov {
namespace {

// The lock all Graphviz use goes through: Graphviz is one library-wide state machine
// (its memory pools, error handlers and plugin tables are process globals).
std::mutex& graphvizMutex()
{
    static std::mutex mutex;
    return mutex;
}

} // namespace

GraphvizGraph::GraphvizGraph()
    : m_lock(graphvizMutex())
{
    m_context = gvContext();
    char name[] = "lineage";
    if (m_context)
        m_graph = agopen(name, Agdirected, nullptr);
}

GraphvizGraph::~GraphvizGraph()
{
    if (m_laidOut)
        gvFreeLayout(m_context, m_graph);
    if (m_graph)
        agclose(m_graph);
    if (m_context)
        gvFreeContext(m_context);
}

void GraphvizGraph::reset()
{
    if (m_laidOut)
        gvFreeLayout(m_context, m_graph);
    m_laidOut = false;
    if (m_graph)
        agclose(m_graph);
    m_graph = nullptr;
    char name[] = "lineage";
    if (m_context)
        m_graph = agopen(name, Agdirected, nullptr);
}

Agnode_s* GraphvizGraph::addNode(const QByteArray& name)
{
    return agnode(m_graph, const_cast<char*>(name.constData()), 1);
}

Agedge_s* GraphvizGraph::addEdge(Agnode_s* from, Agnode_s* to)
{
    return agedge(m_graph, from, to, nullptr, 1);
}

void GraphvizGraph::setGraphAttribute(const char* name, const QByteArray& value)
{
    setAttribute(m_graph, name, value);
}

void GraphvizGraph::setAttribute(void* object, const char* name, const QByteArray& value)
{
    char empty[] = "";
    agsafeset(object, const_cast<char*>(name), const_cast<char*>(value.constData()), empty);
}

bool GraphvizGraph::layout(const char* engine)
{
    if (m_laidOut)
        gvFreeLayout(m_context, m_graph);
    m_laidOut = gvLayout(m_context, m_graph, engine) == 0;
    return m_laidOut;
}

QByteArray GraphvizGraph::render(const char* format)
{
    char* data = nullptr;
    unsigned int length = 0;
    if (!m_laidOut || gvRenderData(m_context, m_graph, format, &data, &length) != 0)
        return {};
    QByteArray result(data, qsizetype(length));
    gvFreeRenderData(data);
    return result;
}

} // namespace prov
