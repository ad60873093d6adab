#pragma once

#include "core/Result.h"

#include <QHash>
#include <QSet>
#include <QString>
#include <QStringList>

namespace prov {

class SqliteDatabase;

// What an MLflow SQLite backend looks like inside: its alembic revision and which of the
// tables and columns this reader uses are present. Readers build their SQL from it so that
// databases written by older MLflow versions (no datasets, no logged models, no
// runs.deleted_time, ...) still read, and a database that is not MLflow's fails clearly.
class MlflowSqliteSchema
{
public:
    // Fails when a table every MLflow tracking database has is missing.
    static Result<MlflowSqliteSchema> inspect(const SqliteDatabase& db);

    // Alembic revisions of mlflow/store/db_migrations/versions, oldest first, through the
    // MLflow 3.2 head 770bee3ae1dd. A revision outside this list still reads, with a warning.
    static const QStringList& knownRevisions();

    const QString& revision() const { return m_revision; }
    bool isKnownRevision() const;
    // "MLflow 3.x" when the logged-model tables exist, else "MLflow 2.x".
    QString generation() const;

    bool hasTable(const QString& table) const { return m_columns.contains(table); }
    bool hasColumn(const QString& table, const QString& column) const;
    // `alias.column` (or `column`) when the column exists, else NULL: lets one query serve
    // schema revisions that predate the column.
    QString columnOrNull(const QString& table, const QString& column, const QString& alias = {}) const;

    bool hasLoggedModels() const;
    bool hasInputs() const;
    bool hasRegistry() const;

private:
    QString m_revision;
    QHash<QString, QSet<QString>> m_columns; // table -> column names, for the tables read
};

} // namespace prov
