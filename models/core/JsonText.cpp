#include "core/JsonText.h"

#include <array>
#include <charconv>
#include <cmath>

namespace prov {

void JsonText::appendString(QByteArray& out, QStringView text)
{
    static constexpr char hex[] = "0123456789abcdef";
    const QByteArray utf8 = text.toUtf8();
    out.reserve(out.size() + utf8.size() + 2);
    out.append('"');
    for (const char c : utf8) {
        const auto byte = static_cast<unsigned char>(c);
        switch (c) {
        case '"':
            out.append("\\\"", 2);
            break;
        case '\\':
            out.append("\\\\", 2);
            break;
        case '\n':
            out.append("\\n", 2);
            break;
        case '\r':
            out.append("\\r", 2);
            break;
        case '\t':
            out.append("\\t", 2);
            break;
        default:
            if (byte < 0x20) {
                const char escape[6] = { '\\', 'u', '0', '0', hex[byte >> 4], hex[byte & 0xf] };
                out.append(escape, 6);
            } else {
                out.append(c);
            }
        }
    }
    out.append('"');
}

void JsonText::appendNumber(QByteArray& out, double value)
{
    if (std::isnan(value)) {
        out.append("\"NaN\"");
    } else if (std::isinf(value)) {
        out.append(value > 0 ? "\"Infinity\"" : "\"-Infinity\"");
    } else {
        std::array<char, 32> buffer {};
        const auto result = std::to_chars(buffer.data(), buffer.data() + buffer.size(), value);
        out.append(buffer.data(), result.ptr - buffer.data());
    }
}

void JsonText::appendInteger(QByteArray& out, std::optional<qint64> value)
{
    if (value)
        out.append(QByteArray::number(*value));
    else
        out.append("null");
}

} // namespace prov
