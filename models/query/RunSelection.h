#pragma once

#include "core/Result.h"
#include "query/RunFilterSql.h"

#include <QString>
#include <QStringList>

namespace prov {

class SqliteStatement;

// Which runs a list shows: some experiments (or all), deleted ones or not, and an MLflow
// search expression. With `plainTextSearchesNames` a filter that is not an expression but
// plain words ("resnet final") searches run names instead, as MLflow's own UI does.
struct RunSelection
{
    QStringList experimentIds; // empty: every experiment
    bool includeDeleted = false; // deleted runs and runs of deleted experiments
    QString filter;
    bool plainTextSearchesNames = false;
};

// A RunSelection compiled to a WHERE clause over `runs r` with its bind values.
class RunSelectionSql
{
public:
    static Result<RunSelectionSql> compile(const RunSelection& selection);

    const QString& where() const { return m_where; }
    // True when the filter text was taken as a run-name search rather than an expression.
    bool searchesNames() const { return m_searchesNames; }
    void bindTo(SqliteStatement& statement) const;

private:
    RunSelectionSql() = default;

    QString m_where;
    QList<FilterBindValue> m_values;
    bool m_searchesNames = false;
};

} // namespace prov
