#include "cache/RegistryCacheWriter.h"

#include "core/SqliteDatabase.h"
#include "domain/ModelSource.h"

#include <QVariant>

#include <cmath>

namespace prov {
namespace {

QString originName(LoggedModel::Origin origin)
{
    return origin == LoggedModel::Origin::LoggedModelEntity ? QStringLiteral("logged-model")
                                                            : QStringLiteral("log-model-history");
}

// Binds `text` or NULL when it is empty, so optional strings read back as NULL.
void bindOptional(SqliteStatement& stmt, int index, const QString& text)
{
    if (text.isEmpty())
        stmt.bindNull(index);
    else
        stmt.bind(index, text);
}

Status execAll(const SqliteDatabase& db, const QStringList& statements)
{
    for (const QString& sql : statements) {
        if (Status s = db.exec(sql); !s)
            return s;
    }
    return {};
}

Status insertKeyValues(const SqliteDatabase& db, const QString& sql, const QList<QVariantList>& rows)
{
    auto stmt = db.prepare(sql);
    if (!stmt)
        return stmt.error();
    for (const QVariantList& row : rows) {
        for (int i = 0; i < row.size(); ++i) {
            if (row[i].typeId() == QMetaType::LongLong)
                stmt->bind(i + 1, row[i].toLongLong());
            else
                stmt->bind(i + 1, row[i].toString());
        }
        if (Status s = stmt->exec(); !s)
            return s;
    }
    return {};
}

} // namespace

RegistryCacheWriter::RegistryCacheWriter(const SqliteDatabase& db)
    : m_db(db)
{ }

Status RegistryCacheWriter::replaceRegistry(const QList<RegisteredModel>& models)
{
    if (Status s = clearRegistry(); !s)
        return s;
    for (const RegisteredModel& model : models) {
        if (Status s = insertModel(model); !s)
            return s;
        for (const ModelVersion& version : model.versions) {
            if (Status s = insertVersion(version); !s)
                return s;
        }
    }
    return {};
}

Status RegistryCacheWriter::clearRegistry()
{
    return execAll(m_db,
        { QStringLiteral("DELETE FROM registered_models"), QStringLiteral("DELETE FROM registered_model_tags"),
            QStringLiteral("DELETE FROM model_versions"), QStringLiteral("DELETE FROM model_version_tags"),
            QStringLiteral("DELETE FROM model_aliases") });
}

Status RegistryCacheWriter::insertModel(const RegisteredModel& model)
{
    auto stmt = m_db.prepare(QStringLiteral("INSERT INTO registered_models (name, description, creation_time, "
                                            "last_updated_time) VALUES (?1, ?2, ?3, ?4)"));
    if (!stmt)
        return stmt.error();
    stmt->bind(1, model.name);
    bindOptional(*stmt, 2, model.description);
    stmt->bind(3, model.creationTime);
    stmt->bind(4, model.lastUpdatedTime);
    if (Status s = stmt->exec(); !s)
        return s;
    QList<QVariantList> tagRows;
    for (const KeyValue& tag : model.tags)
        tagRows.append({ model.name, tag.key, tag.value });
    if (Status s = insertKeyValues(m_db,
            QStringLiteral("INSERT OR REPLACE INTO registered_model_tags (name, key, value) VALUES (?1, ?2, ?3)"),
            tagRows);
        !s)
        return s;
    QList<QVariantList> aliasRows;
    for (const ModelAlias& alias : model.aliases)
        aliasRows.append({ model.name, alias.alias, QVariant::fromValue<qlonglong>(alias.version) });
    return insertKeyValues(m_db,
        QStringLiteral("INSERT OR REPLACE INTO model_aliases (name, alias, version) VALUES (?1, ?2, ?3)"), aliasRows);
}

Status RegistryCacheWriter::insertVersion(const ModelVersion& v)
{
    auto stmt = m_db.prepare(QStringLiteral(
        "INSERT OR REPLACE INTO model_versions (name, version, creation_time, last_updated_time, description, user_id,"
        " stage, source, run_id, status, status_message, run_link, storage_location, model_id)"
        " VALUES (?1,?2,?3,?4,?5,?6,?7,?8,?9,?10,?11,?12,?13,?14)"));
    if (!stmt)
        return stmt.error();
    // The producing model: the store's own model_id, else what `source` resolves to.
    const QString modelId = v.modelId.isEmpty() ? ModelSource::resolve(v.source, v.runId).modelId : v.modelId;
    stmt->bind(1, v.name);
    stmt->bind(2, v.version);
    stmt->bind(3, v.creationTime);
    stmt->bind(4, v.lastUpdatedTime);
    bindOptional(*stmt, 5, v.description);
    bindOptional(*stmt, 6, v.userId);
    stmt->bind(7, v.stage);
    stmt->bind(8, v.source);
    bindOptional(*stmt, 9, v.runId);
    stmt->bind(10, v.status);
    bindOptional(*stmt, 11, v.statusMessage);
    bindOptional(*stmt, 12, v.runLink);
    bindOptional(*stmt, 13, v.storageLocation);
    bindOptional(*stmt, 14, modelId);
    if (Status s = stmt->exec(); !s)
        return s;
    QList<QVariantList> tagRows;
    for (const KeyValue& tag : v.tags)
        tagRows.append({ v.name, QVariant::fromValue<qlonglong>(v.version), tag.key, tag.value });
    return insertKeyValues(m_db,
        QStringLiteral("INSERT OR REPLACE INTO model_version_tags (name, version, key, value) VALUES (?1, ?2, ?3, ?4)"),
        tagRows);
}

Status RegistryCacheWriter::replaceLoggedModels(
    const QString& experimentId, LoggedModel::Origin origin, const QList<LoggedModel>& models)
{
    const QString selectIds
        = QStringLiteral("(SELECT model_id FROM logged_models WHERE experiment_id = ?1 AND origin = ?2)");
    for (const QString& table : { QStringLiteral("logged_model_params"), QStringLiteral("logged_model_tags"),
             QStringLiteral("logged_model_metrics") }) {
        auto stmt
            = m_db.prepare(QStringLiteral("DELETE FROM ") + table + QStringLiteral(" WHERE model_id IN ") + selectIds);
        if (!stmt)
            return stmt.error();
        stmt->bind(1, experimentId);
        stmt->bind(2, originName(origin));
        if (Status s = stmt->exec(); !s)
            return s;
    }
    auto clear = m_db.prepare(QStringLiteral("DELETE FROM logged_models WHERE experiment_id = ?1 AND origin = ?2"));
    if (!clear)
        return clear.error();
    clear->bind(1, experimentId);
    clear->bind(2, originName(origin));
    if (Status s = clear->exec(); !s)
        return s;
    for (const LoggedModel& model : models) {
        if (Status s = insertLoggedModel(model); !s)
            return s;
    }
    return {};
}

Status RegistryCacheWriter::replaceRunHistoryModels(const QString& runId, const QList<LoggedModel>& models)
{
    auto clear = m_db.prepare(
        QStringLiteral("DELETE FROM logged_models WHERE source_run_id = ?1 AND origin = 'log-model-history'"));
    if (!clear)
        return clear.error();
    clear->bind(1, runId);
    if (Status s = clear->exec(); !s)
        return s;
    for (const LoggedModel& model : models) {
        if (Status s = insertLoggedModel(model); !s)
            return s;
    }
    return {};
}

Status RegistryCacheWriter::insertLoggedModel(const LoggedModel& m)
{
    auto stmt = m_db.prepare(QStringLiteral(
        "INSERT OR REPLACE INTO logged_models (model_id, experiment_id, name, source_run_id, artifact_location,"
        " artifact_path, status, model_type, creation_time, last_updated_time, flavors, origin, signature_inputs,"
        " signature_outputs) VALUES (?1,?2,?3,?4,?5,?6,?7,?8,?9,?10,?11,?12,?13,?14)"));
    if (!stmt)
        return stmt.error();
    stmt->bind(1, m.modelId);
    stmt->bind(2, m.experimentId);
    stmt->bind(3, m.name);
    bindOptional(*stmt, 4, m.sourceRunId);
    bindOptional(*stmt, 5, m.artifactLocation);
    bindOptional(*stmt, 6, m.artifactPath);
    bindOptional(*stmt, 7, m.status);
    bindOptional(*stmt, 8, m.modelType);
    stmt->bind(9, m.creationTime);
    stmt->bind(10, m.lastUpdatedTime);
    stmt->bind(11, m.flavors.join(QLatin1Char(',')));
    stmt->bind(12, originName(m.origin));
    bindOptional(*stmt, 13, m.signatureInputs);
    bindOptional(*stmt, 14, m.signatureOutputs);
    if (Status s = stmt->exec(); !s)
        return s;
    QList<QVariantList> params, tags;
    for (const KeyValue& kv : m.params)
        params.append({ m.modelId, kv.key, kv.value });
    for (const KeyValue& kv : m.tags)
        tags.append({ m.modelId, kv.key, kv.value });
    if (Status s = insertKeyValues(m_db,
            QStringLiteral("INSERT OR REPLACE INTO logged_model_params (model_id, key, value) VALUES (?1, ?2, ?3)"),
            params);
        !s)
        return s;
    if (Status s = insertKeyValues(m_db,
            QStringLiteral("INSERT OR REPLACE INTO logged_model_tags (model_id, key, value) VALUES (?1, ?2, ?3)"),
            tags);
        !s)
        return s;
    auto metric = m_db.prepare(QStringLiteral(
        "INSERT INTO logged_model_metrics (model_id, key, value, step, timestamp, run_id, dataset_name, dataset_digest)"
        " VALUES (?1,?2,?3,?4,?5,?6,?7,?8)"));
    if (!metric)
        return metric.error();
    for (const LoggedModelMetric& mm : m.metrics) {
        metric->bind(1, m.modelId);
        metric->bind(2, mm.key);
        if (!std::isnan(mm.value))
            metric->bind(3, mm.value);
        metric->bind(4, mm.step);
        metric->bind(5, mm.timestamp);
        bindOptional(*metric, 6, mm.runId);
        bindOptional(*metric, 7, mm.datasetName);
        bindOptional(*metric, 8, mm.datasetDigest);
        if (Status s = metric->exec(); !s)
            return s;
    }
    return {};
}

} // namespace prov
