#pragma once

#include <QString>
#include <QStringList>

#include <variant>

namespace prov {

// What a comparison looks at. Attribute keys are the canonical `runs` column names
// (run_id, run_name, status, user_id, artifact_uri, lifecycle_stage, start_time, end_time);
// dataset keys are name, digest or context.
enum class FilterEntity { Metric, Param, Tag, Attribute, Dataset };

// MLflow's comparators; `<>` is read as NotEqual.
enum class FilterOperator { Equal, NotEqual, Less, LessEqual, Greater, GreaterEqual, Like, ILike, In, NotIn };

// A checked value: double for metrics, qint64 (ms since the epoch) for time attributes,
// QString for params, tags and string attributes, QStringList for IN / NOT IN.
using FilterValue = std::variant<QString, double, qint64, QStringList>;

// One `entity.key OPERATOR value` condition of a run filter, already checked against MLflow's
// type rules. The *Column fields (1-based, UTF-16 units) let a GUI highlight each part.
struct FilterComparison
{
    FilterEntity entity = FilterEntity::Attribute;
    QString key;
    FilterOperator op = FilterOperator::Equal;
    FilterValue value;

    QString keySource; // as typed, e.g. metrics.`val loss`
    int keyColumn = 1;
    int operatorColumn = 1;
    int valueColumn = 1;
};

// "=", "!=", "LIKE", "NOT IN", ... as MLflow spells them.
inline QString filterOperatorName(FilterOperator op)
{
    switch (op) {
    case FilterOperator::Equal:
        return QStringLiteral("=");
    case FilterOperator::NotEqual:
        return QStringLiteral("!=");
    case FilterOperator::Less:
        return QStringLiteral("<");
    case FilterOperator::LessEqual:
        return QStringLiteral("<=");
    case FilterOperator::Greater:
        return QStringLiteral(">");
    case FilterOperator::GreaterEqual:
        return QStringLiteral(">=");
    case FilterOperator::Like:
        return QStringLiteral("LIKE");
    case FilterOperator::ILike:
        return QStringLiteral("ILIKE");
    case FilterOperator::In:
        return QStringLiteral("IN");
    case FilterOperator::NotIn:
        return QStringLiteral("NOT IN");
    }
    return {};
}

} // namespace prov
