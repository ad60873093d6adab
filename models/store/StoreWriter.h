#pragma once

#include "core/Result.h"
#include "domain/RegistryWrite.h"
#include "store/StoreLocation.h"
#include "store/StoreReader.h"

namespace prov {

// Writes back to one MLflow tracking store's model registry, exactly as MLflow itself would
// write the same change (same files, rows or REST calls, same timestamps), one implementation
// per store kind, created by StoreWriterFactory from the same StoreLocation as its reader.
// Writing happens only on an explicit user action (saving a model card, later an approved
// promotion); readers never write.
//
// apply() checks every write against MLflow's rules first (nothing is written when one is
// refused), writes the batch as one change (all or nothing, as far as the store kind allows),
// and then reads the registry back through a fresh StoreReader to confirm the store holds what
// was written. Errors are sentences a user can act on: InvalidArgument for what MLflow would
// refuse, NotFound for a missing model or version, Unsupported for a store Provenance cannot
// safely write, Io or Database (busy) for a store that could not take it now, which a later
// attempt may succeed with.
class StoreWriter
{
public:
    virtual ~StoreWriter() = default;

    virtual const StoreLocation& location() const = 0;

    Status apply(const RegistryWrites& writes);

    // True when a failure of apply() may pass by itself (store offline, database busy), so the
    // write should stay queued; false when the store refused it (bad input, unknown schema).
    static bool isTransient(const Error& error);

protected:
    // Writes the checked batch; implementations make it atomic.
    virtual Status write(const RegistryWrites& writes) = 0;
    // The registry as the store holds it now, holding at least the models `writes` touch; by
    // default read whole through a fresh StoreReader. A server reads only what was written.
    virtual Result<RegistryScan> readRegistry(const RegistryWrites& writes) const;

private:
    Status readBack(const RegistryWrites& writes) const;
};

} // namespace prov
