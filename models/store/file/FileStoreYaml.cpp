#include "store/file/FileStoreYaml.h"

#include "store/file/FileStoreText.h"
#include "store/file/PosixFile.h"

#include <yaml-cpp/yaml.h>

#include <charconv>
#include <exception>

namespace prov {
namespace {

QString fromStd(const std::string& s)
{
    return QString::fromUtf8(s.data(), static_cast<qsizetype>(s.size()));
}

// The node for `key`, or an undefined node. Never throws.
YAML::Node child(const std::shared_ptr<const YAML::Node>& root, const char* key)
{
    if (!root)
        return YAML::Node(YAML::NodeType::Undefined);
    try {
        const YAML::Node& map = *root;
        const YAML::Node node = map[key];
        if (node.IsDefined())
            return node;
    } catch (const std::exception&) { }
    return YAML::Node(YAML::NodeType::Undefined);
}

QString scalarText(const YAML::Node& node)
{
    try {
        if (node.IsDefined() && node.IsScalar())
            return fromStd(node.Scalar());
    } catch (const std::exception&) { }
    return {};
}

// Calls `visit(key, value)` for each scalar-keyed entry of `node`; nothing when it is not a
// map. Never throws.
template<typename Visit> void forEachMapEntry(const YAML::Node& node, Visit visit)
{
    try {
        if (!node.IsDefined() || !node.IsMap())
            return;
        for (auto it = node.begin(); it != node.end(); ++it) {
            if (it->first.IsScalar())
                visit(fromStd(it->first.Scalar()), it->second);
        }
    } catch (const std::exception&) { }
}

} // namespace

Result<FileStoreYaml> FileStoreYaml::load(const std::string& path)
{
    auto text = PosixFile::readAll(path);
    if (!text)
        return text.error();
    return parse(*text, PosixFile::displayPath(path));
}

Result<FileStoreYaml> FileStoreYaml::loadAt(int dirFd, const char* name, const std::string& path)
{
    auto text = PosixFile::readAllAt(dirFd, name, path);
    if (!text)
        return text.error();
    return parse(*text, PosixFile::displayPath(path));
}

Result<FileStoreYaml> FileStoreYaml::parse(std::string_view text, const QString& location)
{
    // PyYAML (and so MLflow) refuses such files; yaml-cpp would quietly substitute characters.
    QString why;
    if (!FileStoreText::isText(text, &why))
        return makeError(ErrorCode::Corrupt, why, location);
    // PyYAML ends every document with a newline; a file that stops mid-line was cut short
    // and yaml-cpp would accept its half value ("user_id: bo") without complaint.
    if (!text.empty() && text.back() != '\n')
        return makeError(
            ErrorCode::Corrupt, QStringLiteral("ends in the middle of a line (truncated file?)"), location);
    FileStoreYaml yaml;
    yaml.m_location = location;
    try {
        auto root = std::make_shared<YAML::Node>(YAML::Load(std::string(text)));
        if (!root->IsMap())
            return makeError(
                ErrorCode::Corrupt, QStringLiteral("not a YAML mapping (empty or truncated file?)"), location);
        yaml.m_root = std::move(root);
    } catch (const YAML::Exception& e) {
        return makeError(ErrorCode::Corrupt,
            QStringLiteral("not valid YAML (line %1): %2").arg(e.mark.line + 1).arg(fromStd(e.msg)), location);
    } catch (const std::exception& e) {
        return makeError(
            ErrorCode::Corrupt, QStringLiteral("not valid YAML: %1").arg(QString::fromUtf8(e.what())), location);
    }
    return yaml;
}

bool FileStoreYaml::has(const char* key) const
{
    return child(m_root, key).IsDefined();
}

bool FileStoreYaml::isNull(const char* key) const
{
    const YAML::Node node = child(m_root, key);
    return !node.IsDefined() || node.IsNull();
}

QString FileStoreYaml::text(const char* key) const
{
    return scalarText(child(m_root, key));
}

std::optional<qint64> FileStoreYaml::integer(const char* key) const
{
    const YAML::Node node = child(m_root, key);
    try {
        if (!node.IsDefined() || !node.IsScalar())
            return std::nullopt;
        const std::string& s = node.Scalar();
        const char* first = s.data();
        const char* last = s.data() + s.size();
        if (first != last && *first == '+')
            ++first;
        qint64 value = 0;
        const auto [end, ec] = std::from_chars(first, last, value);
        if (ec != std::errc() || end != last || first == last)
            return std::nullopt;
        return value;
    } catch (const std::exception&) {
        return std::nullopt;
    }
}

KeyValueList FileStoreYaml::stringMap(const char* key) const
{
    KeyValueList result;
    forEachMapEntry(child(m_root, key), [&](const QString& name, const YAML::Node& value) {
        result.append(KeyValue { name, scalarText(value) });
    });
    return result;
}

QStringList FileStoreYaml::mapKeys(const char* key) const
{
    QStringList result;
    forEachMapEntry(child(m_root, key), [&](const QString& name, const YAML::Node&) { result.append(name); });
    return result;
}

Status FileStoreYaml::require(std::initializer_list<const char*> keys) const
{
    for (const char* key : keys) {
        if (!has(key))
            return makeError(ErrorCode::Corrupt,
                QStringLiteral("has no '%1' field (truncated or not written by MLflow?)").arg(QLatin1String(key)),
                m_location);
    }
    return {};
}

} // namespace prov
