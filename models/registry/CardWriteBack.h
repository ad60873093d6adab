#pragma once

#include "core/CancellationToken.h"
#include "core/Result.h"
#include "domain/CardFields.h"
#include "registry/ModelCardLoader.h"
#include "store/StoreLocation.h"
#include "store/rest/RestOptions.h"

namespace prov {

class SqliteDatabase;

// Saving a model card to its store. The card's tag writes are first queued in the journal's
// outbox, in the same journal transaction that drops its draft and any older queued save of the
// same card (the newest save wins), so a crash or kill at any moment loses nothing; then the
// outbox is pushed. A store that cannot be reached keeps the save queued; a store that refuses
// it turns it back into a draft, with the reason.
class CardWriteBack
{
public:
    struct Outcome
    {
        enum class Kind { Unchanged, Written, Queued, Refused };
        Kind kind = Kind::Unchanged;
        QString message; // for Queued and Refused: why, as a sentence
    };

    // Queues the save; nullopt when the store already holds exactly these fields (the draft
    // and older queued saves are dropped all the same).
    static Result<std::optional<qint64>> queue(
        const SqliteDatabase& journal, const CardState& state, const CardFields& fields);
    // queue(), then pushes the outbox and says what became of this save.
    // `server`: how to reach a tracking server (credentials typed in the app); none: the environment's.
    static Result<Outcome> save(const StoreLocation& location, const SqliteDatabase& journal, const CardState& state,
        const CardFields& fields, const CancellationToken& cancel,
        const std::optional<RestOptions>& server = std::nullopt);
};

} // namespace prov
