#include "query/VersionFactsLoader.h"

#include "core/SqliteDatabase.h"
#include "domain/MlflowTags.h"

#include <QJsonDocument>
#include <QJsonObject>

#include <cmath>
#include <limits>

namespace prov {
namespace {

// Calls `row` for each row of `sql` with ?1 bound to the model name.
template<typename RowFn> Status forEachRow(const SqliteDatabase& db, const QString& sql, const QString& name, RowFn row)
{
    auto stmt = db.prepare(sql);
    if (!stmt)
        return stmt.error();
    stmt->bind(1, name);
    while (stmt->step())
        row(*stmt);
    return stmt->lastStatus();
}

// Applies `fn` to every version whose run (or logged model, with `byModel`) is `id`.
template<typename Fn> void forVersionsOf(QList<ModelVersionEntry>& versions, const QString& id, bool byModel, Fn fn)
{
    for (ModelVersionEntry& v : versions) {
        if ((byModel ? v.version.modelId : v.version.runId) == id)
            fn(v);
    }
}

const QString versionRuns
    = QStringLiteral("(SELECT run_id FROM model_versions WHERE name = ?1 AND run_id IS NOT NULL)");

} // namespace

VersionFactsLoader::VersionFactsLoader(const SqliteDatabase& db)
    : m_db(db)
{ }

Status VersionFactsLoader::load(const QString& modelName, QList<ModelVersionEntry>& versions) const
{
    Status s = loadTags(modelName, versions);
    if (s)
        s = loadDatasets(modelName, versions);
    if (s)
        s = loadRunMetrics(modelName, versions);
    if (s)
        s = loadModelMetrics(modelName, versions);
    return s;
}

Status VersionFactsLoader::loadTags(const QString& modelName, QList<ModelVersionEntry>& versions) const
{
    Status s = forEachRow(m_db, QStringLiteral("SELECT run_id, user_id FROM runs WHERE run_id IN ") + versionRuns,
        modelName, [&](const SqliteStatement& row) {
            forVersionsOf(versions, row.text(0), false, [&](ModelVersionEntry& v) { v.runUser = row.text(1); });
        });
    if (!s)
        return s;
    return forEachRow(m_db,
        QStringLiteral("SELECT run_id, key, value FROM tags WHERE key IN ('mlflow.user', 'mlflow.source.git.commit',"
                       " 'mlflow.source.git.repoURL', 'mlflow.source.name') AND run_id IN ")
            + versionRuns,
        modelName, [&](const SqliteStatement& row) {
            const QString key = row.text(1);
            const QString value = row.text(2);
            forVersionsOf(versions, row.text(0), false, [&](ModelVersionEntry& v) {
                if (key == MlflowTags::User)
                    v.runUser = value;
                else if (key == MlflowTags::GitCommit)
                    v.codeCommit = value;
                else if (key == MlflowTags::GitRepoUrl)
                    v.codeRepository = value;
                else
                    v.codeSource = value;
            });
        });
}

Status VersionFactsLoader::loadDatasets(const QString& modelName, QList<ModelVersionEntry>& versions) const
{
    return forEachRow(m_db,
        QStringLiteral(
            "SELECT run_id, name, digest, source_type, source, schema, profile, tags_json FROM dataset_inputs"
            " WHERE run_id IN ")
            + versionRuns + QStringLiteral(" ORDER BY run_id, position"),
        modelName, [&](const SqliteStatement& row) {
            DatasetInput input {
                Dataset { row.text(1), row.text(2), row.text(3), row.text(4), row.text(5), row.text(6) }, {}
            };
            const QJsonObject tags = QJsonDocument::fromJson(row.text(7).toUtf8()).object();
            for (auto it = tags.begin(); it != tags.end(); ++it)
                input.tags.append({ it.key(), it.value().toString() });
            forVersionsOf(versions, row.text(0), false, [&](ModelVersionEntry& v) { v.datasets.append(input); });
        });
}

Status VersionFactsLoader::loadRunMetrics(const QString& modelName, QList<ModelVersionEntry>& versions) const
{
    return forEachRow(m_db,
        QStringLiteral("SELECT run_id, key, value FROM latest_metrics WHERE run_id IN ") + versionRuns
            + QStringLiteral(" ORDER BY run_id, key"),
        modelName, [&](const SqliteStatement& row) {
            const double value = row.isNull(2) ? std::numeric_limits<double>::quiet_NaN() : row.real(2);
            forVersionsOf(versions, row.text(0), false, [&](ModelVersionEntry& v) {
                v.metrics.append({ row.text(1), value, {}, {}, false });
            });
        });
}

Status VersionFactsLoader::loadModelMetrics(const QString& modelName, QList<ModelVersionEntry>& versions) const
{
    // Model-linked metrics repeat run metrics at the model's step; only those evaluated on a
    // dataset add something.
    return forEachRow(m_db,
        QStringLiteral("SELECT model_id, key, value, dataset_name, dataset_digest FROM logged_model_metrics"
                       " WHERE dataset_name IS NOT NULL AND model_id IN (SELECT model_id FROM model_versions"
                       " WHERE name = ?1 AND model_id IS NOT NULL) ORDER BY model_id, key, step, timestamp"),
        modelName, [&](const SqliteStatement& row) {
            const double value = row.isNull(2) ? std::numeric_limits<double>::quiet_NaN() : row.real(2);
            forVersionsOf(versions, row.text(0), true, [&](ModelVersionEntry& v) {
                v.metrics.append({ row.text(1), value, row.text(3), row.text(4), true });
            });
        });
}

} // namespace prov
