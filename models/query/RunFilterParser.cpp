#include "query/RunFilterParser.h"

#include "query/FilterError.h"
#include "query/FilterTokenizer.h"
#include "query/PythonStringLiteral.h"

#include <optional>
#include <utility>

namespace prov {
namespace {

using Kind = FilterToken::Kind;

bool isKeyToken(const FilterToken& token)
{
    return token.kind == Kind::Word || token.kind == Kind::BacktickQuoted || token.kind == Kind::DoubleQuoted;
}

std::optional<FilterOperator> symbolOperator(const QString& text)
{
    if (text == u"=")
        return FilterOperator::Equal;
    if (text == u"!=" || text == u"<>")
        return FilterOperator::NotEqual;
    if (text == u"<")
        return FilterOperator::Less;
    if (text == u"<=")
        return FilterOperator::LessEqual;
    if (text == u">")
        return FilterOperator::Greater;
    if (text == u">=")
        return FilterOperator::GreaterEqual;
    return std::nullopt; // "==": not MLflow's
}

} // namespace

RunFilterParser::RunFilterParser(const QString& expression, QList<FilterToken> tokens)
    : m_expression(expression)
    , m_tokens(std::move(tokens))
{ }

Result<QList<FilterComparison>> RunFilterParser::parse(const QString& expression)
{
    Result<QList<FilterToken>> tokens = FilterTokenizer::tokenize(expression);
    if (!tokens)
        return tokens.error();
    RunFilterParser parser(expression, std::move(tokens).value());
    return parser.conditions();
}

const FilterToken& RunFilterParser::peek(qsizetype ahead) const
{
    // The list always ends with an End token; never look past it.
    return m_tokens.at(qMin(m_index + ahead, m_tokens.size() - 1));
}

const FilterToken& RunFilterParser::take()
{
    const FilterToken& token = peek();
    if (token.kind != Kind::End)
        ++m_index;
    return token;
}

QString RunFilterParser::sourceFrom(int column) const
{
    const FilterToken& last = m_tokens.at(qMax<qsizetype>(0, m_index - 1));
    const qsizetype start = column - 1;
    const qsizetype end = last.column - 1 + last.source.size();
    return m_expression.mid(start, qMax<qsizetype>(0, end - start));
}

QString RunFilterParser::describe(const FilterToken& token)
{
    return token.kind == Kind::End ? QStringLiteral("the end of the filter") : u'\'' + token.source + u'\'';
}

Result<QList<FilterComparison>> RunFilterParser::conditions()
{
    QList<FilterComparison> result;
    if (peek().kind == Kind::End)
        return result; // an empty filter matches every run, as in MLflow
    for (;;) {
        Result<FilterComparison> condition = comparison();
        if (!condition)
            return condition.error();
        result.append(std::move(condition).value());
        if (peek().kind == Kind::End)
            return result;
        if (Status s = afterCondition(result.constLast()); !s)
            return s.error();
    }
}

Status RunFilterParser::afterCondition(const FilterComparison& condition)
{
    const FilterToken& token = peek();
    if (token.isWord(QLatin1String("AND"))) {
        take();
        if (peek().kind == Kind::End)
            return makeFilterError(
                QStringLiteral("expected a condition after '%1', found the end of the filter").arg(token.source),
                peek().column);
        return {};
    }
    if (token.isWord(QLatin1String("OR")))
        return makeFilterError(
            QStringLiteral("'%1' is not supported: only AND can join conditions (MLflow's search syntax has no OR)")
                .arg(token.source),
            token.column);
    return makeFilterError(QStringLiteral("expected AND or the end of the filter after '%1', found %2")
                               .arg(sourceFrom(condition.keyColumn), describe(token)),
        token.column);
}

Result<FilterComparison> RunFilterParser::comparison()
{
    FilterComparison result;
    if (Status s = identifier(result); !s)
        return s.error();
    Result<QString> operatorSource = comparator(result);
    if (!operatorSource)
        return operatorSource.error();
    Result<FilterOperand> operand = value(result, *operatorSource);
    if (!operand)
        return operand.error();
    result.valueColumn = operand->column;
    if (Status s = RunFilterRules::check(result, *operatorSource, *operand); !s)
        return s.error();
    return result;
}

Status RunFilterParser::identifier(FilterComparison& out)
{
    const FilterToken& first = peek();
    if (first.kind == Kind::OpenParen)
        return makeFilterError(QStringLiteral("'(' can only start the list of IN or NOT IN; MLflow filters are "
                                              "conditions joined by AND, without grouping"),
            first.column);
    if (first.isWord(QLatin1String("AND")) || first.isWord(QLatin1String("OR")) || !isKeyToken(first)) {
        const QString hint = first.kind == Kind::SingleQuoted
            ? QStringLiteral("; quote keys with backticks or double quotes, single quotes are for values")
            : QString();
        return makeFilterError(
            QStringLiteral("expected a key such as metrics.acc or params.lr, found %1").arg(describe(first)) + hint,
            first.column);
    }
    take();
    out.keyColumn = first.column;
    if (peek().kind != Kind::Dot) {
        // No prefix: MLflow reads a bare name as an attribute (run_name, status, created, ...).
        Result<QString> attribute = RunFilterRules::attributeKey(first.text, first.column);
        if (!attribute)
            return attribute.error();
        out.entity = FilterEntity::Attribute;
        out.key = *attribute;
        out.keySource = sourceFrom(first.column);
        return {};
    }
    Result<FilterEntity> entity = RunFilterRules::entity(first);
    if (!entity)
        return entity.error();
    take(); // the dot
    const int keyColumn = peek().column;
    Result<QString> name = key(first);
    if (!name)
        return name.error();
    out.entity = *entity;
    out.key = *name;
    out.keySource = sourceFrom(first.column);
    if (out.entity == FilterEntity::Attribute) {
        Result<QString> attribute = RunFilterRules::attributeKey(out.key, keyColumn);
        if (!attribute)
            return attribute.error();
        out.key = *attribute;
    } else if (out.entity == FilterEntity::Dataset) {
        return RunFilterRules::checkDatasetKey(out.key, keyColumn);
    }
    return {};
}

Result<QString> RunFilterParser::key(const FilterToken& prefix)
{
    const FilterToken& token = peek();
    if (token.kind == Kind::BacktickQuoted || token.kind == Kind::DoubleQuoted) {
        take();
        if (token.text.isEmpty())
            return makeFilterError(QStringLiteral("the key after '%1.' is empty").arg(prefix.source), token.column);
        return token.text;
    }
    if (token.kind == Kind::Word) {
        // MLflow splits at the first dot only, so tags.mlflow.source.git.commit needs no quotes.
        QString name = take().text;
        while (peek().kind == Kind::Dot && peek(1).kind == Kind::Word) {
            take();
            name += u'.' + take().text;
        }
        return name;
    }
    const QString hint = token.kind == Kind::SingleQuoted
        ? QStringLiteral("; quote keys with backticks or double quotes, e.g. %1.`my key`").arg(prefix.source)
        : QString();
    return makeFilterError(
        QStringLiteral("expected a key after '%1.', found %2").arg(prefix.source, describe(token)) + hint,
        token.column);
}

Result<QString> RunFilterParser::comparator(FilterComparison& out)
{
    const FilterToken& token = peek();
    out.operatorColumn = token.column;
    if (token.kind == Kind::Operator) {
        const std::optional<FilterOperator> op = symbolOperator(token.text);
        if (!op)
            return makeFilterError(
                QStringLiteral("'%1' is not a comparison operator; use '='").arg(token.source), token.column);
        take();
        out.op = *op;
        return token.source;
    }
    const std::pair<const char*, FilterOperator> keywords[]
        = { { "LIKE", FilterOperator::Like }, { "ILIKE", FilterOperator::ILike }, { "IN", FilterOperator::In } };
    for (const auto& [keyword, op] : keywords) {
        if (token.isWord(QLatin1String(keyword))) {
            take();
            out.op = op;
            return token.source;
        }
    }
    if (token.isWord(QLatin1String("NOT"))) {
        take();
        if (!peek().isWord(QLatin1String("IN")))
            return makeFilterError(QStringLiteral("expected IN after '%1', found %2; NOT only forms NOT IN")
                                       .arg(token.source, describe(peek())),
                peek().column);
        take();
        out.op = FilterOperator::NotIn;
        return sourceFrom(token.column);
    }
    return makeFilterError(
        QStringLiteral("expected a comparison operator after '%1', found %2").arg(out.keySource, describe(token)),
        token.column);
}

Result<FilterOperand> RunFilterParser::value(const FilterComparison& comparison, const QString& operatorSource)
{
    const QString after = sourceFrom(comparison.keyColumn);
    if (comparison.op == FilterOperator::In || comparison.op == FilterOperator::NotIn)
        return list(after);
    const FilterToken& token = peek();
    FilterOperand operand;
    operand.text = token.text;
    operand.source = token.source;
    operand.column = token.column;
    switch (token.kind) {
    case Kind::SingleQuoted:
    case Kind::DoubleQuoted:
        take();
        operand.kind = FilterOperand::Kind::Text;
        return operand;
    case Kind::Number:
        take();
        operand.kind = FilterOperand::Kind::Number;
        return operand;
    case Kind::OpenParen:
        return makeFilterError(
            QStringLiteral("a parenthesised list needs IN or NOT IN, not '%1'").arg(operatorSource), token.column);
    case Kind::Word:
        return makeFilterError(QStringLiteral("expected a value after '%1', found %2; quote text values, e.g. '%3'")
                                   .arg(after, describe(token), token.text),
            token.column);
    default:
        break;
    }
    return makeFilterError(
        QStringLiteral("expected a value after '%1', found %2").arg(after, describe(token)), token.column);
}

Result<FilterOperand> RunFilterParser::list(const QString& after)
{
    const FilterToken& open = peek();
    if (open.kind != Kind::OpenParen)
        return makeFilterError(
            QStringLiteral("expected a list such as ('a', 'b') after '%1', found %2").arg(after, describe(open)),
            open.column);
    take();
    FilterOperand operand;
    operand.kind = FilterOperand::Kind::List;
    operand.column = open.column;
    // MLflow reads the list with Python's ast.literal_eval: items are Python literals (escapes
    // decoded, adjacent literals joined), a trailing comma is allowed, and only the items for
    // which str.islower() holds are kept (search_utils.py, _parse_run_ids).
    qsizetype items = 0;
    for (;;) {
        const FilterToken& item = peek();
        if (item.kind != Kind::SingleQuoted && item.kind != Kind::DoubleQuoted) {
            if (item.kind == Kind::CloseParen && items == 0)
                return makeFilterError(
                    QStringLiteral("the list after '%1' is empty; give at least one quoted value").arg(after),
                    item.column);
            return makeFilterError(
                QStringLiteral("expected a quoted value in the list after '%1', found %2").arg(after, describe(item)),
                item.column);
        }
        QString text;
        while (peek().kind == Kind::SingleQuoted || peek().kind == Kind::DoubleQuoted)
            text += PythonStringLiteral::decode(take().source);
        ++items;
        if (PythonStringLiteral::isLower(text))
            operand.list.append(text);
        const FilterToken& separator = take();
        if (separator.kind == Kind::CloseParen)
            break;
        if (separator.kind != Kind::Comma)
            return makeFilterError(
                QStringLiteral("expected ',' or ')' in the list after '%1', found %2").arg(after, describe(separator)),
                separator.column);
        if (peek().kind == Kind::CloseParen) {
            take(); // ('a', 'b',)
            break;
        }
    }
    operand.source = sourceFrom(open.column);
    return operand;
}

} // namespace prov
