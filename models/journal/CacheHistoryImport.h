#pragma once

#include "core/Result.h"

namespace prov {

class SqliteDatabase;

// Moves the alias and stage history that caches kept before the journal existed into the
// journal. Cache schema 2 renamed that table to legacy_binding_observations instead of dropping
// it, so nothing is lost before the journal has it: this copies its rows into the journal,
// commits there, and only then drops the table from the cache. It may run any number of times
// (rows already in the journal are not copied twice). Into a journal that already has its own
// history, imported intervals that were still open end at the journal's first observation,
// the next thing known about them.
class CacheHistoryImport
{
public:
    // `cache` is a write connection to a cache of schema 2 or later. Returns the number of
    // intervals moved (0 when there was nothing left to move).
    static Result<int> run(const SqliteDatabase& cache, const SqliteDatabase& journal);
    // The same for a cache file that no sync has opened since (clearing a cache that was never
    // upgraded); does nothing when the file is missing or holds no history.
    static Result<int> runOnFile(const QString& cachePath, const SqliteDatabase& journal);
};

} // namespace prov
