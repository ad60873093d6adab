#pragma once

#include <QString>

#include <optional>
#include <string_view>

namespace prov {

// Decides whether bytes from a file store are text and decodes them. MLflow writes params,
// tags and meta.yaml as UTF-8 without NUL bytes; anything else is a damaged or foreign file
// and must become an issue rather than a param value full of replacement characters.
class FileStoreText
{
public:
    // True for NUL-free, strictly valid UTF-8; otherwise `why` says what is wrong.
    static bool isText(std::string_view bytes, QString* why = nullptr);
    // The decoded text (a leading BOM is kept: values are verbatim), or nullopt when not text.
    static std::optional<QString> decode(std::string_view bytes, QString* why = nullptr);
    // A short, printable excerpt of a bad line or value for an issue message.
    static QString excerpt(std::string_view bytes, qsizetype maxChars = 60);
};

} // namespace prov
