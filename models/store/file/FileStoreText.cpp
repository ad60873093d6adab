#include "store/file/FileStoreText.h"

#include <QStringDecoder>

#include <cstring>

namespace prov {
namespace {

// Length of the valid UTF-8 sequence starting at `p`, or 0 (overlongs, surrogates and
// code points above U+10FFFF are invalid, as for Python's decoder).
int sequenceLength(const unsigned char* p, const unsigned char* end)
{
    const unsigned char c = p[0];
    if (c < 0x80)
        return 1;
    int n = 0;
    unsigned char lo = 0x80, hi = 0xBF;
    if (c >= 0xC2 && c <= 0xDF) {
        n = 2;
    } else if (c >= 0xE0 && c <= 0xEF) {
        n = 3;
        lo = c == 0xE0 ? 0xA0 : 0x80;
        hi = c == 0xED ? 0x9F : 0xBF;
    } else if (c >= 0xF0 && c <= 0xF4) {
        n = 4;
        lo = c == 0xF0 ? 0x90 : 0x80;
        hi = c == 0xF4 ? 0x8F : 0xBF;
    } else {
        return 0;
    }
    if (end - p < n || p[1] < lo || p[1] > hi)
        return 0;
    for (int i = 2; i < n; ++i) {
        if ((p[i] & 0xC0) != 0x80)
            return 0;
    }
    return n;
}

} // namespace

bool FileStoreText::isText(std::string_view bytes, QString* why)
{
    if (std::memchr(bytes.data(), '\0', bytes.size()) != nullptr) {
        if (why)
            *why = QStringLiteral("contains NUL bytes (binary data, not text)");
        return false;
    }
    const auto* p = reinterpret_cast<const unsigned char*>(bytes.data());
    const auto* end = p + bytes.size();
    while (p < end) {
        if (*p < 0x80) {
            ++p;
            continue;
        }
        const int n = sequenceLength(p, end);
        if (n == 0) {
            if (why)
                *why = QStringLiteral("is not valid UTF-8 text (byte offset %1)")
                           .arg(reinterpret_cast<const char*>(p) - bytes.data());
            return false;
        }
        p += n;
    }
    return true;
}

std::optional<QString> FileStoreText::decode(std::string_view bytes, QString* why)
{
    if (!isText(bytes, why))
        return std::nullopt;
    QStringDecoder decoder(
        QStringDecoder::Utf8, QStringDecoder::Flag::Stateless | QStringDecoder::Flag::ConvertInitialBom);
    QString text = decoder.decode(QByteArrayView(bytes.data(), static_cast<qsizetype>(bytes.size())));
    if (text.isNull())
        text = QStringLiteral(""); // an empty value is a value, not an absent one
    return text;
}

QString FileStoreText::excerpt(std::string_view bytes, qsizetype maxChars)
{
    const bool cut = static_cast<qsizetype>(bytes.size()) > maxChars * 4;
    if (cut)
        bytes = bytes.substr(0, static_cast<size_t>(maxChars * 4));
    QString text = QString::fromUtf8(bytes.data(), static_cast<qsizetype>(bytes.size()));
    bool truncated = cut;
    if (text.size() > maxChars) {
        text.truncate(maxChars);
        truncated = true;
    }
    for (QChar& c : text) {
        if (c.unicode() < 0x20 || c.unicode() == 0x7F)
            c = QChar(0xFFFD);
    }
    return truncated ? text + QStringLiteral("…") : text;
}

} // namespace prov
