#pragma once

#include <QByteArray>
#include <QString>

#include <optional>

namespace prov {

// Appends JSON tokens to a byte buffer, for writers that stream large documents instead of
// building a QJsonDocument (which holds every value as a QJsonValue: gigabytes for a
// 10,000-run export). Strings are escaped per RFC 8259; non-ASCII text is written as UTF-8.
class JsonText
{
public:
    static void appendString(QByteArray& out, QStringView text);
    // Shortest text that reads back to the same double; non-finite values are written as
    // the strings "NaN", "Infinity" and "-Infinity", as MLflow's REST API does.
    static void appendNumber(QByteArray& out, double value);
    static void appendInteger(QByteArray& out, std::optional<qint64> value); // null when empty
};

} // namespace prov
