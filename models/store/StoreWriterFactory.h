#pragma once

#include "core/Result.h"
#include "store/StoreLocation.h"
#include "store/StoreWriter.h"

#include <memory>

namespace prov {

struct RestOptions;

// Opens the StoreWriter for a location: the one place that knows every writer kind, beside
// StoreReaderFactory. Fails with NotFound when the store is not there and Unsupported when
// Provenance cannot write to it safely (e.g. an MLflow schema revision it does not know).
class StoreWriterFactory
{
public:
    // A tracking server is written with the credentials and limits of the environment
    // (RestOptions::fromEnvironment) or, in the second form, with those given.
    static Result<std::unique_ptr<StoreWriter>> open(const StoreLocation& location);
    static Result<std::unique_ptr<StoreWriter>> open(const StoreLocation& location, const RestOptions& server);
};

} // namespace prov
