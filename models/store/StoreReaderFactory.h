#pragma once

#include "core/Result.h"
#include "store/StoreLocation.h"
#include "store/StoreReader.h"

#include <memory>

namespace prov {

class WorkerPool;
struct RestOptions;

// Opens the right StoreReader for a location. The one place that knows every reader kind,
// so a new kind (a tracking server) is added here without changing any caller.
class StoreReaderFactory
{
public:
    // Fails with NotFound when the store is not there (e.g. its folder was removed):
    // callers then fall back to the cache alone. Readers that fan out do so on `workers`,
    // which must outlive the reader.
    // A tracking server is read with the credentials and limits of the environment
    // (RestOptions::fromEnvironment) or, in the second form, with those given.
    static Result<std::unique_ptr<StoreReader>> open(const StoreLocation& location, WorkerPool& workers);
    static Result<std::unique_ptr<StoreReader>> open(
        const StoreLocation& location, WorkerPool& workers, const RestOptions& server);
};

} // namespace prov
