#pragma once

#include "core/Result.h"
#include "journal/CardDraftStore.h"
#include "registry/ModelCard.h"

#include <optional>

namespace prov {

class SqliteDatabase;

// A version's card as the editor and the exports see it: the facts from the cache, and the
// hand-written fields from, in order of precedence, an unsaved draft in the journal, a save
// queued in the outbox that the store does not have yet, or the card stored in the store.
struct CardState
{
    ModelCard card;
    CardFields stored; // as the store holds it (as of the last sync)
    KeyValueList storedTags; // the version's card tags in the store
    std::optional<CardDraft> draft;
    bool savePending = false; // a save is queued for the store

    bool hasUnsavedEdits() const { return draft.has_value(); }
};

// Reads a CardState from a cache and (when there is one) the store's journal.
class ModelCardLoader
{
public:
    static Result<CardState> load(
        const SqliteDatabase& cache, const SqliteDatabase* journal, const QString& modelName, qint64 version);
};

} // namespace prov
