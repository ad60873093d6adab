#pragma once

#include "core/Result.h"

#include <QString>

namespace prov {

// Clears one store's cache ("Clear Cached Data", `provenance clear`): moves the alias and stage
// history an old cache may still hold into the journal, then deletes the cache file and its
// -wal/-shm. Refused with a sentence while another process uses the cache (CacheLock) or any
// connection, in this process or another, still has it open: a live reader never loses its
// -wal. The journal is never touched otherwise; the next sync rebuilds the cache.
class CacheClear
{
public:
    // `journalPath` may be empty (no journal: nothing to move).
    static Status run(const QString& cachePath, const QString& journalPath);
};

} // namespace prov
