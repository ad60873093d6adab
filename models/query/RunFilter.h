#pragma once

#include "core/Result.h"
#include "query/FilterComparison.h"
#include "query/RunFilterSql.h"

#include <QList>
#include <QString>

namespace prov {

// A parsed MLflow run search expression ("metrics.acc > 0.9 and params.lr = '0.01'"), with
// MLflow's grammar and type rules (mlflow/utils/search_utils.py): conditions joined by AND,
// nothing else. A default-constructed or empty filter matches every run. Parse errors are
// ErrorCode::InvalidArgument; Error::location holds the 1-based column of the offending token.
class RunFilter
{
public:
    static Result<RunFilter> parse(const QString& expression);

    RunFilter() = default;

    bool isEmpty() const { return m_comparisons.isEmpty(); }
    const QString& expression() const { return m_expression; }
    const QList<FilterComparison>& comparisons() const { return m_comparisons; }

    // The filter as SQL over `runs r` with parameters numbered from `firstParameterIndex`.
    RunFilterSql toSql(int firstParameterIndex = 1) const;

private:
    QString m_expression;
    QList<FilterComparison> m_comparisons;
};

} // namespace prov
