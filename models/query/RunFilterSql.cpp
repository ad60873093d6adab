#include "query/RunFilterSql.h"

#include "core/SqliteStatement.h"
#include "query/LikePattern.h"

#include <QStringList>

namespace prov {
namespace {

// The `runs` columns an attribute may name. RunFilterRules only lets these through; the
// list is repeated here so that no text reaches the SQL without being one of them.
QString attributeColumn(const QString& key)
{
    static const QStringList columns = { QStringLiteral("run_id"), QStringLiteral("run_name"), QStringLiteral("status"),
        QStringLiteral("user_id"), QStringLiteral("artifact_uri"), QStringLiteral("lifecycle_stage"),
        QStringLiteral("start_time"), QStringLiteral("end_time") };
    return columns.contains(key) ? QStringLiteral("r.") + key : QString();
}

QString datasetColumn(const QString& key)
{
    if (key == u"name" || key == u"digest" || key == u"context")
        return QStringLiteral("fd.") + key;
    return {};
}

QString symbol(FilterOperator op)
{
    return op == FilterOperator::NotEqual ? QStringLiteral("<>") : filterOperatorName(op);
}

} // namespace

RunFilterSql::RunFilterSql(int firstParameterIndex)
    : m_first(firstParameterIndex)
{ }

RunFilterSql RunFilterSql::compile(const QList<FilterComparison>& comparisons, int firstParameterIndex)
{
    RunFilterSql sql(firstParameterIndex);
    QStringList conditions;
    for (const FilterComparison& comparison : comparisons)
        conditions.append(sql.condition(comparison));
    sql.m_where = conditions.isEmpty() ? QStringLiteral("1") : conditions.join(QLatin1String(" AND "));
    return sql;
}

void RunFilterSql::bindTo(SqliteStatement& statement) const
{
    int index = m_first;
    for (const FilterBindValue& value : m_values) {
        std::visit([&statement, index](const auto& v) { statement.bind(index, v); }, value);
        ++index;
    }
}

QString RunFilterSql::condition(const FilterComparison& comparison)
{
    switch (comparison.entity) {
    case FilterEntity::Metric:
        return keyedExists(QStringLiteral("latest_metrics"), QStringLiteral("fm"), comparison);
    case FilterEntity::Param:
        return keyedExists(QStringLiteral("params"), QStringLiteral("fp"), comparison);
    case FilterEntity::Tag:
        return keyedExists(QStringLiteral("tags"), QStringLiteral("ft"), comparison);
    case FilterEntity::Dataset:
        return datasetExists(comparison);
    case FilterEntity::Attribute:
        return attribute(comparison);
    }
    return QStringLiteral("0");
}

QString RunFilterSql::keyedExists(const QString& table, const QString& alias, const FilterComparison& comparison)
{
    // A run without the key has no row here and never matches, also for != (as in MLflow).
    const QString key = parameter(comparison.key);
    QString value = alias + QStringLiteral(".value");
    if (comparison.entity == FilterEntity::Metric) {
        // MLflow's SQL backend stores a NaN latest value as 0 (with is_nan set) and infinities
        // as +/-DBL_MAX, and compares those: a NaN run matches "!= 0.5" and "= 0". Its file
        // store compares NaN itself (matching only "!="); where they differ, the SQL backend is
        // followed. The cache keeps NaN as NULL.
        value
            = QStringLiteral("coalesce(max(min(%1, 1.7976931348623157e308), -1.7976931348623157e308), 0.0)").arg(value);
    }
    return QStringLiteral("EXISTS (SELECT 1 FROM %1 %2 WHERE %2.run_id = r.run_id AND %2.key = %3 AND %4)")
        .arg(table, alias, key, test(value, comparison));
}

QString RunFilterSql::datasetExists(const FilterComparison& comparison)
{
    const QString column = datasetColumn(comparison.key);
    if (column.isEmpty())
        return QStringLiteral("0");
    // MLflow only looks at inputs that carry a context tag; the cache stores a missing one as ''.
    const QString hasContext = comparison.key == u"context" ? QStringLiteral(" AND fd.context <> ''") : QString();
    return QStringLiteral("EXISTS (SELECT 1 FROM dataset_inputs fd WHERE fd.run_id = r.run_id%1 AND %2)")
        .arg(hasContext, test(column, comparison));
}

QString RunFilterSql::attribute(const FilterComparison& comparison)
{
    const QString column = attributeColumn(comparison.key);
    if (column.isEmpty())
        return QStringLiteral("0");
    // A NULL column (end_time of a running run) compares as unknown: the run does not match,
    // as MLflow skips runs whose attribute is None.
    return u'(' + test(column, comparison) + u')';
}

QString RunFilterSql::test(const QString& column, const FilterComparison& comparison)
{
    switch (comparison.op) {
    case FilterOperator::Like:
    case FilterOperator::ILike: {
        const LikePattern::Case sensitivity
            = comparison.op == FilterOperator::Like ? LikePattern::Case::Sensitive : LikePattern::Case::Insensitive;
        const QString* pattern = std::get_if<QString>(&comparison.value);
        return column + QStringLiteral(" GLOB ")
            + parameter(LikePattern::toGlob(pattern ? QStringView(*pattern) : QStringView(), sensitivity));
    }
    case FilterOperator::In:
    case FilterOperator::NotIn: {
        QStringList placeholders;
        if (const QStringList* list = std::get_if<QStringList>(&comparison.value)) {
            for (const QString& item : *list)
                placeholders.append(parameter(item));
        }
        if (placeholders.isEmpty())
            return comparison.op == FilterOperator::In ? QStringLiteral("0") : column + QStringLiteral(" IS NOT NULL");
        return column + (comparison.op == FilterOperator::In ? QStringLiteral(" IN (") : QStringLiteral(" NOT IN ("))
            + placeholders.join(QLatin1String(", ")) + u')';
    }
    default:
        break;
    }
    const QString value = std::visit(
        [this](const auto& v) -> QString {
            if constexpr (std::is_same_v<std::decay_t<decltype(v)>, QStringList>)
                return parameter(v.value(0));
            else
                return parameter(v);
        },
        comparison.value);
    return column + u' ' + symbol(comparison.op) + u' ' + value;
}

QString RunFilterSql::parameter(FilterBindValue value)
{
    m_values.append(std::move(value));
    return u'?' + QString::number(m_first + m_values.size() - 1);
}

} // namespace prov
