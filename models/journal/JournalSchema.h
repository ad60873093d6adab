#pragma once

#include "core/Result.h"

namespace prov {

class SqliteDatabase;

// The journal's schema and its migrations: what only Provenance knows about a store and can
// never re-read from it. The version lives in PRAGMA user_version; migrate() runs under an
// exclusive lock taken before the version is read, so two processes opening a new journal at
// once never both migrate it, and a journal written by a newer Provenance is refused.
//
// Tables (times are ms since the Unix epoch):
//  - registry_observations: each sync that read the registry, at `observed_at`;
//  - binding_observations: intervals during which a version held an alias or stage, from the
//    sync that first saw it (first_seen) to the last that still did (last_seen); ended_seen is
//    the first sync that no longer saw it (NULL while still held). Between last_seen and
//    ended_seen nothing is known. `how` says how it was learnt ('observed-at-sync');
//  - presence_observations: the same intervals for registered models (version 0) and versions;
//  - card_drafts: unsaved model card edits, per version (JSON object of hand-written fields);
//  - outbox: write-backs waiting to be pushed to the store (state 'pending') or refused by it
//    ('refused', with the reason), as a JSON list of RegistryWrites; a saved model card also
//    keeps its fields (card_*), so that a refused save can go back to being a draft.
class JournalSchema
{
public:
    static constexpr int CurrentVersion = 1;

    static Status migrate(const SqliteDatabase& db);
};

} // namespace prov
