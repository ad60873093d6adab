#include "registry/ModelCardLoader.h"

#include "core/SqliteDatabase.h"
#include "journal/Outbox.h"
#include "registry/ModelCardFactsQuery.h"
#include "registry/ModelCardTags.h"

namespace prov {
namespace {

Result<KeyValueList> cardTags(const SqliteDatabase& cache, const QString& modelName, qint64 version)
{
    auto stmt = cache.prepare(
        QStringLiteral("SELECT key, value FROM model_version_tags WHERE name = ?1 AND version = ?2 ORDER BY key"));
    if (!stmt)
        return stmt.error();
    stmt->bind(1, modelName);
    stmt->bind(2, version);
    KeyValueList tags;
    while (stmt->step()) {
        if (ModelCardTags::isCardTag(stmt->text(0)))
            tags.append({ stmt->text(0), stmt->text(1) });
    }
    if (!stmt->lastStatus())
        return stmt->lastStatus().error();
    return tags;
}

// The newest queued save of this card, if any.
Result<std::optional<CardFields>> pendingSave(const SqliteDatabase& journal, const QString& modelName, qint64 version)
{
    auto entries = Outbox(journal).entries();
    if (!entries)
        return entries.error();
    std::optional<CardFields> fields;
    for (const OutboxEntry& e : *entries) {
        if (e.state == OutboxEntry::State::Pending && e.cardModel == modelName && e.cardVersion == version)
            fields = e.cardFields;
    }
    return fields;
}

} // namespace

Result<CardState> ModelCardLoader::load(
    const SqliteDatabase& cache, const SqliteDatabase* journal, const QString& modelName, qint64 version)
{
    auto facts = ModelCardFactsQuery(cache).load(modelName, version);
    if (!facts)
        return facts.error();
    auto tags = cardTags(cache, modelName, version);
    if (!tags)
        return tags.error();
    CardState state;
    state.card.facts = std::move(facts).value();
    state.storedTags = *tags;
    const ModelCardTags::Stored stored = ModelCardTags::read(*tags);
    state.stored = stored.fields;
    state.card.storedProblem = stored.problem;
    state.card.fields = stored.fields;
    if (!journal)
        return state;
    auto pending = pendingSave(*journal, modelName, version);
    if (!pending)
        return pending.error();
    if (*pending) {
        state.savePending = true;
        state.card.fields = **pending;
    }
    auto draft = CardDraftStore(*journal).load(modelName, version);
    if (!draft)
        return draft.error();
    state.draft = *draft;
    if (state.draft)
        state.card.fields = state.draft->fields;
    return state;
}

} // namespace prov
