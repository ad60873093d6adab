#include "lineage/LineageImpact.h"

#include <QSet>

#include <algorithm>

namespace prov {

Result<LineageImpactReport> LineageImpact::ofDataset(const LineageGraph& graph, const QString& digest)
{
    QList<int> roots;
    for (int n = 0; n < graph.nodes().size(); ++n) {
        if (graph.node(n).kind == LineageNodeKind::DatasetVersion && graph.node(n).property(u"digest") == digest)
            roots.append(n);
    }
    if (roots.isEmpty())
        return makeError(
            ErrorCode::NotFound, QStringLiteral("no run of this store used a dataset with digest “%1”").arg(digest));
    return descendants(graph, roots);
}

Result<LineageImpactReport> LineageImpact::ofCommit(const LineageGraph& graph, const QString& sha)
{
    const QString wanted = sha.trimmed().toLower();
    QList<int> roots;
    QSet<QString> commits;
    for (int n = 0; n < graph.nodes().size(); ++n) {
        const QString commit = graph.node(n).property(u"commit").toLower();
        if (graph.node(n).kind != LineageNodeKind::CodeVersion || commit.isEmpty())
            continue;
        if (commit == wanted || (wanted.size() >= 7 && commit.startsWith(wanted))) {
            roots.append(n);
            commits.insert(commit);
        }
    }
    if (roots.isEmpty())
        return makeError(
            ErrorCode::NotFound, QStringLiteral("no run of this store was made from commit “%1”").arg(sha));
    if (commits.size() > 1)
        return makeError(ErrorCode::InvalidArgument,
            QStringLiteral("“%1” starts %2 different commits: give more of the commit").arg(sha).arg(commits.size()));
    return descendants(graph, roots);
}

LineageImpactReport LineageImpact::descendants(const LineageGraph& graph, const QList<int>& roots)
{
    LineageImpactReport report;
    for (int r : roots)
        report.sources.append(graph.node(r).id);
    const QHash<int, int> previous = graph.shortestPathTree(roots);
    for (auto it = previous.cbegin(); it != previous.cend(); ++it) {
        const LineageNode& node = graph.node(it.key());
        if (node.kind == LineageNodeKind::Run) {
            report.runs.append(node.property(u"run_id"));
        } else if (node.kind == LineageNodeKind::Deployment) {
            report.deployments.append(node.id);
        } else if (node.kind == LineageNodeKind::ModelVersion) {
            ImpactedVersion v { node.property(u"name"), node.property(u"version").toLongLong(), node.property(u"stage"),
                node.property(u"aliases").split(QLatin1Char(','), Qt::SkipEmptyParts), node.property(u"run_id"), {} };
            for (int n = it.key(); n >= 0; n = previous.value(n))
                v.path.prepend(graph.node(n).id);
            report.versions.append(v);
        }
    }
    report.runs.sort();
    report.deployments.sort();
    std::sort(report.versions.begin(), report.versions.end(), [](const ImpactedVersion& a, const ImpactedVersion& b) {
        return a.name != b.name ? a.name < b.name : a.version < b.version;
    });
    return report;
}

} // namespace prov
