#pragma once

#include <QList>
#include <QString>
#include <QStringList>

// A CSV document as records of fields, unquoted, header record first.
using CsvTable = QList<QStringList>;

// Parses RFC 4180 text: fields separated by commas, records by CRLF; a quoted field may hold
// commas, doubled quotes and line breaks. Only CRLF ends a record: a lone LF is part of a field.
CsvTable parseCsv(const QString& text);
