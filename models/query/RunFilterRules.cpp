#include "query/RunFilterRules.h"

#include "query/FilterError.h"

#include <algorithm>
#include <cmath>
#include <span>
#include <utility>

namespace prov {
namespace {

using Op = FilterOperator;

struct Name
{
    const char16_t* text;
    FilterEntity entity;
};

// SearchUtils._VALID_IDENTIFIERS with the entity each one stands for.
constexpr Name entityNames[] = {
    { u"metric", FilterEntity::Metric },
    { u"metrics", FilterEntity::Metric },
    { u"parameter", FilterEntity::Param },
    { u"parameters", FilterEntity::Param },
    { u"param", FilterEntity::Param },
    { u"params", FilterEntity::Param },
    { u"tag", FilterEntity::Tag },
    { u"tags", FilterEntity::Tag },
    { u"attribute", FilterEntity::Attribute },
    { u"attributes", FilterEntity::Attribute },
    { u"attr", FilterEntity::Attribute },
    { u"run", FilterEntity::Attribute },
    { u"dataset", FilterEntity::Dataset },
    { u"datasets", FilterEntity::Dataset },
};

// RunInfo's searchable attributes plus lifecycle_stage (a cache column users filter on),
// then MLflow's aliases, each with the `runs` column it reads.
constexpr std::pair<const char16_t*, const char16_t*> attributeNames[] = {
    { u"run_id", u"run_id" },
    { u"run_name", u"run_name" },
    { u"status", u"status" },
    { u"user_id", u"user_id" },
    { u"artifact_uri", u"artifact_uri" },
    { u"lifecycle_stage", u"lifecycle_stage" },
    { u"start_time", u"start_time" },
    { u"end_time", u"end_time" },
    { u"created", u"start_time" },
    { u"Created", u"start_time" },
    { u"run name", u"run_name" },
    { u"Run name", u"run_name" },
    { u"Run Name", u"run_name" },
};

constexpr Op numericOps[] = { Op::Equal, Op::NotEqual, Op::Less, Op::LessEqual, Op::Greater, Op::GreaterEqual };
constexpr Op textOps[] = { Op::Equal, Op::NotEqual, Op::Like, Op::ILike };
constexpr Op listedTextOps[] = { Op::Equal, Op::NotEqual, Op::Like, Op::ILike, Op::In, Op::NotIn };

QString joinOperators(std::span<const Op> ops)
{
    QString text;
    qsizetype i = 0;
    for (Op op : ops) {
        if (i > 0)
            text += i + 1 == static_cast<qsizetype>(ops.size()) ? QStringLiteral(" or ") : QStringLiteral(", ");
        text += filterOperatorName(op);
        ++i;
    }
    return text;
}

bool contains(std::span<const Op> ops, Op op)
{
    return std::find(ops.begin(), ops.end(), op) != ops.end();
}

// What a comparison is about, for messages: "metrics", "attribute 'status'", ...
QString subject(const FilterComparison& c)
{
    switch (c.entity) {
    case FilterEntity::Metric:
        return QStringLiteral("metrics, which are numbers");
    case FilterEntity::Param:
        return QStringLiteral("params, which are text");
    case FilterEntity::Tag:
        return QStringLiteral("tags, which are text");
    case FilterEntity::Dataset:
        return QStringLiteral("dataset %1").arg(c.key);
    case FilterEntity::Attribute:
        break;
    }
    return RunFilterRules::isNumericAttribute(c.key)
        ? QStringLiteral("%1, a time in milliseconds since the epoch").arg(c.key)
        : QStringLiteral("attribute %1, which is text").arg(c.key);
}

std::span<const Op> allowedOperators(const FilterComparison& c)
{
    switch (c.entity) {
    case FilterEntity::Metric:
        return numericOps;
    case FilterEntity::Param:
    case FilterEntity::Tag:
        return textOps;
    case FilterEntity::Dataset:
        return listedTextOps;
    case FilterEntity::Attribute:
        break;
    }
    if (RunFilterRules::isNumericAttribute(c.key))
        return numericOps;
    // Like MLflow, only run_id takes a list among the attributes.
    if (c.key == u"run_id")
        return listedTextOps;
    return textOps;
}

} // namespace

Result<FilterEntity> RunFilterRules::entity(const FilterToken& prefix)
{
    for (const Name& name : entityNames) {
        if (prefix.text == QStringView(name.text))
            return name.entity;
    }
    for (const Name& name : entityNames) {
        if (prefix.text.compare(QStringView(name.text), Qt::CaseInsensitive) == 0)
            return makeFilterError(QStringLiteral("unknown entity '%1'; did you mean '%2'?")
                                       .arg(prefix.text, QStringView(name.text).toString()),
                prefix.column);
    }
    return makeFilterError(
        QStringLiteral("unknown entity '%1'; use metrics., params., tags., attributes. or datasets.").arg(prefix.text),
        prefix.column);
}

Result<QString> RunFilterRules::attributeKey(const QString& key, int column)
{
    for (const auto& [name, canonical] : attributeNames) {
        if (key == QStringView(name))
            return QStringView(canonical).toString();
    }
    for (const auto& [name, canonical] : attributeNames) {
        if (key.compare(QStringView(name), Qt::CaseInsensitive) == 0)
            return makeFilterError(
                QStringLiteral("unknown attribute '%1'; did you mean '%2'?").arg(key, QStringView(name).toString()),
                column);
    }
    for (const Name& name : entityNames) {
        if (key == QStringView(name.text))
            return makeFilterError(
                QStringLiteral("'%1' needs a key: write %1.<key>, e.g. %1.`my key`").arg(key), column);
    }
    return makeFilterError(
        QStringLiteral("unknown attribute '%1'; valid attributes are run_id, run_name, status, "
                       "user_id, artifact_uri, lifecycle_stage, start_time (or created) and end_time")
            .arg(key),
        column);
}

Status RunFilterRules::checkDatasetKey(const QString& key, int column)
{
    if (key == u"name" || key == u"digest" || key == u"context")
        return {};
    return makeFilterError(
        QStringLiteral("unknown dataset field '%1'; use datasets.name, datasets.digest or datasets.context").arg(key),
        column);
}

bool RunFilterRules::isNumericAttribute(const QString& canonicalKey)
{
    return canonicalKey == u"start_time" || canonicalKey == u"end_time";
}

Status RunFilterRules::check(FilterComparison& comparison, const QString& operatorSource, const FilterOperand& operand)
{
    if (Status s = checkOperator(comparison, operatorSource); !s)
        return s;
    const bool numeric = comparison.entity == FilterEntity::Metric
        || (comparison.entity == FilterEntity::Attribute && isNumericAttribute(comparison.key));
    return numeric ? checkNumber(comparison, operand) : checkText(comparison, operand);
}

Status RunFilterRules::checkOperator(const FilterComparison& comparison, const QString& operatorSource)
{
    const std::span<const Op> allowed = allowedOperators(comparison);
    if (contains(allowed, comparison.op))
        return {};
    if (comparison.entity == FilterEntity::Attribute && contains(listedTextOps, comparison.op)
        && !isNumericAttribute(comparison.key))
        return makeFilterError(QStringLiteral("'%1' cannot compare attribute %2: among attributes only run_id takes "
                                              "IN or NOT IN; use %3")
                                   .arg(operatorSource, comparison.key, joinOperators(allowed)),
            comparison.operatorColumn);
    return makeFilterError(QStringLiteral("'%1' cannot compare %2; use %3")
                               .arg(operatorSource, subject(comparison), joinOperators(allowed)),
        comparison.operatorColumn);
}

Status RunFilterRules::checkNumber(FilterComparison& comparison, const FilterOperand& operand)
{
    if (operand.kind != FilterOperand::Kind::Number) {
        bool looksNumeric = false;
        operand.text.toDouble(&looksNumeric);
        return makeFilterError(QStringLiteral("%1 compares with a number, found %2%3")
                                   .arg(comparison.keySource, operand.source,
                                       looksNumeric ? QStringLiteral("; remove the quotes") : QString()),
            operand.column);
    }
    if (comparison.entity == FilterEntity::Attribute) {
        bool ok = false;
        const qint64 ms = operand.text.toLongLong(&ok);
        if (!ok)
            return makeFilterError(QStringLiteral("%1 compares with a whole number of milliseconds since the epoch, "
                                                  "found %2")
                                       .arg(comparison.keySource, operand.source),
                operand.column);
        comparison.value = ms;
        return {};
    }
    bool ok = false;
    const double value = operand.text.toDouble(&ok);
    // An overflowing literal (1e999) still means "beyond every finite value": keep the infinity.
    if (!ok && !std::isinf(value))
        return makeFilterError(QStringLiteral("'%1' is not a number").arg(operand.source), operand.column);
    comparison.value = value;
    return {};
}

Status RunFilterRules::checkText(FilterComparison& comparison, const FilterOperand& operand)
{
    switch (operand.kind) {
    case FilterOperand::Kind::Number:
        return makeFilterError(
            QStringLiteral("%1 compares with text: quote the value, e.g. '%2'").arg(comparison.keySource, operand.text),
            operand.column);
    case FilterOperand::Kind::List:
        comparison.value = operand.list;
        return {};
    case FilterOperand::Kind::Text:
        break;
    }
    comparison.value = operand.text;
    return {};
}

} // namespace prov
