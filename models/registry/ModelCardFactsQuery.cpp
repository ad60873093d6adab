#include "registry/ModelCardFactsQuery.h"

#include "core/SqliteDatabase.h"
#include "domain/MlflowTags.h"
#include "domain/ModelSource.h"
#include "registry/ModelCardTags.h"

#include <QJsonDocument>
#include <QJsonObject>

#include <limits>

namespace prov {
namespace {

double metricValue(const SqliteStatement& row, int column)
{
    return row.isNull(column) ? std::numeric_limits<double>::quiet_NaN() : row.real(column);
}

} // namespace

ModelCardFactsQuery::ModelCardFactsQuery(const SqliteDatabase& db)
    : m_db(db)
{ }

Status ModelCardFactsQuery::each(const QString& sql, const QVariantList& values, const Row& row) const
{
    auto stmt = m_db.prepare(sql);
    if (!stmt)
        return stmt.error();
    for (int i = 0; i < values.size(); ++i) {
        if (values[i].typeId() == QMetaType::LongLong)
            stmt->bind(i + 1, values[i].toLongLong());
        else
            stmt->bind(i + 1, values[i].toString());
    }
    while (stmt->step())
        row(*stmt);
    return stmt->lastStatus();
}

Result<ModelCardFacts> ModelCardFactsQuery::load(const QString& modelName, qint64 version) const
{
    ModelCardFacts facts;
    facts.modelName = modelName;
    facts.version = version;
    if (Status s = loadVersion(facts); !s)
        return s.error();
    for (auto loader :
        { &ModelCardFactsQuery::loadRun, &ModelCardFactsQuery::loadRunData, &ModelCardFactsQuery::loadLoggedModel }) {
        if (Status s = (this->*loader)(facts); !s)
            return s.error();
    }
    return facts;
}

Error ModelCardFactsQuery::missing(const QString& modelName, qint64 version) const
{
    QStringList versions;
    bool modelExists = false;
    (void)each(QStringLiteral("SELECT 1 FROM registered_models WHERE name = ?1"), { modelName },
        [&](const SqliteStatement&) { modelExists = true; });
    (void)each(QStringLiteral("SELECT version FROM model_versions WHERE name = ?1 ORDER BY version"), { modelName },
        [&](const SqliteStatement& row) { versions << QString::number(row.int64(0)); });
    if (!modelExists)
        return makeError(ErrorCode::InvalidArgument,
            QStringLiteral("there is no registered model “%1” in this store").arg(modelName));
    return makeError(ErrorCode::InvalidArgument,
        versions.isEmpty() ? QStringLiteral("“%1” has no versions").arg(modelName)
                           : QStringLiteral("“%1” has no version %2 (its versions are %3)")
                                 .arg(modelName)
                                 .arg(version)
                                 .arg(versions.join(QStringLiteral(", "))));
}

Status ModelCardFactsQuery::loadVersion(ModelCardFacts& f) const
{
    bool found = false;
    QString modelId;
    Status s = each(QStringLiteral("SELECT v.creation_time, v.last_updated_time, coalesce(v.description, ''),"
                                   " coalesce(v.user_id, ''), coalesce(v.stage, ''), coalesce(v.source, ''),"
                                   " coalesce(v.run_id, ''), coalesce(v.status, ''), coalesce(v.model_id, ''),"
                                   " coalesce(m.description, '') FROM model_versions v JOIN registered_models m"
                                   " ON m.name = v.name WHERE v.name = ?1 AND v.version = ?2"),
        { f.modelName, QVariant::fromValue<qlonglong>(f.version) }, [&](const SqliteStatement& row) {
            found = true;
            f.registeredAt = row.optionalInt64(0);
            f.lastUpdatedAt = row.optionalInt64(1);
            f.versionDescription = row.text(2);
            f.registeredBy = row.text(3);
            f.stage = row.text(4);
            f.source = row.text(5);
            f.runId = row.text(6);
            f.status = row.text(7);
            f.loggedModelId = row.text(8);
            f.modelDescription = row.text(9);
        });
    if (!s)
        return s;
    if (!found)
        return missing(f.modelName, f.version);
    const QVariantList key { f.modelName, QVariant::fromValue<qlonglong>(f.version) };
    s = each(QStringLiteral("SELECT alias FROM model_aliases WHERE name = ?1 AND version = ?2 ORDER BY alias"), key,
        [&](const SqliteStatement& row) { f.aliases << row.text(0); });
    if (s)
        s = each(
            QStringLiteral("SELECT key, value FROM model_version_tags WHERE name = ?1 AND version = ?2 ORDER BY key"),
            key, [&](const SqliteStatement& row) {
                if (!ModelCardTags::isCardTag(row.text(0)))
                    f.versionTags.append({ row.text(0), row.text(1) });
            });
    return s;
}

Status ModelCardFactsQuery::loadRun(ModelCardFacts& f) const
{
    if (f.runId.isEmpty())
        return {};
    Status s = each(QStringLiteral("SELECT r.run_name, r.user_id, r.start_time, r.end_time, coalesce(e.name, '')"
                                   " FROM runs r LEFT JOIN experiments e ON e.experiment_id = r.experiment_id"
                                   " WHERE r.run_id = ?1"),
        { f.runId }, [&](const SqliteStatement& row) {
            f.runName = row.text(0);
            f.trainedBy = row.text(1);
            f.runStart = row.optionalInt64(2);
            f.runEnd = row.optionalInt64(3);
            f.experimentName = row.text(4);
        });
    if (!s)
        return s;
    return each(
        QStringLiteral("SELECT key, value FROM tags WHERE run_id = ?1"), { f.runId }, [&](const SqliteStatement& row) {
            const QString key = row.text(0);
            if (key == MlflowTags::User)
                f.trainedBy = row.text(1);
            else if (key == MlflowTags::GitCommit)
                f.codeCommit = row.text(1);
            else if (key == MlflowTags::GitRepoUrl)
                f.codeRepository = row.text(1);
            else if (key == MlflowTags::GitBranch)
                f.codeBranch = row.text(1);
            else if (key == MlflowTags::SourceName)
                f.codeSource = row.text(1);
        });
}

Status ModelCardFactsQuery::loadRunData(ModelCardFacts& f) const
{
    if (f.runId.isEmpty())
        return {};
    Status s = each(QStringLiteral("SELECT key, value, step FROM latest_metrics WHERE run_id = ?1 ORDER BY key"),
        { f.runId }, [&](const SqliteStatement& row) {
            f.metrics.append({ row.text(0), metricValue(row, 1), row.int64(2), {}, {}, false });
        });
    if (s)
        s = each(QStringLiteral("SELECT name, digest, coalesce(source_type, ''), coalesce(source, ''),"
                                " coalesce(schema, ''), coalesce(profile, ''), coalesce(tags_json, '')"
                                " FROM dataset_inputs WHERE run_id = ?1 ORDER BY position"),
            { f.runId }, [&](const SqliteStatement& row) {
                const QJsonObject tags = QJsonDocument::fromJson(row.text(6).toUtf8()).object();
                f.datasets.append({ row.text(0), row.text(1), row.text(2), row.text(3), row.text(4), row.text(5),
                    tags.value(MlflowTags::DatasetContext).toString() });
            });
    if (s)
        s = each(QStringLiteral("SELECT key, value FROM params WHERE run_id = ?1 ORDER BY key"), { f.runId },
            [&](const SqliteStatement& row) {
                f.params.append({ row.text(0), row.text(1) });
            });
    return s;
}

Status ModelCardFactsQuery::loadLoggedModel(ModelCardFacts& f) const
{
    if (f.loggedModelId.isEmpty())
        f.loggedModelId = ModelSource::resolve(f.source, f.runId).modelId;
    if (f.loggedModelId.isEmpty())
        return {};
    Status s = each(QStringLiteral("SELECT name, coalesce(flavors, ''), coalesce(signature_inputs, ''),"
                                   " coalesce(signature_outputs, '') FROM logged_models WHERE model_id = ?1"),
        { f.loggedModelId }, [&](const SqliteStatement& row) {
            f.loggedModelName = row.text(0);
            f.flavors = row.text(1).split(QLatin1Char(','), Qt::SkipEmptyParts);
            f.inputs = ModelCardFacts::parseSignature(row.text(2));
            f.outputs = ModelCardFacts::parseSignature(row.text(3));
        });
    KeyValueList modelParams;
    if (s)
        s = each(QStringLiteral("SELECT key, value FROM logged_model_params WHERE model_id = ?1 ORDER BY key"),
            { f.loggedModelId }, [&](const SqliteStatement& row) {
                modelParams.append({ row.text(0), row.text(1) });
            });
    if (!modelParams.isEmpty())
        f.params = modelParams;
    if (s)
        s = each(QStringLiteral("SELECT key, value, step, dataset_name, coalesce(dataset_digest, '')"
                                " FROM logged_model_metrics WHERE model_id = ?1 AND dataset_name IS NOT NULL"
                                " ORDER BY key, dataset_name, step, timestamp"),
            { f.loggedModelId }, [&](const SqliteStatement& row) {
                f.metrics.append({ row.text(0), metricValue(row, 1), row.int64(2), row.text(3), row.text(4), true });
            });
    return s;
}

} // namespace prov
