#include "store/file/MetaYamlDocument.h"

#include <QRegularExpression>

namespace prov {

Result<MetaYamlDocument> MetaYamlDocument::parse(const QByteArray& text, const QString& location)
{
    static const QRegularExpression keyLine(QStringLiteral("^([A-Za-z_][A-Za-z0-9_]*):( |$)"));
    MetaYamlDocument document;
    qsizetype start = 0;
    while (start < text.size()) {
        qsizetype end = text.indexOf('\n', start);
        end = end < 0 ? text.size() : end + 1;
        const QByteArray line = text.mid(start, end - start);
        const QString asText = QString::fromUtf8(line).chopped(line.endsWith('\n') ? 1 : 0);
        const auto match = keyLine.match(asText);
        if (match.hasMatch()) {
            document.m_entries.append({ match.captured(1), line });
        } else if (!document.m_entries.isEmpty()
            && (line.startsWith(' ') || line.startsWith("- ") || line.startsWith('\n') || line == "-\n")) {
            document.m_entries.last().second += line;
        } else {
            return makeError(ErrorCode::Unsupported,
                QStringLiteral("this file is not in the form MLflow writes (line “%1”); Provenance does not rewrite it")
                    .arg(asText.left(60)),
                location);
        }
        start = end;
    }
    if (document.m_entries.isEmpty() || !text.endsWith('\n'))
        return makeError(ErrorCode::Unsupported,
            QStringLiteral("this file is empty or cut short; Provenance does not rewrite it"), location);
    return document;
}

bool MetaYamlDocument::has(const QString& key) const
{
    for (const auto& [k, bytes] : m_entries) {
        if (k == key)
            return true;
    }
    return false;
}

void MetaYamlDocument::set(const QString& key, const QByteArray& entry)
{
    for (auto& [k, bytes] : m_entries) {
        if (k == key) {
            bytes = entry;
            return;
        }
    }
    qsizetype at = 0;
    while (at < m_entries.size() && m_entries[at].first < key)
        ++at;
    m_entries.insert(at, { key, entry });
}

QByteArray MetaYamlDocument::text() const
{
    QByteArray text;
    for (const auto& [k, bytes] : m_entries)
        text += bytes;
    return text;
}

} // namespace prov
