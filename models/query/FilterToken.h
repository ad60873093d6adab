#pragma once

#include <QString>

namespace prov {

// One lexical token of an MLflow run search expression. `text` is the content without its
// outer quotes and otherwise as typed (MLflow decodes nothing inside: 'it''s' is it''s);
// `source` is the token exactly as typed, for error messages. `column` is 1-based in UTF-16 code units (QString index +
// 1), which is what a QLineEdit cursor position uses, so a GUI can point at the offending token directly.
struct FilterToken
{
    enum class Kind {
        Word, // bare name or keyword: metrics, acc, AND, LIKE, start_time, ...
        BacktickQuoted, // `val loss`: a quoted key (or entity)
        DoubleQuoted, // "mlflow.source.git.commit": a key, or a string value as MLflow allows
        SingleQuoted, // 'abc': a string value
        Number, // 0.9, -3, 1e-5
        Operator, // = != <> < <= > >= ==
        Dot,
        Comma,
        OpenParen,
        CloseParen,
        End, // after the last character; its column is one past the end
    };

    Kind kind = Kind::End;
    QString text;
    QString source;
    int column = 1;

    bool isWord(QLatin1String keyword) const
    {
        return kind == Kind::Word && text.compare(keyword, Qt::CaseInsensitive) == 0;
    }
};

} // namespace prov
