#include "LineageDetailsHtml.h"

#include "DetailsHtml.h"
#include "LineagePalette.h"
#include "core/DisplayFormat.h"

#include <QObject>

namespace prov {
namespace {

// Friendlier labels for the property keys LineageBuilder records.
QString labelOf(const QString& key)
{
    static const QHash<QString, QString> labels {
        { QStringLiteral("run_id"), QObject::tr("Run id") },
        { QStringLiteral("run_name"), QObject::tr("Run name") },
        { QStringLiteral("experiment"), QObject::tr("Experiment") },
        { QStringLiteral("experiment_id"), QObject::tr("Experiment id") },
        { QStringLiteral("status"), QObject::tr("Status") },
        { QStringLiteral("user"), QObject::tr("Who") },
        { QStringLiteral("digest"), QObject::tr("Digest") },
        { QStringLiteral("source"), QObject::tr("Source") },
        { QStringLiteral("source_type"), QObject::tr("Source type") },
        { QStringLiteral("source_uri"), QObject::tr("Source URI") },
        { QStringLiteral("schema"), QObject::tr("Schema") },
        { QStringLiteral("commit"), QObject::tr("Commit") },
        { QStringLiteral("repository"), QObject::tr("Repository") },
        { QStringLiteral("branch"), QObject::tr("Branch") },
        { QStringLiteral("source_name"), QObject::tr("Source file") },
        { QStringLiteral("model_id"), QObject::tr("Model id") },
        { QStringLiteral("artifact_path"), QObject::tr("Artifact path") },
        { QStringLiteral("flavors"), QObject::tr("Flavours") },
        { QStringLiteral("version"), QObject::tr("Version") },
        { QStringLiteral("stage"), QObject::tr("Stage") },
        { QStringLiteral("aliases"), QObject::tr("Aliases") },
        { QStringLiteral("description"), QObject::tr("Description") },
        { QStringLiteral("name"), QObject::tr("Name") },
        { QStringLiteral("model"), QObject::tr("Registered model") },
        { QStringLiteral("binding"), QObject::tr("Binding") },
        { QStringLiteral("kind"), QObject::tr("Kind") },
        { QStringLiteral("lifecycle"), QObject::tr("Lifecycle") },
        { QStringLiteral("origin"), QObject::tr("Recorded as") },
        { QStringLiteral("model_type"), QObject::tr("Model type") },
        { QStringLiteral("history"), QObject::tr("Observed history") },
    };
    return labels.value(key, key);
}

QUrl urlOf(const QString& scheme, const QString& path)
{
    QUrl url;
    url.setScheme(scheme);
    url.setPath(path);
    return url;
}

QString openLink(const LineageNode& node)
{
    switch (node.kind) {
    case LineageNodeKind::Run:
        return DetailsHtml::link(DetailsHtml::runUrl(node.property(u"run_id")), QObject::tr("Open in Runs"));
    case LineageNodeKind::ModelVersion:
        return DetailsHtml::link(
            DetailsHtml::versionUrl(node.property(u"name"), node.property(u"version").toLongLong()),
            QObject::tr("Open in Registry"));
    case LineageNodeKind::LoggedModel:
        return DetailsHtml::link(
            urlOf(QStringLiteral("model"), node.property(u"model_id")), QObject::tr("Open in Registry"));
    default:
        return {};
    }
}

// "binding (past)": the relation, and for bindings whether it still holds.
QString relationOf(const LineageEdge& edge)
{
    const QString name = LineageEdge::kindName(edge.kind);
    return edge.kind == LineageEdgeKind::Binding && !edge.role.isEmpty()
        ? name + QStringLiteral(" (") + edge.role + QLatin1Char(')')
        : name;
}

QList<QStringList> neighbours(const LineageGraph& graph, int node)
{
    QList<QStringList> rows;
    for (int e : graph.incoming(node)) {
        const LineageEdge& edge = graph.edges().at(e);
        rows.append({ QObject::tr("from"), DetailsHtml::escape(relationOf(edge)),
            DetailsHtml::escape(graph.node(edge.from).label) });
    }
    for (int e : graph.outgoing(node)) {
        const LineageEdge& edge = graph.edges().at(e);
        rows.append({ QObject::tr("to"), DetailsHtml::escape(relationOf(edge)),
            DetailsHtml::escape(graph.node(edge.to).label) });
    }
    return rows;
}

// The rows of a table, cut to LineageDetailsHtml::maxRows with a last row saying how many more.
void cut(QList<QStringList>& rows, qsizetype total, int columns)
{
    if (total <= LineageDetailsHtml::maxRows)
        return;
    rows = rows.mid(0, LineageDetailsHtml::maxRows);
    QStringList more { DetailsHtml::escape(QObject::tr("… %1 more in the run's page").arg(total - rows.size())) };
    while (more.size() < columns)
        more.append(QString());
    rows.append(more);
}

void addRunFacts(DetailsHtml& html, const RunDetail& run)
{
    if (!run.params.isEmpty()) {
        html.heading(QObject::tr("Parameters"));
        QList<QStringList> rows;
        for (const KeyValue& kv : run.params)
            rows.append({ DetailsHtml::escape(kv.key), DetailsHtml::escape(kv.value) });
        cut(rows, run.params.size(), 2);
        html.table({ QObject::tr("Parameter"), QObject::tr("Value") }, rows);
    }
    if (!run.metrics.isEmpty()) {
        html.heading(QObject::tr("Metrics"));
        QList<QStringList> rows;
        for (const MetricSummary& m : run.metrics)
            rows.append({ DetailsHtml::escape(m.key), DetailsHtml::escape(DisplayFormat::metricValue(m.latest.value)),
                QString::number(m.latest.step) });
        cut(rows, run.metrics.size(), 3);
        html.table({ QObject::tr("Metric"), QObject::tr("Latest"), QObject::tr("Step") }, rows);
    }
}

} // namespace

QString LineageDetailsHtml::of(const LineageGraph& graph, int index, const RunDetail* run)
{
    const LineageNode& node = graph.node(index);
    DetailsHtml html;
    html.heading(LineagePalette::kindTitle(node.kind) + QStringLiteral(": ") + node.label);
    for (const KeyValue& kv : node.properties)
        html.textRow(labelOf(kv.key), kv.value);
    if (node.kind == LineageNodeKind::Run) {
        html.textRow(QObject::tr("Started"), DisplayFormat::timestamp(node.startTime));
        html.textRow(QObject::tr("Ended"), DisplayFormat::timestamp(node.endTime));
    } else {
        html.textRow(QObject::tr("Created"), DisplayFormat::timestamp(node.startTime));
    }
    html.textRow(QObject::tr("Node id"), node.id);
    QString links = openLink(node);
    links += (links.isEmpty() ? QString() : QStringLiteral(" · "))
        + DetailsHtml::link(urlOf(QStringLiteral("focus"), node.id), QObject::tr("Focus here"));
    html.paragraph(links);
    if (run && node.kind == LineageNodeKind::Run)
        addRunFacts(html, *run);
    html.table({ QObject::tr("Link"), QObject::tr("Relation"), QObject::tr("Node") }, neighbours(graph, index));
    return html.toHtml();
}

} // namespace prov
