#include "lineage/LineageBuilder.h"

#include "core/SqliteRows.h"
#include "domain/MlflowTags.h"
#include "lineage/LineageBuildState.h"
#include "lineage/LineageIds.h"
#include "lineage/LineageModelLinker.h"

#include <QHash>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>

namespace prov {
namespace {

// The URI in a dataset source as MLflow records it ({"uri": ...}, {"url": ...}, {"path": ...}).
QString sourceUri(const QString& source)
{
    const QJsonObject object = QJsonDocument::fromJson(source.toUtf8()).object();
    for (const char* key : { "uri", "url", "path", "table_name" }) {
        const QString value = object.value(QLatin1String(key)).toString();
        if (!value.isEmpty())
            return value;
    }
    return {};
}

Status loadExperiments(const SqliteDatabase& db, LineageBuildState& state)
{
    return forEachRow(db, QStringLiteral("SELECT experiment_id, name, lifecycle_stage FROM experiments"),
        [&](const SqliteStatement& row) {
            state.experimentNames.insert(row.text(0), row.text(1));
            if (row.text(2) == QLatin1String("deleted"))
                state.deletedExperiments.insert(row.text(0));
        });
}

Status loadVersionRuns(const SqliteDatabase& db, LineageBuildState& state)
{
    return forEachRow(db, QStringLiteral("SELECT DISTINCT run_id FROM model_versions WHERE run_id IS NOT NULL"),
        [&](const SqliteStatement& row) { state.versionRuns.insert(row.text(0)); });
}

LineageNode runNode(const SqliteStatement& row, const LineageBuildState& state)
{
    LineageNode node;
    const QString runId = row.text(0);
    node.id = LineageIds::run(runId);
    node.kind = LineageNodeKind::Run;
    node.label = row.text(2).isEmpty() ? runId : row.text(2);
    const QString experiment = state.experimentNames.value(row.text(1));
    node.detail = experiment + QStringLiteral(" · ") + row.text(3);
    node.setProperty(QStringLiteral("run_id"), runId);
    node.setProperty(QStringLiteral("run_name"), row.text(2));
    node.setProperty(QStringLiteral("experiment_id"), row.text(1));
    node.setProperty(QStringLiteral("experiment"), experiment);
    node.setProperty(QStringLiteral("status"), row.text(3));
    node.setProperty(QStringLiteral("user"), row.text(7));
    if (row.text(4) == QLatin1String("deleted") || state.deletedExperiments.contains(row.text(1)))
        node.setProperty(QStringLiteral("lifecycle"), QStringLiteral("deleted"));
    node.startTime = row.optionalInt64(5);
    node.endTime = row.optionalInt64(6);
    return node;
}

Status loadRuns(const SqliteDatabase& db, LineageBuildState& state)
{
    QHash<QString, QString> parents;
    Status s = forEachRow(db,
        QStringLiteral("SELECT run_id, experiment_id, run_name, status, lifecycle_stage, start_time, end_time, user_id,"
                       " coalesce(parent_run_id, '') FROM runs ORDER BY experiment_id, start_time, run_id"),
        [&](const SqliteStatement& row) {
            const bool deleted
                = row.text(4) == QLatin1String("deleted") || state.deletedExperiments.contains(row.text(1));
            if (deleted && !state.versionRuns.contains(row.text(0)))
                return;
            state.runNodes.insert(row.text(0), state.graph.addNode(runNode(row, state)));
            if (!row.text(8).isEmpty())
                parents.insert(row.text(0), row.text(8));
        });
    for (auto it = parents.cbegin(); it != parents.cend(); ++it)
        state.graph.addEdge(state.runNodes.value(it.value(), -1), state.runNodes.value(it.key()),
            LineageEdgeKind::WasInformedBy, QStringLiteral("parent"));
    return s;
}

// Code versions and users, from each run's mlflow.source.* and mlflow.user tags.
Status loadRunTags(const SqliteDatabase& db, LineageBuildState& state)
{
    QHash<QString, KeyValueList> tagsByRun;
    Status s = forEachRow(db,
        QStringLiteral("SELECT run_id, key, value FROM tags WHERE key IN ('mlflow.user', 'mlflow.source.name',"
                       " 'mlflow.source.type', 'mlflow.source.git.commit', 'mlflow.source.git.branch',"
                       " 'mlflow.source.git.repoURL')"),
        [&](const SqliteStatement& row) {
            if (state.runNodes.contains(row.text(0)))
                tagsByRun[row.text(0)].append({ row.text(1), row.text(2) });
        });
    if (!s)
        return s;
    for (auto it = state.runNodes.cbegin(); it != state.runNodes.cend(); ++it) {
        const KeyValueList tags = tagsByRun.value(it.key());
        LineageNode& run = state.graph.node(it.value());
        const QString user
            = valueOf(tags, MlflowTags::User).isEmpty() ? run.property(u"user") : valueOf(tags, MlflowTags::User);
        run.setProperty(QStringLiteral("user"), user);
        if (!user.isEmpty()) {
            LineageNode agent { LineageIds::agent(user), LineageNodeKind::Agent, user, QStringLiteral("user"), {}, {},
                {} };
            agent.setProperty(QStringLiteral("name"), user);
            state.graph.addEdge(state.graph.addNode(agent), it.value(), LineageEdgeKind::WasAssociatedWith);
        }
        const QString commit = valueOf(tags, MlflowTags::GitCommit);
        const QString repository = valueOf(tags, MlflowTags::GitRepoUrl);
        const QString sourceName = valueOf(tags, MlflowTags::SourceName);
        if (commit.isEmpty() && sourceName.isEmpty())
            continue;
        LineageNode code;
        code.id = LineageIds::code(repository, commit, sourceName);
        code.kind = LineageNodeKind::CodeVersion;
        code.label = sourceName.isEmpty() ? repository.section(QLatin1Char('/'), -1)
                                          : sourceName.section(QLatin1Char('/'), -1);
        code.detail = commit.left(10);
        code.setProperty(QStringLiteral("repository"), repository);
        code.setProperty(QStringLiteral("commit"), commit);
        code.setProperty(QStringLiteral("branch"), valueOf(tags, MlflowTags::GitBranch));
        code.setProperty(QStringLiteral("source_name"), sourceName);
        code.setProperty(QStringLiteral("source_type"), valueOf(tags, MlflowTags::SourceType));
        // Not `run`: adding the user's node above may have moved the graph's nodes.
        LineageNode& sameRun = state.graph.node(it.value());
        sameRun.setProperty(QStringLiteral("commit"), commit);
        sameRun.setProperty(QStringLiteral("source_name"), sourceName);
        state.graph.addEdge(state.graph.addNode(code), it.value(), LineageEdgeKind::Used, QStringLiteral("code"));
    }
    return {};
}

Status loadDatasets(const SqliteDatabase& db, LineageBuildState& state)
{
    return forEachRow(db,
        QStringLiteral("SELECT run_id, name, digest, coalesce(source_type, ''), coalesce(source, ''),"
                       " coalesce(schema, ''), coalesce(context, '') FROM dataset_inputs ORDER BY run_id, position"),
        [&](const SqliteStatement& row) {
            const int run = state.runNodes.value(row.text(0), -1);
            if (run < 0)
                return;
            LineageNode dataset;
            dataset.id = LineageIds::dataset(row.text(4), row.text(2));
            dataset.kind = LineageNodeKind::DatasetVersion;
            dataset.label = row.text(1);
            dataset.detail = row.text(2);
            dataset.setProperty(QStringLiteral("name"), row.text(1));
            dataset.setProperty(QStringLiteral("digest"), row.text(2));
            dataset.setProperty(QStringLiteral("source_type"), row.text(3));
            dataset.setProperty(QStringLiteral("source"), row.text(4));
            dataset.setProperty(QStringLiteral("source_uri"), sourceUri(row.text(4)));
            dataset.setProperty(QStringLiteral("schema"), row.text(5));
            state.graph.addEdge(state.graph.addNode(dataset), run, LineageEdgeKind::Used, row.text(6));
        });
}

} // namespace

LineageBuilder::LineageBuilder(const SqliteDatabase& cache)
    : m_db(cache)
{ }

Result<LineageGraph> LineageBuilder::build(const CancellationToken& cancel) const
{
    LineageBuildState state;
    using Step = Status (*)(const SqliteDatabase&, LineageBuildState&);
    for (Step step : { &loadExperiments, &loadVersionRuns, &loadRuns, &loadRunTags, &loadDatasets,
             &LineageModelLinker::loadLoggedModels, &LineageModelLinker::loadModelVersions }) {
        if (cancel.isCancelled())
            return makeError(ErrorCode::Cancelled, QStringLiteral("building the lineage graph was cancelled"));
        if (Status s = step(m_db, state); !s)
            return s.error();
    }
    return std::move(state.graph);
}

} // namespace prov
