#pragma once

#include "core/SqliteDatabase.h"
#include "store/StoreWriter.h"
#include "store/sqlite/MlflowSqliteSchema.h"

#include <memory>

namespace prov {

// Writes to the model registry of an MLflow SQLite backend as MLflow's SqlAlchemyStore does
// (mlflow/store/model_registry/sqlalchemy_store.py): rows of model_version_tags and
// registered_model_aliases, and current_stage / description of model_versions. Timestamps move
// as MLflow moves them: a stage change sets last_updated_time of the versions it changes and of
// the registered model, a description change that of the version, and tags and aliases change
// no timestamp. A batch is one transaction. Databases whose alembic revision Provenance does
// not know are refused at open (their tables may have changed). A database another program is
// writing is waited for, retried a few times, and then reported as busy.
class MlflowSqliteWriter final : public StoreWriter
{
public:
    struct Options
    {
        int busyTimeoutMs = 5000; // how long one attempt waits for another writer
        int attempts = 4;
    };

    static Result<std::unique_ptr<MlflowSqliteWriter>> open(const StoreLocation& location);
    static Result<std::unique_ptr<MlflowSqliteWriter>> open(const StoreLocation& location, Options options);

    const StoreLocation& location() const override { return m_location; }

protected:
    Status write(const RegistryWrites& writes) override;

private:
    MlflowSqliteWriter(StoreLocation location, SqliteDatabase db, MlflowSqliteSchema schema, Options options);

    Status writeAll(const RegistryWrites& writes, qint64 now);
    Status writeOne(const RegistryWrite& w, qint64 now);
    Status requireLiveVersion(const QString& name, qint64 version);
    Status requireTable(const QString& table, const QString& what) const;
    Status execute(const QString& sql, const QVariantList& values);
    Result<qint64> changes() const;
    static bool isBusyError(const Error& error);

    StoreLocation m_location;
    SqliteDatabase m_db;
    MlflowSqliteSchema m_schema;
    Options m_options;
};

} // namespace prov
