#pragma once

#include "core/Result.h"
#include "journal/BindingHistoryQuery.h"
#include "query/RegistryQuery.h"

namespace prov {

// The registry as the last sync at or before a moment observed it: the models and versions
// that existed then, with the aliases and stages they had then, and everything else (names,
// descriptions, tags, runs, timestamps) as the store holds it now. A version deleted since that
// moment is not in the store any more and so is left out; its aliases and stages are still
// reported on its model.
struct RegistryAsObserved
{
    qint64 observedAt = 0;
    std::optional<qint64> nextObservation;
    QList<RegisteredModelEntry> models;
};

class RegistryAtTime
{
public:
    static RegistryAsObserved apply(const QList<RegisteredModelEntry>& current, const ObservedRegistryState& observed);
    // ISO 8601 (a date, a date and time, with or without a zone; local time without one) or
    // milliseconds since the epoch; InvalidArgument with a sentence otherwise.
    static Result<qint64> parseMoment(const QString& text);
};

} // namespace prov
