#pragma once

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>
#include <utility>

namespace prov {

// Writes top-level entries of a meta.yaml exactly as MLflow's file store does: yaml.dump with
// default_flow_style=False, allow_unicode=True and sorted keys, through libyaml (CSafeDumper):
// strings plain when they read back as strings, else single-quoted, else double-quoted with
// escapes; long scalars folded at spaces past column 80 with continuation lines indented;
// nested mappings indented by two, sequences in mappings not indented; empty ones as {} and [].
// Each entry ends with a newline, so entries concatenate into a document.
class PyYamlWriter
{
public:
    using StringMap = QList<std::pair<QString, QString>>; // sorted by key

    // `key: text` (null when `value` is empty).
    static QByteArray scalarEntry(const QString& key, const std::optional<QString>& value);
    static QByteArray integerEntry(const QString& key, qint64 value);
    static QByteArray stringMapEntry(const QString& key, const StringMap& map);
    static QByteArray stringListEntry(const QString& key, const QStringList& items);
};

} // namespace prov
