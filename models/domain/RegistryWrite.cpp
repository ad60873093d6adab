#include "domain/RegistryWrite.h"

namespace prov {

QString RegistryWrite::describe() const
{
    const QString target = QStringLiteral("%1 version %2").arg(modelName).arg(version);
    switch (kind) {
    case Kind::SetVersionTag:
        return QStringLiteral("set tag “%1” of %2").arg(key, target);
    case Kind::DeleteVersionTag:
        return QStringLiteral("delete tag “%1” of %2").arg(key, target);
    case Kind::SetAlias:
        return QStringLiteral("point alias @%1 of %2 at version %3").arg(key, modelName).arg(version);
    case Kind::DeleteAlias:
        return QStringLiteral("delete alias @%1 of %2").arg(key, modelName);
    case Kind::TransitionStage:
        return QStringLiteral("move %1 to stage %2").arg(target, key);
    case Kind::SetVersionDescription:
        return QStringLiteral("set the description of %1").arg(target);
    }
    return {};
}

} // namespace prov
