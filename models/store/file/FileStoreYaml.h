#pragma once

#include "core/Result.h"
#include "domain/KeyValue.h"

#include <QString>
#include <QStringList>

#include <memory>
#include <optional>
#include <string>
#include <string_view>

namespace YAML {
class Node;
}

namespace prov {

// One MLflow file-store meta.yaml (written by PyYAML), parsed with yaml-cpp into a read-only
// top-level mapping. yaml-cpp reports errors by throwing; every call here catches and turns
// them into an Error (load) or an empty answer (accessors), so no exception leaves the reader.
// Scalars are returned exactly as written (`'0.8'` -> "0.8", `None` -> "None", `null` -> empty).
class FileStoreYaml
{
public:
    // Corrupt: not UTF-8 text, not YAML, not a mapping; NotFound / Io from the file system.
    static Result<FileStoreYaml> load(const std::string& path);
    static Result<FileStoreYaml> loadAt(int dirFd, const char* name, const std::string& path);
    static Result<FileStoreYaml> parse(std::string_view text, const QString& location);

    bool has(const char* key) const; // present, possibly null
    bool isNull(const char* key) const; // absent or null
    // The scalar's text; empty when absent, null or not a scalar.
    QString text(const char* key) const;
    // An integer scalar (quoted or not); nullopt when absent, null or not an integer.
    std::optional<qint64> integer(const char* key) const;
    // A mapping of scalars (inline `tags:` / `aliases:`), null values as empty strings.
    KeyValueList stringMap(const char* key) const;
    // The keys of a mapping (`flavors:` of an MLmodel file).
    QStringList mapKeys(const char* key) const;

    // Corrupt error "meta.yaml has no <key>" unless every key is present (catches truncation:
    // PyYAML writes keys sorted, so a cut file loses its last keys).
    Status require(std::initializer_list<const char*> keys) const;

    const QString& location() const { return m_location; }

private:
    std::shared_ptr<const YAML::Node> m_root;
    QString m_location;
};

} // namespace prov
