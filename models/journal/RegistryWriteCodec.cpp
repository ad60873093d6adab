#include "journal/RegistryWriteCodec.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <array>
#include <utility>

namespace prov {
namespace {

using Kind = RegistryWrite::Kind;

const std::array<std::pair<Kind, const char*>, 6> kindNames { {
    { Kind::SetVersionTag, "set_version_tag" },
    { Kind::DeleteVersionTag, "delete_version_tag" },
    { Kind::SetAlias, "set_alias" },
    { Kind::DeleteAlias, "delete_alias" },
    { Kind::TransitionStage, "transition_stage" },
    { Kind::SetVersionDescription, "set_version_description" },
} };

QString kindName(Kind kind)
{
    for (const auto& [k, name] : kindNames) {
        if (k == kind)
            return QString::fromLatin1(name);
    }
    return {};
}

std::optional<Kind> kindOf(const QString& name)
{
    for (const auto& [k, text] : kindNames) {
        if (name == QLatin1String(text))
            return k;
    }
    return std::nullopt;
}

} // namespace

QByteArray RegistryWriteCodec::encode(const RegistryWrites& writes)
{
    QJsonArray array;
    for (const RegistryWrite& w : writes) {
        array.append(
            QJsonObject { { QStringLiteral("kind"), kindName(w.kind) }, { QStringLiteral("model"), w.modelName },
                { QStringLiteral("version"), w.version }, { QStringLiteral("key"), w.key },
                { QStringLiteral("value"), w.value }, { QStringLiteral("archive_existing"), w.archiveExisting } });
    }
    return QJsonDocument(array).toJson(QJsonDocument::Compact);
}

Result<RegistryWrites> RegistryWriteCodec::decode(const QByteArray& json)
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(json, &parseError);
    if (!document.isArray())
        return makeError(
            ErrorCode::Corrupt, QStringLiteral("a queued write is not readable: %1").arg(parseError.errorString()));
    RegistryWrites writes;
    for (const QJsonValue& value : document.array()) {
        const QJsonObject o = value.toObject();
        const auto kind = kindOf(o.value(QStringLiteral("kind")).toString());
        if (!kind)
            return makeError(ErrorCode::Corrupt,
                QStringLiteral("a queued write has an unknown kind “%1”")
                    .arg(o.value(QStringLiteral("kind")).toString()));
        writes.append({ *kind, o.value(QStringLiteral("model")).toString(),
            o.value(QStringLiteral("version")).toInteger(), o.value(QStringLiteral("key")).toString(),
            o.value(QStringLiteral("value")).toString(), o.value(QStringLiteral("archive_existing")).toBool() });
    }
    return writes;
}

} // namespace prov
