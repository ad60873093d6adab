#pragma once

#include "core/Result.h"
#include "query/FilterToken.h"

#include <QList>

namespace prov {

// Splits an MLflow run search expression into tokens; the list always ends with an End token.
// Context-free except for one rule MLflow's grammar needs: right after a '.', a word may start
// with a digit (metrics.1st_loss is a key, not a number). Fails on unterminated quotes and
// characters that cannot start a token, naming the character and its column.
class FilterTokenizer
{
public:
    static Result<QList<FilterToken>> tokenize(const QString& expression);

private:
    explicit FilterTokenizer(const QString& expression);

    Result<FilterToken> next();
    FilterToken word();
    Result<FilterToken> quoted(QChar quote);
    Result<FilterToken> number();
    Result<FilterToken> symbol();
    FilterToken make(FilterToken::Kind kind, qsizetype start, QString text) const;

    bool startsNumber() const;
    bool isWordChar(qsizetype index) const;
    qsizetype wordCharLength(qsizetype index) const;
    QChar at(qsizetype index) const { return index < m_text.size() ? m_text.at(index) : QChar(); }

    const QString& m_text;
    qsizetype m_pos = 0;
    FilterToken::Kind m_previous = FilterToken::Kind::End;
};

} // namespace prov
