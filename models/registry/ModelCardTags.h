#pragma once

#include "domain/CardFields.h"
#include "domain/KeyValue.h"
#include "domain/RegistryWrite.h"

#include <QString>

namespace prov {

// How a model card is kept in a store: as model-version tags, so that everyone who opens the
// store (with MLflow or Provenance) sees it. Only the hand-written fields are stored, as JSON
// `{"provenance_card": 1, "fields": {...}}` in the tag `provenance.card`. A card longer than
// MLflow's tag value limit (RegistryWriteRules::MaxTagValueLength) is cut into numbered parts
// `provenance.card.1` … `provenance.card.N`, and `provenance.card` then holds
// `{"provenance_card": 1, "parts": N, "sha256": "<hex of the whole JSON>"}`, so a card whose
// parts do not fit together (saved halfway by another tool) is recognised, never misread.
class ModelCardTags
{
public:
    static const QString Key; // provenance.card

    struct Stored
    {
        enum class State { None, Complete, Damaged };
        State state = State::None;
        CardFields fields;
        QString problem; // why a Damaged card cannot be read
    };

    static bool isCardTag(const QString& key);
    static Stored read(const KeyValueList& versionTags);
    // The writes that leave the version's card tags holding exactly `fields` (stale parts of a
    // longer earlier card are deleted; with no fields, the card is removed).
    static RegistryWrites writes(
        const QString& modelName, qint64 version, const CardFields& fields, const KeyValueList& currentTags);
    // The card's tags as `writes` would leave them (for tests and previews).
    static KeyValueList encode(const CardFields& fields);
};

} // namespace prov
