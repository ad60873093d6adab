#pragma once

#include "core/Result.h"
#include "query/FilterComparison.h"
#include "query/FilterToken.h"
#include "query/RunFilterRules.h"

#include <QList>

namespace prov {

// Recursive-descent parser for MLflow's run search grammar:
//   filter     := [ comparison { AND comparison } ]
//   comparison := identifier comparator value
//   identifier := [ entity '.' ] key        (key: word{.word} | `quoted` | "quoted")
//   comparator := = | != | <> | < | <= | > | >= | LIKE | ILIKE | IN | NOT IN   (case-insensitive)
//   value      := 'text' | "text" | number | '(' text { ',' text } ')'
// Types are checked by RunFilterRules; every error names the offending token and its column.
class RunFilterParser
{
public:
    static Result<QList<FilterComparison>> parse(const QString& expression);

private:
    RunFilterParser(const QString& expression, QList<FilterToken> tokens);

    Result<QList<FilterComparison>> conditions();
    Status afterCondition(const FilterComparison& condition);
    Result<FilterComparison> comparison();
    Status identifier(FilterComparison& out);
    Result<QString> key(const FilterToken& prefix);
    Result<QString> comparator(FilterComparison& out);
    Result<FilterOperand> value(const FilterComparison& comparison, const QString& operatorSource);
    Result<FilterOperand> list(const QString& after);

    const FilterToken& peek(qsizetype ahead = 0) const;
    const FilterToken& take();
    // The expression text from `column` up to the end of the last taken token.
    QString sourceFrom(int column) const;
    static QString describe(const FilterToken& token);

    const QString& m_expression;
    QList<FilterToken> m_tokens;
    qsizetype m_index = 0;
};

} // namespace prov
