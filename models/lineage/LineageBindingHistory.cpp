#include "lineage/LineageBindingHistory.h"

#include "core/SqliteDatabase.h"
#include "journal/BindingHistoryQuery.h"
#include "journal/JournalDatabase.h"
#include "lineage/LineageIds.h"
#include "lineage/LineageLog.h"

#include <QDateTime>
#include <QFileInfo>

#include <algorithm>

namespace prov {
namespace {

QString when(qint64 ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toString(Qt::ISODate);
}

// "v2 seen 2026-01-01T10:00:00Z to 2026-02-01T10:00:00Z, gone by 2026-02-03T10:00:00Z": what
// the syncs saw, and that the move happened somewhere between the last two times.
QString describe(const BindingObservation& o)
{
    QString text = QStringLiteral("v%1 seen %2 to %3").arg(o.version).arg(when(o.firstSeen), when(o.lastSeen));
    if (o.endedSeen)
        text += QStringLiteral(", gone by ") + when(*o.endedSeen);
    else
        text += QStringLiteral(", still held");
    return text;
}

int deploymentNode(LineageGraph& graph, const BindingObservation& o)
{
    LineageNode node;
    node.id = LineageIds::deployment(o.modelName, o.kind, o.binding);
    node.kind = LineageNodeKind::Deployment;
    node.label = o.isAlias() ? QLatin1Char('@') + o.binding : o.binding;
    node.detail = o.modelName;
    node.setProperty(QStringLiteral("model"), o.modelName);
    node.setProperty(QStringLiteral("kind"), o.kind);
    node.setProperty(QStringLiteral("binding"), o.binding);
    return graph.addNode(node);
}

} // namespace

void LineageBindingHistory::addPast(LineageGraph& graph, const BindingHistory& history)
{
    QHash<int, QStringList> lines; // deployment node -> its history
    for (const BindingObservation& o : history) {
        const int version = graph.indexOf(LineageIds::modelVersion(o.modelName, o.version));
        if (version < 0)
            continue;
        // A binding still held is drawn from the cache's current state; history only adds
        // its line to the node (and makes no node the cache does not know).
        int deployment = graph.indexOf(LineageIds::deployment(o.modelName, o.kind, o.binding));
        if (deployment < 0 && !o.endedSeen)
            continue;
        if (deployment < 0)
            deployment = deploymentNode(graph, o);
        lines[deployment].append(describe(o));
        if (o.endedSeen)
            graph.addEdge(version, deployment, LineageEdgeKind::Binding, QStringLiteral("past"));
    }
    for (auto it = lines.cbegin(); it != lines.cend(); ++it) {
        QStringList text = it.value();
        std::sort(text.begin(), text.end());
        graph.node(it.key()).setProperty(QStringLiteral("history"), text.join(QLatin1Char('\n')));
    }
}

Status LineageBindingHistory::addPast(LineageGraph& graph, const SqliteDatabase& journal)
{
    QStringList models;
    for (const LineageNode& node : graph.nodes()) {
        if (node.kind == LineageNodeKind::ModelVersion && !models.contains(node.property(u"name")))
            models.append(node.property(u"name"));
    }
    BindingHistory history;
    const BindingHistoryQuery query(journal);
    for (const QString& model : std::as_const(models)) {
        auto intervals = query.intervals(model);
        if (!intervals)
            return intervals.error();
        history.append(*intervals);
    }
    addPast(graph, history);
    return {};
}

Status LineageBindingHistory::addPastFromFile(LineageGraph& graph, const QString& journalPath)
{
    if (journalPath.isEmpty() || !QFileInfo::exists(journalPath))
        return {};
    auto journal = JournalDatabase::open(journalPath, JournalDatabase::Access::Read);
    if (!journal) {
        if (journal.error().code == ErrorCode::NotFound)
            return {};
        qCWarning(lcLineage) << "the journal could not be read for deployment history:" << journal.error().message;
        return journal.error();
    }
    return addPast(graph, *journal);
}

} // namespace prov
