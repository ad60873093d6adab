#include "lineage/LineageNode.h"

namespace prov {

void LineageNode::setProperty(const QString& key, const QString& value)
{
    if (value.isEmpty())
        return;
    for (KeyValue& kv : properties) {
        if (kv.key == key) {
            kv.value = value;
            return;
        }
    }
    properties.append({ key, value });
}

QString LineageNode::kindName(LineageNodeKind kind)
{
    switch (kind) {
    case LineageNodeKind::DatasetVersion:
        return QStringLiteral("DatasetVersion");
    case LineageNodeKind::CodeVersion:
        return QStringLiteral("CodeVersion");
    case LineageNodeKind::Run:
        return QStringLiteral("Run");
    case LineageNodeKind::LoggedModel:
        return QStringLiteral("LoggedModel");
    case LineageNodeKind::ModelVersion:
        return QStringLiteral("ModelVersion");
    case LineageNodeKind::Deployment:
        return QStringLiteral("Deployment");
    case LineageNodeKind::Agent:
        return QStringLiteral("Agent");
    }
    return {};
}

} // namespace prov
