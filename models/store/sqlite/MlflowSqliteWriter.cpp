#include "store/sqlite/MlflowSqliteWriter.h"

#include "core/LogCategories.h"
#include "store/RegistryWriteRules.h"
#include "store/sqlite/MlflowSqliteFileHeader.h"

#include <QDateTime>
#include <QThread>
#include <QVariant>

namespace prov {
namespace {

using Kind = RegistryWrite::Kind;

Error refused(const QString& message)
{
    return makeError(ErrorCode::InvalidArgument, message);
}

} // namespace

Result<std::unique_ptr<MlflowSqliteWriter>> MlflowSqliteWriter::open(const StoreLocation& location)
{
    return open(location, Options {});
}

Result<std::unique_ptr<MlflowSqliteWriter>> MlflowSqliteWriter::open(const StoreLocation& location, Options options)
{
    if (location.kind != StoreLocation::Kind::SqliteBackend)
        return makeError(ErrorCode::InvalidArgument, QStringLiteral("not an SQLite backend location"), location.uri);
    if (Status s = MlflowSqliteFileHeader::check(location.path); !s)
        return s.error();
    auto db = SqliteDatabase::open(location.path, SqliteDatabase::Mode::ReadWrite);
    if (!db)
        return db.error();
    // As MLflow's own SQLite sessions (mlflow/store/db/utils.py); the journal mode is left as
    // the database has it.
    if (Status s
        = db->exec(QStringLiteral("PRAGMA foreign_keys = ON; PRAGMA busy_timeout = %1;").arg(options.busyTimeoutMs));
        !s)
        return s.error();
    auto schema = MlflowSqliteSchema::inspect(*db);
    if (!schema)
        return schema.error();
    if (!schema->isKnownRevision())
        return makeError(ErrorCode::Unsupported,
            QStringLiteral("this database was written by an MLflow version Provenance does not know (schema revision "
                           "%1); Provenance reads it but does not write to it")
                .arg(schema->revision().isEmpty() ? QStringLiteral("none") : schema->revision()),
            location.path);
    if (!schema->hasRegistry())
        return makeError(ErrorCode::Unsupported,
            QStringLiteral("this database has no model registry tables; it predates MLflow's model registry"),
            location.path);
    return std::unique_ptr<MlflowSqliteWriter>(
        new MlflowSqliteWriter(location, std::move(db).value(), std::move(schema).value(), options));
}

MlflowSqliteWriter::MlflowSqliteWriter(
    StoreLocation location, SqliteDatabase db, MlflowSqliteSchema schema, Options options)
    : m_location(std::move(location))
    , m_db(std::move(db))
    , m_schema(std::move(schema))
    , m_options(options)
{ }

Status MlflowSqliteWriter::execute(const QString& sql, const QVariantList& values)
{
    auto stmt = m_db.prepare(sql);
    if (!stmt)
        return stmt.error();
    for (int i = 0; i < values.size(); ++i) {
        if (values[i].isNull())
            stmt->bindNull(i + 1);
        else if (values[i].typeId() == QMetaType::LongLong)
            stmt->bind(i + 1, values[i].toLongLong());
        else if (const QString text = values[i].toString(); text.isEmpty())
            stmt->bind(i + 1, QStringLiteral("")); // '' as MLflow writes it, not NULL (a null QString binds NULL)
        else
            stmt->bind(i + 1, text);
    }
    return stmt->exec();
}

Result<qint64> MlflowSqliteWriter::changes() const
{
    return m_db.queryInt(QStringLiteral("SELECT changes()"));
}

Status MlflowSqliteWriter::requireTable(const QString& table, const QString& what) const
{
    if (m_schema.hasTable(table))
        return {};
    return makeError(ErrorCode::Unsupported,
        QStringLiteral("this database is from an MLflow version without %1; they cannot be written to it").arg(what),
        m_location.path);
}

Status MlflowSqliteWriter::requireLiveVersion(const QString& name, qint64 version)
{
    auto stmt = m_db.prepare(QStringLiteral("SELECT 1 FROM model_versions WHERE name = ?1 AND version = ?2 AND "
                                            "current_stage != 'Deleted_Internal'"));
    if (!stmt)
        return stmt.error();
    stmt->bind(1, name);
    stmt->bind(2, version);
    if (stmt->step())
        return {};
    if (!stmt->lastStatus())
        return stmt->lastStatus();
    auto model = m_db.prepare(QStringLiteral("SELECT 1 FROM registered_models WHERE name = ?1"));
    if (!model)
        return model.error();
    model->bind(1, name);
    if (!model->step())
        return refused(QStringLiteral("there is no registered model “%1” in this store").arg(name));
    return refused(
        QStringLiteral("there is no version %1 of “%2” in this store (or it was deleted)").arg(version).arg(name));
}

Status MlflowSqliteWriter::writeOne(const RegistryWrite& w, qint64 now)
{
    const QVariant name(w.modelName), version(QVariant::fromValue<qlonglong>(w.version)),
        at(QVariant::fromValue<qlonglong>(now));
    if (w.kind != Kind::DeleteAlias) {
        if (Status s = requireLiveVersion(w.modelName, w.version); !s)
            return s;
    }
    switch (w.kind) {
    case Kind::SetVersionTag: {
        if (Status s = requireTable(QStringLiteral("model_version_tags"), QStringLiteral("model version tags")); !s)
            return s;
        Status s = execute(QStringLiteral("UPDATE model_version_tags SET value = ?4 WHERE name = ?1 AND version = ?2 "
                                          "AND key = ?3"),
            { name, version, w.key, w.value });
        auto changed = s ? changes() : Result<qint64>(s.error());
        if (!changed)
            return changed.error();
        if (*changed > 0)
            return {};
        return execute(
            QStringLiteral("INSERT INTO model_version_tags (key, value, name, version) VALUES (?3, ?4, ?1, ?2)"),
            { name, version, w.key, w.value });
    }
    case Kind::DeleteVersionTag:
        if (Status s = requireTable(QStringLiteral("model_version_tags"), QStringLiteral("model version tags")); !s)
            return s;
        return execute(QStringLiteral("DELETE FROM model_version_tags WHERE name = ?1 AND version = ?2 AND key = ?3"),
            { name, version, w.key });
    case Kind::SetAlias: {
        if (Status s = requireTable(QStringLiteral("registered_model_aliases"), QStringLiteral("aliases")); !s)
            return s;
        Status s
            = execute(QStringLiteral("UPDATE registered_model_aliases SET version = ?2 WHERE name = ?1 AND alias = ?3"),
                { name, version, w.key });
        auto changed = s ? changes() : Result<qint64>(s.error());
        if (!changed)
            return changed.error();
        if (*changed > 0)
            return {};
        return execute(
            QStringLiteral("INSERT INTO registered_model_aliases (alias, version, name) VALUES (?3, ?2, ?1)"),
            { name, version, w.key });
    }
    case Kind::DeleteAlias: {
        if (Status s = requireTable(QStringLiteral("registered_model_aliases"), QStringLiteral("aliases")); !s)
            return s;
        auto exists = m_db.prepare(QStringLiteral("SELECT 1 FROM registered_models WHERE name = ?1"));
        if (!exists)
            return exists.error();
        exists->bind(1, w.modelName);
        if (!exists->step()) {
            if (!exists->lastStatus())
                return exists->lastStatus();
            return refused(QStringLiteral("there is no registered model “%1” in this store").arg(w.modelName));
        }
        return execute(
            QStringLiteral("DELETE FROM registered_model_aliases WHERE name = ?1 AND alias = ?2"), { name, w.key });
    }
    case Kind::TransitionStage: {
        const QString stage = RegistryWriteRules::canonicalStage(w.key);
        if (w.archiveExisting) {
            if (Status s
                = execute(QStringLiteral("UPDATE model_versions SET current_stage = 'Archived', last_updated_time = ?3"
                                         " WHERE name = ?1 AND version != ?2 AND current_stage = ?4"),
                    { name, version, at, stage });
                !s)
                return s;
        }
        if (Status s
            = execute(QStringLiteral("UPDATE model_versions SET current_stage = ?4, last_updated_time = ?3 WHERE "
                                     "name = ?1 AND version = ?2"),
                { name, version, at, stage });
            !s)
            return s;
        return execute(
            QStringLiteral("UPDATE registered_models SET last_updated_time = ?2 WHERE name = ?1"), { name, at });
    }
    case Kind::SetVersionDescription:
        return execute(
            QStringLiteral("UPDATE model_versions SET description = ?4, last_updated_time = ?3 WHERE name = ?1 "
                           "AND version = ?2"),
            { name, version, at, w.value });
    }
    return {};
}

Status MlflowSqliteWriter::writeAll(const RegistryWrites& writes, qint64 now)
{
    SqliteTransaction transaction(m_db);
    if (!transaction.beginStatus())
        return transaction.beginStatus();
    for (const RegistryWrite& w : writes) {
        if (Status s = writeOne(w, now); !s)
            return s;
    }
    return transaction.commit();
}

Status MlflowSqliteWriter::write(const RegistryWrites& writes)
{
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    for (int attempt = 1;; ++attempt) {
        Status s = writeAll(writes, now);
        if (s || s.error().code != ErrorCode::Database)
            return s;
        qCWarning(lcRegistry) << "writing" << m_location.path << "failed:" << s.error().describe();
        if (!isBusyError(s.error()))
            return makeError(ErrorCode::Database,
                s.error().message.contains(QLatin1String("readonly"))
                    ? QStringLiteral("the database file cannot be written (permission denied); nothing was written")
                    : QStringLiteral("the database refused the write; nothing was written (details are in the log)"),
                m_location.path);
        if (attempt >= m_options.attempts)
            return makeError(ErrorCode::Database,
                QStringLiteral("the database is busy: another program kept writing to it for %1 seconds; nothing was "
                               "written, try again")
                    .arg(std::max(1, m_options.attempts * m_options.busyTimeoutMs / 1000)),
                m_location.path);
        QThread::msleep(250 * attempt);
    }
}

bool MlflowSqliteWriter::isBusyError(const Error& error)
{
    // SqliteTransaction rolls back before the caller sees the error, which resets SQLite's
    // error code; the message is SQLite's fixed text for SQLITE_BUSY / SQLITE_LOCKED.
    return error.message.contains(QLatin1String("database is locked"))
        || error.message.contains(QLatin1String("database table is locked"));
}

} // namespace prov
