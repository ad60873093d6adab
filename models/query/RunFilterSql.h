#pragma once

#include "query/FilterComparison.h"

#include <QList>
#include <QString>

#include <variant>

namespace prov {

class SqliteStatement;

// A value bound to one numbered parameter of a compiled filter.
using FilterBindValue = std::variant<QString, double, qint64>;

// A run filter compiled to SQL: a boolean expression over the cache table `runs` aliased as `r`
// (use it as `... FROM runs r WHERE <where()>`, alone or ANDed with more conditions) and the
// values for its parameters ?N, ?N+1, ... (N = firstParameterIndex). User text only ever
// travels in bind values. Conditions on params, tags, metrics and datasets are EXISTS
// subqueries, so the fragment works in any outer query and never multiplies rows.
class RunFilterSql
{
public:
    static RunFilterSql compile(const QList<FilterComparison>& comparisons, int firstParameterIndex = 1);

    // "1" (true) for an empty filter.
    const QString& where() const { return m_where; }
    const QList<FilterBindValue>& values() const { return m_values; }
    int firstParameterIndex() const { return m_first; }
    // The first parameter number after this fragment's, for further parameters of the query.
    int nextParameterIndex() const { return m_first + static_cast<int>(m_values.size()); }

    // Binds values() to ?firstParameterIndex... of `statement`.
    void bindTo(SqliteStatement& statement) const;

private:
    explicit RunFilterSql(int firstParameterIndex);

    QString condition(const FilterComparison& comparison);
    QString keyedExists(const QString& table, const QString& alias, const FilterComparison& comparison);
    QString datasetExists(const FilterComparison& comparison);
    QString attribute(const FilterComparison& comparison);
    QString test(const QString& column, const FilterComparison& comparison);
    QString parameter(FilterBindValue value);

    QString m_where;
    QList<FilterBindValue> m_values;
    int m_first = 1;
};

} // namespace prov
