#pragma once

#include "core/Result.h"
#include "store/StoreLocation.h"
#include "store/StoreWriter.h"

#include <memory>

namespace prov {

// Opens the StoreWriter for a location: the one place that knows every writer kind, beside
// StoreReaderFactory. Fails with NotFound when the store is not there and Unsupported when
// Provenance cannot write to it safely (e.g. an MLflow schema revision it does not know).
class StoreWriterFactory
{
public:
    static Result<std::unique_ptr<StoreWriter>> open(const StoreLocation& location);
};

} // namespace prov
