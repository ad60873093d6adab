#pragma once

#include "core/Result.h"

namespace prov {

class SqliteDatabase;

// The cache's schema and its migrations. The version lives in PRAGMA user_version; the
// migrations run inside one exclusive transaction taken before the version is read, so a cache
// written by an older Provenance is upgraded in place once, however many processes open it at
// the same moment, and a newer one is refused rather than damaged.
//
// Conventions every reader of the cache relies on:
//  - times are ms since the Unix epoch; NULL when unknown;
//  - latest_metrics.value is NULL for NaN (SQLite cannot store NaN), +/-inf are stored as such;
//  - metric_histories.points is a MetricHistoryCodec blob: one indexed read per run x metric;
//  - nothing here is kept only here: what cannot be re-read from the store (alias and stage
//    history, card drafts, queued writes) lives in the store's journal (journal/).
class CacheSchema
{
public:
    static constexpr int CurrentVersion = 2;

    // Brings `db` to CurrentVersion; fails with Unsupported if it is newer.
    static Status migrate(const SqliteDatabase& db);
};

} // namespace prov
