#pragma once

#include "core/Result.h"

#include <QString>

namespace prov {

// Brings an existing cache to the current schema without reading its store, for a store that
// cannot be reached: readers refuse a cache of another schema, and only a sync would otherwise
// migrate it. The alias and stage history an old cache held moves to the journal first (when
// there is one). Does nothing when there is no cache.
class CacheUpgrade
{
public:
    static Status run(const QString& cachePath, const QString& journalPath);
};

} // namespace prov
