#include "lineage/LineageModelLinker.h"

#include "core/SqliteRows.h"
#include "domain/ModelSource.h"
#include "lineage/LineageBuildState.h"
#include "lineage/LineageIds.h"

#include <QSet>

namespace prov {
namespace {

// A logged model the cache does not hold as such (an MLflow 2 model whose run has no
// log-model history tag): known only by the id a version's source resolved to.
int addUnrecordedModel(LineageBuildState& state, const QString& modelId, const QString& runId)
{
    LineageNode model;
    model.id = LineageIds::loggedModel(modelId);
    model.kind = LineageNodeKind::LoggedModel;
    const ModelSource source = ModelSource::resolve(modelId, runId);
    model.label = source.artifactPath.isEmpty() ? modelId : source.artifactPath;
    model.detail = modelId.left(14);
    model.setProperty(QStringLiteral("model_id"), modelId);
    model.setProperty(QStringLiteral("run_id"), source.runId);
    model.setProperty(QStringLiteral("artifact_path"), source.artifactPath);
    const int node = state.graph.addNode(model);
    state.modelNodes.insert(modelId, node);
    state.graph.addEdge(state.runNodes.value(source.runId, -1), node, LineageEdgeKind::WasGeneratedBy);
    return node;
}

int addDeployment(
    LineageBuildState& state, const QString& modelName, const QString& kind, const QString& binding, qint64 version)
{
    LineageNode node;
    node.id = LineageIds::deployment(modelName, kind, binding);
    node.kind = LineageNodeKind::Deployment;
    node.label = kind == QLatin1String("alias") ? QLatin1Char('@') + binding : binding;
    node.detail = modelName;
    node.setProperty(QStringLiteral("model"), modelName);
    node.setProperty(QStringLiteral("kind"), kind);
    node.setProperty(QStringLiteral("binding"), binding);
    node.setProperty(QStringLiteral("version"), QString::number(version));
    return state.graph.addNode(node);
}

} // namespace

Status LineageModelLinker::loadLoggedModels(const SqliteDatabase& db, LineageBuildState& state)
{
    QSet<QString> versionModels;
    Status s = forEachRow(db, QStringLiteral("SELECT DISTINCT model_id FROM model_versions WHERE model_id IS NOT NULL"),
        [&](const SqliteStatement& row) { versionModels.insert(row.text(0)); });
    if (s)
        s = forEachRow(db,
            QStringLiteral("SELECT model_id, name, coalesce(source_run_id, ''), coalesce(artifact_path, ''),"
                           " coalesce(status, ''), coalesce(model_type, ''), creation_time, coalesce(flavors, ''),"
                           " origin FROM logged_models ORDER BY creation_time, model_id"),
            [&](const SqliteStatement& row) {
                const QString modelId = row.text(0);
                const QString runId = row.text(2);
                const int run = state.runNodes.value(runId, -1);
                if (!runId.isEmpty() && run < 0 && !versionModels.contains(modelId))
                    return; // the model of a deleted run
                LineageNode model;
                model.id = LineageIds::loggedModel(modelId);
                model.kind = LineageNodeKind::LoggedModel;
                model.label = row.text(1).isEmpty() ? modelId : row.text(1);
                model.detail = modelId.startsWith(QLatin1String("m-")) ? modelId.left(14) : row.text(3);
                model.setProperty(QStringLiteral("model_id"), modelId);
                model.setProperty(QStringLiteral("name"), row.text(1));
                model.setProperty(QStringLiteral("run_id"), runId);
                model.setProperty(QStringLiteral("artifact_path"), row.text(3));
                model.setProperty(QStringLiteral("status"), row.text(4));
                model.setProperty(QStringLiteral("model_type"), row.text(5));
                model.setProperty(QStringLiteral("flavors"), row.text(7));
                model.setProperty(QStringLiteral("origin"), row.text(8));
                model.startTime = row.optionalInt64(6);
                const int node = state.graph.addNode(model);
                state.modelNodes.insert(modelId, node);
                state.graph.addEdge(run, node, LineageEdgeKind::WasGeneratedBy);
            });
    if (s)
        s = forEachRow(
            db, QStringLiteral("SELECT run_id, model_id FROM model_outputs"), [&](const SqliteStatement& row) {
                state.graph.addEdge(state.runNodes.value(row.text(0), -1), state.modelNodes.value(row.text(1), -1),
                    LineageEdgeKind::WasGeneratedBy);
            });
    if (s)
        s = forEachRow(
            db, QStringLiteral("SELECT run_id, model_id FROM model_inputs"), [&](const SqliteStatement& row) {
                state.graph.addEdge(state.modelNodes.value(row.text(1), -1), state.runNodes.value(row.text(0), -1),
                    LineageEdgeKind::Used, QStringLiteral("model"));
            });
    return s;
}

Status LineageModelLinker::loadModelVersions(const SqliteDatabase& db, LineageBuildState& state)
{
    QHash<QString, QStringList> aliases; // version id -> aliases
    Status s = forEachRow(db, QStringLiteral("SELECT name, alias, version FROM model_aliases ORDER BY name, alias"),
        [&](const SqliteStatement& row) {
            aliases[LineageIds::modelVersion(row.text(0), row.int64(2))].append(row.text(1));
        });
    if (!s)
        return s;
    return forEachRow(db,
        QStringLiteral("SELECT name, version, creation_time, coalesce(user_id, ''), coalesce(stage, ''),"
                       " coalesce(source, ''), coalesce(run_id, ''), coalesce(status, ''), coalesce(model_id, ''),"
                       " coalesce(description, '') FROM model_versions ORDER BY name, version"),
        [&](const SqliteStatement& row) {
            const QString name = row.text(0);
            const qint64 number = row.int64(1);
            const QString stage = row.text(4).isEmpty() ? QStringLiteral("None") : row.text(4);
            const QString runId = row.text(6);
            const QString modelId = row.text(8);
            LineageNode version;
            version.id = LineageIds::modelVersion(name, number);
            version.kind = LineageNodeKind::ModelVersion;
            version.label = name + QStringLiteral(" v") + QString::number(number);
            const QStringList versionAliases = aliases.value(version.id);
            version.detail = stage;
            for (const QString& alias : versionAliases)
                version.detail += QStringLiteral(" @") + alias;
            version.setProperty(QStringLiteral("name"), name);
            version.setProperty(QStringLiteral("version"), QString::number(number));
            version.setProperty(QStringLiteral("stage"), stage);
            version.setProperty(QStringLiteral("aliases"), versionAliases.join(QLatin1Char(',')));
            version.setProperty(QStringLiteral("run_id"), runId);
            version.setProperty(QStringLiteral("source"), row.text(5));
            version.setProperty(QStringLiteral("model_id"), modelId);
            version.setProperty(QStringLiteral("status"), row.text(7));
            version.setProperty(QStringLiteral("user"), row.text(3));
            version.setProperty(QStringLiteral("description"), row.text(9));
            version.startTime = row.optionalInt64(2);
            const int node = state.graph.addNode(version);
            int model = state.modelNodes.value(modelId, -1);
            if (model < 0 && !modelId.isEmpty())
                model = addUnrecordedModel(state, modelId, runId);
            if (model >= 0)
                state.graph.addEdge(model, node, LineageEdgeKind::WasDerivedFrom);
            else
                state.graph.addEdge(state.runNodes.value(runId, -1), node, LineageEdgeKind::WasGeneratedBy);
            if (!row.text(3).isEmpty()) {
                LineageNode agent { LineageIds::agent(row.text(3)), LineageNodeKind::Agent, row.text(3),
                    QStringLiteral("user"), {}, {}, {} };
                agent.setProperty(QStringLiteral("name"), row.text(3));
                state.graph.addEdge(state.graph.addNode(agent), node, LineageEdgeKind::WasAttributedTo);
            }
            for (const QString& alias : versionAliases)
                state.graph.addEdge(node, addDeployment(state, name, QStringLiteral("alias"), alias, number),
                    LineageEdgeKind::Binding, QStringLiteral("current"));
            if (stage != QLatin1String("None") && stage != QLatin1String("Archived"))
                state.graph.addEdge(node, addDeployment(state, name, QStringLiteral("stage"), stage, number),
                    LineageEdgeKind::Binding, QStringLiteral("current"));
        });
}

} // namespace prov
