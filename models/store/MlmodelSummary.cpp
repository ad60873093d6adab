#include "store/MlmodelSummary.h"

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <exception>

namespace prov {
namespace {

// The node for `key` of a mapping, or an undefined node; a missing key never makes yaml-cpp
// throw this way (operator[] of a non-const node would create one that throws when used).
YAML::Node child(const YAML::Node& map, const char* key)
{
    if (!map.IsDefined() || !map.IsMap())
        return YAML::Node(YAML::NodeType::Undefined);
    const YAML::Node& constMap = map;
    const YAML::Node node = constMap[key];
    return node.IsDefined() ? node : YAML::Node(YAML::NodeType::Undefined);
}

QString scalarIn(const YAML::Node& map, const char* key)
{
    const YAML::Node node = child(map, key);
    return node.IsDefined() && node.IsScalar() ? QString::fromStdString(node.Scalar()) : QString();
}

} // namespace

Result<MlmodelSummary> MlmodelSummary::parse(const QByteArray& yaml)
{
    try {
        const YAML::Node root = YAML::Load(yaml.toStdString());
        MlmodelSummary summary;
        const YAML::Node flavors = child(root, "flavors");
        if (flavors.IsDefined() && flavors.IsMap()) {
            for (const auto& entry : flavors)
                summary.flavors << QString::fromStdString(entry.first.as<std::string>());
        }
        std::sort(summary.flavors.begin(), summary.flavors.end());
        const YAML::Node signature = child(root, "signature");
        summary.signatureInputs = scalarIn(signature, "inputs");
        summary.signatureOutputs = scalarIn(signature, "outputs");
        return summary;
    } catch (const std::exception& e) {
        return makeError(ErrorCode::Corrupt, QString::fromUtf8(e.what()));
    }
}

} // namespace prov
