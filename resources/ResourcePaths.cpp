#include "ResourcePaths.h"

namespace prov {

QString ResourcePaths::sampleStore()
{
    return QStringLiteral(":/sample-store/mlruns");
}

QString ResourcePaths::applicationIcon()
{
    return QStringLiteral(":/icons/provenance.svg");
}

} // namespace prov
