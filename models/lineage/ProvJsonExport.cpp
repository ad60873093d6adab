#include "lineage/ProvJsonExport.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace prov {
namespace {

QJsonObject qualifiedName(const QString& name)
{
    return QJsonObject { { QStringLiteral("$"), name },
        { QStringLiteral("type"), QStringLiteral("prov:QUALIFIED_NAME") } };
}

QJsonObject dateTime(qint64 ms)
{
    return QJsonObject { { QStringLiteral("$"),
                             QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toString(Qt::ISODateWithMs) },
        { QStringLiteral("type"), QStringLiteral("xsd:dateTime") } };
}

QJsonObject prefixes()
{
    QJsonObject prefix { { QStringLiteral("xsd"), QStringLiteral("http://www.w3.org/2001/XMLSchema#") },
        { QStringLiteral("provenance"), QStringLiteral("urn:provenance:terms#") } };
    for (const char* kind : { "dataset", "code", "run", "model", "version", "deployment", "agent" })
        prefix.insert(
            QLatin1String(kind), QString(QStringLiteral("urn:provenance:") + QLatin1String(kind) + QLatin1Char(':')));
    return prefix;
}

QJsonObject nodeRecord(const LineageNode& node)
{
    QJsonObject record;
    QJsonValue type = qualifiedName(QString(QStringLiteral("provenance:") + LineageNode::kindName(node.kind)));
    if (node.kind == LineageNodeKind::CodeVersion)
        type = QJsonArray { type, qualifiedName(QStringLiteral("prov:Plan")) };
    else if (node.kind == LineageNodeKind::Agent)
        type = QJsonArray { type, qualifiedName(QStringLiteral("prov:Person")) };
    record.insert(QStringLiteral("prov:type"), type);
    record.insert(QStringLiteral("prov:label"), node.label);
    for (const KeyValue& kv : node.properties)
        record.insert(QStringLiteral("provenance:") + kv.key, kv.value);
    if (node.kind == LineageNodeKind::Run) {
        if (node.startTime)
            record.insert(QStringLiteral("prov:startTime"), dateTime(*node.startTime)[QStringLiteral("$")]);
        if (node.endTime)
            record.insert(QStringLiteral("prov:endTime"), dateTime(*node.endTime)[QStringLiteral("$")]);
    } else if (node.startTime) {
        record.insert(QStringLiteral("provenance:created"), dateTime(*node.startTime));
    }
    return record;
}

// The code version a run used, if any: its plan in wasAssociatedWith.
QString planOf(const LineageGraph& graph, int run)
{
    for (int e : graph.incoming(run)) {
        const LineageEdge& edge = graph.edges().at(e);
        if (edge.kind == LineageEdgeKind::Used && graph.node(edge.from).kind == LineageNodeKind::CodeVersion)
            return graph.node(edge.from).id;
    }
    return {};
}

// The PROV relation an edge is written as, and its record.
std::pair<QString, QJsonObject> relation(const LineageGraph& graph, const LineageEdge& edge)
{
    const QString from = graph.node(edge.from).id;
    const QString to = graph.node(edge.to).id;
    QJsonObject r;
    switch (edge.kind) {
    case LineageEdgeKind::Used:
        r = { { QStringLiteral("prov:activity"), to }, { QStringLiteral("prov:entity"), from } };
        if (!edge.role.isEmpty())
            r.insert(QStringLiteral("prov:role"), edge.role);
        return { QStringLiteral("used"), r };
    case LineageEdgeKind::WasGeneratedBy:
        return { QStringLiteral("wasGeneratedBy"),
            { { QStringLiteral("prov:entity"), to }, { QStringLiteral("prov:activity"), from } } };
    case LineageEdgeKind::WasDerivedFrom:
        return { QStringLiteral("wasDerivedFrom"),
            { { QStringLiteral("prov:generatedEntity"), to }, { QStringLiteral("prov:usedEntity"), from } } };
    case LineageEdgeKind::Binding:
        return { QStringLiteral("wasDerivedFrom"),
            { { QStringLiteral("prov:generatedEntity"), to }, { QStringLiteral("prov:usedEntity"), from },
                { QStringLiteral("prov:type"), qualifiedName(QStringLiteral("provenance:Binding")) },
                { QStringLiteral("provenance:binding"), edge.role } } };
    case LineageEdgeKind::WasInformedBy:
        return { QStringLiteral("wasInformedBy"),
            { { QStringLiteral("prov:informed"), to }, { QStringLiteral("prov:informant"), from } } };
    case LineageEdgeKind::WasAssociatedWith:
        r = { { QStringLiteral("prov:activity"), to }, { QStringLiteral("prov:agent"), from } };
        if (const QString plan = planOf(graph, edge.to); !plan.isEmpty())
            r.insert(QStringLiteral("prov:plan"), plan);
        return { QStringLiteral("wasAssociatedWith"), r };
    case LineageEdgeKind::WasAttributedTo:
        return { QStringLiteral("wasAttributedTo"),
            { { QStringLiteral("prov:entity"), to }, { QStringLiteral("prov:agent"), from } } };
    }
    return {};
}

} // namespace

QByteArray ProvJsonExport::write(const LineageGraph& graph)
{
    QJsonObject entity;
    QJsonObject activity;
    QJsonObject agent;
    for (const LineageNode& node : graph.nodes()) {
        QJsonObject& bucket = node.kind == LineageNodeKind::Run ? activity
            : node.kind == LineageNodeKind::Agent               ? agent
                                                                : entity;
        bucket.insert(node.id, nodeRecord(node));
    }
    QJsonObject document { { QStringLiteral("prefix"), prefixes() } };
    if (!entity.isEmpty())
        document.insert(QStringLiteral("entity"), entity);
    if (!activity.isEmpty())
        document.insert(QStringLiteral("activity"), activity);
    if (!agent.isEmpty())
        document.insert(QStringLiteral("agent"), agent);
    QHash<QString, QJsonObject> relations;
    int counter = 0;
    for (const LineageEdge& edge : graph.edges()) {
        auto [name, record] = relation(graph, edge);
        relations[name].insert(QStringLiteral("_:e") + QString::number(++counter), record);
    }
    for (auto it = relations.cbegin(); it != relations.cend(); ++it)
        document.insert(it.key(), it.value());
    return QJsonDocument(document).toJson(QJsonDocument::Indented);
}

} // namespace prov
