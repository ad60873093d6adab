#include "domain/RunRecord.h"

#include "domain/MlflowTags.h"

namespace prov {

QString RunRecord::parentRunId() const
{
    return valueOf(tags, MlflowTags::ParentRunId);
}

} // namespace prov
