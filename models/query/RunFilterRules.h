#pragma once

#include "core/Result.h"
#include "query/FilterComparison.h"
#include "query/FilterToken.h"

#include <QStringList>

namespace prov {

// The right-hand side of a comparison as written, before MLflow's type rules give it a type.
struct FilterOperand
{
    enum class Kind { Text, Number, List };

    Kind kind = Kind::Text;
    QString text; // decoded text or the number as typed
    QStringList list;
    QString source;
    int column = 1;
};

// MLflow's naming and type rules for run search (mlflow/utils/search_utils.py, SearchUtils):
// which entity prefixes and attribute / dataset keys exist, which comparators each entity
// accepts, and which value types. Kept apart from the parser so the grammar stays readable and
// so every message a user can get about types is in one place.
class RunFilterRules
{
public:
    // "metrics" / "metric" -> Metric, "attr" -> Attribute, ...; an error for anything else.
    static Result<FilterEntity> entity(const FilterToken& prefix);
    // Canonical attribute name (created -> start_time, `Run name` -> run_name) or an error.
    static Result<QString> attributeKey(const QString& key, int column);
    static Status checkDatasetKey(const QString& key, int column);

    // Checks the comparator against the entity and converts `operand` into comparison.value.
    static Status check(FilterComparison& comparison, const QString& operatorSource, const FilterOperand& operand);

    static bool isNumericAttribute(const QString& canonicalKey);

private:
    static Status checkOperator(const FilterComparison& comparison, const QString& operatorSource);
    static Status checkNumber(FilterComparison& comparison, const FilterOperand& operand);
    static Status checkText(FilterComparison& comparison, const FilterOperand& operand);
};

} // namespace prov
