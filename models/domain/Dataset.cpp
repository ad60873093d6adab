#include "domain/Dataset.h"

#include "domain/MlflowTags.h"

namespace prov {

QString DatasetInput::context() const
{
    return valueOf(tags, MlflowTags::DatasetContext);
}

} // namespace prov
