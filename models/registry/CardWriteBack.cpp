#include "registry/CardWriteBack.h"

#include "core/SqliteDatabase.h"
#include "journal/Outbox.h"
#include "registry/ModelCardTags.h"
#include "registry/OutboxPusher.h"

namespace prov {
namespace {

Status dropOlderSaves(Outbox& outbox, const QString& modelName, qint64 version)
{
    auto entries = outbox.entries();
    if (!entries)
        return entries.error();
    for (const OutboxEntry& e : *entries) {
        if (e.state == OutboxEntry::State::Pending && e.cardModel == modelName && e.cardVersion == version) {
            if (Status s = outbox.remove(e.id); !s)
                return s;
        }
    }
    return {};
}

} // namespace

Result<std::optional<qint64>> CardWriteBack::queue(
    const SqliteDatabase& journal, const CardState& state, const CardFields& fields)
{
    const ModelCardFacts& f = state.card.facts;
    const RegistryWrites writes = ModelCardTags::writes(f.modelName, f.version, fields, state.storedTags);
    SqliteTransaction transaction(journal);
    if (!transaction.beginStatus())
        return transaction.beginStatus().error();
    Outbox outbox(journal);
    if (Status s = dropOlderSaves(outbox, f.modelName, f.version); !s)
        return s.error();
    if (Status s = CardDraftStore(journal).remove(f.modelName, f.version); !s)
        return s.error();
    std::optional<qint64> id;
    if (!writes.isEmpty()) {
        auto queued
            = outbox.enqueue(QStringLiteral("Save the model card of %1 version %2").arg(f.modelName).arg(f.version),
                writes, OutboxCard { f.modelName, f.version, fields });
        if (!queued)
            return queued.error();
        id = *queued;
    }
    if (Status s = transaction.commit(); !s)
        return s.error();
    return id;
}

Result<CardWriteBack::Outcome> CardWriteBack::save(const StoreLocation& location, const SqliteDatabase& journal,
    const CardState& state, const CardFields& fields, const CancellationToken& cancel,
    const std::optional<RestOptions>& server)
{
    auto id = queue(journal, state, fields);
    if (!id)
        return id.error();
    if (!*id)
        return Outcome { Outcome::Kind::Unchanged, {} };
    auto report = OutboxPusher(location, journal, server).pushAll(cancel);
    if (!report)
        return report.error();
    Outbox outbox(journal);
    auto entry = outbox.entry(**id);
    if (!entry)
        return entry.error();
    if (!*entry)
        return Outcome { Outcome::Kind::Written, {} };
    if ((*entry)->state == OutboxEntry::State::Pending)
        return Outcome { Outcome::Kind::Queued, (*entry)->lastError };
    // Refused: the edits go back to being a draft, so nothing typed is lost.
    SqliteTransaction transaction(journal);
    if (!transaction.beginStatus())
        return transaction.beginStatus().error();
    const ModelCardFacts& f = state.card.facts;
    if (Status s = CardDraftStore(journal).save({ f.modelName, f.version, fields, state.stored, 0 }); !s)
        return s.error();
    if (Status s = outbox.remove(**id); !s)
        return s.error();
    if (Status s = transaction.commit(); !s)
        return s.error();
    return Outcome { Outcome::Kind::Refused, (*entry)->lastError };
}

} // namespace prov
