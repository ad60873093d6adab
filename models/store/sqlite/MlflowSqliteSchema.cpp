#include "store/sqlite/MlflowSqliteSchema.h"

#include "core/SqliteDatabase.h"

namespace prov {
namespace {

// Every MLflow tracking database has had these since alembic was introduced (MLflow 1.0);
// `runs` first so that a random database names the table users recognise.
const QStringList& requiredTables()
{
    static const QStringList tables {
        QStringLiteral("runs"),
        QStringLiteral("experiments"),
        QStringLiteral("experiment_tags"),
        QStringLiteral("tags"),
        QStringLiteral("params"),
        QStringLiteral("metrics"),
        QStringLiteral("latest_metrics"),
        QStringLiteral("alembic_version"),
    };
    return tables;
}

const QStringList& optionalTables()
{
    static const QStringList tables {
        QStringLiteral("datasets"),
        QStringLiteral("inputs"),
        QStringLiteral("input_tags"),
        QStringLiteral("logged_models"),
        QStringLiteral("logged_model_params"),
        QStringLiteral("logged_model_tags"),
        QStringLiteral("logged_model_metrics"),
        QStringLiteral("registered_models"),
        QStringLiteral("registered_model_tags"),
        QStringLiteral("registered_model_aliases"),
        QStringLiteral("model_versions"),
        QStringLiteral("model_version_tags"),
    };
    return tables;
}

Error unreadable(const SqliteDatabase& db, const Error& error)
{
    return makeError(ErrorCode::Corrupt,
        QStringLiteral("not an MLflow tracking database: cannot read its schema (%1)").arg(error.message), db.path());
}

Result<QSet<QString>> tableNames(const SqliteDatabase& db)
{
    auto stmt = db.prepare(QStringLiteral("SELECT name FROM sqlite_master WHERE type = 'table'"));
    if (!stmt)
        return unreadable(db, stmt.error());
    QSet<QString> names;
    while (stmt->step())
        names.insert(stmt->text(0));
    if (!stmt->lastStatus())
        return unreadable(db, stmt->lastStatus().error());
    return names;
}

Result<QSet<QString>> columnNames(const SqliteDatabase& db, const QString& table)
{
    auto stmt = db.prepare(QStringLiteral("SELECT name FROM pragma_table_info(?1)"));
    if (!stmt)
        return unreadable(db, stmt.error());
    stmt->bind(1, table);
    QSet<QString> names;
    while (stmt->step())
        names.insert(stmt->text(0));
    if (!stmt->lastStatus())
        return unreadable(db, stmt->lastStatus().error());
    return names;
}

// alembic keeps one row per head; MLflow has a single head, so more rows are unusual.
Result<QString> alembicRevision(const SqliteDatabase& db)
{
    auto stmt = db.prepare(QStringLiteral("SELECT version_num FROM alembic_version ORDER BY version_num"));
    if (!stmt)
        return unreadable(db, stmt.error());
    QStringList heads;
    while (stmt->step())
        heads << stmt->text(0);
    if (!stmt->lastStatus())
        return unreadable(db, stmt->lastStatus().error());
    return heads.join(QLatin1Char(','));
}

} // namespace

const QStringList& MlflowSqliteSchema::knownRevisions()
{
    // Followed down_revision from 770bee3ae1dd (MLflow 3.2) back to the root 451aebb31d03.
    static const QStringList revisions {
        QStringLiteral("451aebb31d03"), // add metric step (MLflow 1.0)
        QStringLiteral("90e64c465722"), // migrate user column to tags
        QStringLiteral("181f10493468"), // allow nulls for metric values
        QStringLiteral("df50e92ffc5e"), // add experiment tags table
        QStringLiteral("7ac759974ad8"), // update run tags with larger limit
        QStringLiteral("89d4b8295536"), // create latest metrics table
        QStringLiteral("2b4d017a5e9b"), // add model registry tables
        QStringLiteral("cfd24bdc0731"), // update run status constraint with killed
        QStringLiteral("0a8213491aaa"), // drop duplicate killed constraint
        QStringLiteral("728d730b5ebd"), // add registered model tags table
        QStringLiteral("27a6a02d2cf1"), // add model version tags table
        QStringLiteral("84291f40a231"), // add run_link to model_version
        QStringLiteral("a8c4a736bde6"), // allow nulls for run_id
        QStringLiteral("39d1c3be5f05"), // add is_nan constraint for metrics tables
        QStringLiteral("c48cb773bb87"), // reset default value for is_nan (MySQL)
        QStringLiteral("bd07f7e963c5"), // create index on run_uuid
        QStringLiteral("0c779009ac13"), // add deleted_time field to runs table
        QStringLiteral("cc1f77228345"), // change param value length to 500
        QStringLiteral("97727af70f4d"), // creation_time / last_update_time for experiments
        QStringLiteral("3500859a5d39"), // add model aliases table
        QStringLiteral("7f2a7d5fae7d"), // add datasets, inputs, input_tags tables
        QStringLiteral("2d6e25af4d3e"), // increase max param value length to 8000
        QStringLiteral("acf3f17fdcc7"), // add storage_location to model versions
        QStringLiteral("867495a8f9d4"), // add trace tables
        QStringLiteral("5b0e9adcef9c"), // add cascade deletion to trace tables
        QStringLiteral("4465047574b1"), // increase max dataset schema size
        QStringLiteral("f5a4f2784254"), // increase run tag value limit
        QStringLiteral("0584bdc529eb"), // add cascading deletion to datasets (MLflow 2.22 head)
        QStringLiteral("400f98739977"), // add logged model tables (MLflow 3.0)
        QStringLiteral("6953534de441"), // add step to inputs table
        QStringLiteral("bda7b8c39065"), // increase model version tag value limit
        QStringLiteral("cbc13b556ace"), // add V3 trace schema columns
        QStringLiteral("770bee3ae1dd"), // add assessments table (MLflow 3.2 head)
    };
    return revisions;
}

Result<MlflowSqliteSchema> MlflowSqliteSchema::inspect(const SqliteDatabase& db)
{
    auto tables = tableNames(db);
    if (!tables)
        return tables.error();
    for (const QString& table : requiredTables()) {
        if (!tables->contains(table)) {
            return makeError(ErrorCode::Corrupt,
                QStringLiteral("not an MLflow tracking database: table '%1' is missing").arg(table), db.path());
        }
    }
    MlflowSqliteSchema schema;
    for (const QStringList* list : { &requiredTables(), &optionalTables() }) {
        for (const QString& table : *list) {
            if (!tables->contains(table))
                continue;
            auto columns = columnNames(db, table);
            if (!columns)
                return columns.error();
            schema.m_columns.insert(table, std::move(columns).value());
        }
    }
    auto revision = alembicRevision(db);
    if (!revision)
        return revision.error();
    schema.m_revision = std::move(revision).value();
    return schema;
}

bool MlflowSqliteSchema::isKnownRevision() const
{
    return knownRevisions().contains(m_revision);
}

QString MlflowSqliteSchema::generation() const
{
    return hasTable(QStringLiteral("logged_models")) ? QStringLiteral("MLflow 3.x") : QStringLiteral("MLflow 2.x");
}

bool MlflowSqliteSchema::hasColumn(const QString& table, const QString& column) const
{
    const auto it = m_columns.constFind(table);
    return it != m_columns.constEnd() && it->contains(column);
}

QString MlflowSqliteSchema::columnOrNull(const QString& table, const QString& column, const QString& alias) const
{
    if (!hasColumn(table, column))
        return QStringLiteral("NULL");
    return alias.isEmpty() ? column : alias + QLatin1Char('.') + column;
}

bool MlflowSqliteSchema::hasLoggedModels() const
{
    return hasTable(QStringLiteral("logged_models")) && hasTable(QStringLiteral("logged_model_params"))
        && hasTable(QStringLiteral("logged_model_tags")) && hasTable(QStringLiteral("logged_model_metrics"));
}

bool MlflowSqliteSchema::hasInputs() const
{
    return hasTable(QStringLiteral("inputs")) && hasTable(QStringLiteral("input_tags"))
        && hasTable(QStringLiteral("datasets"));
}

bool MlflowSqliteSchema::hasRegistry() const
{
    return hasTable(QStringLiteral("registered_models")) && hasTable(QStringLiteral("model_versions"));
}

} // namespace prov
