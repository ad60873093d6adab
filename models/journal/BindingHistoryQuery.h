#pragma once

#include "core/Result.h"
#include "domain/BindingObservation.h"
#include "domain/RegisteredModel.h"

#include <QHash>
#include <QList>
#include <QSet>

#include <optional>

namespace prov {

class SqliteDatabase;

// What one sync saw of one registered model: its aliases, the stage of each version that had
// one, and which versions existed. `presenceKnown` is false for syncs recorded before the
// journal tracked versions (history moved in from an old cache).
struct ObservedModelState
{
    QString name;
    QList<ModelAlias> aliases; // by alias name
    QHash<qint64, QString> stages; // version -> stage, for versions in a stage other than None
    QSet<qint64> versions;
    bool presenceKnown = true;
};

// The registry as the last sync at or before a moment saw it.
struct ObservedRegistryState
{
    qint64 observedAt = 0;
    std::optional<qint64> nextObservation; // the following sync, if any
    QHash<QString, ObservedModelState> models;
};

// "Which version held @champion on 3 March?": the version the last sync at or before that
// moment saw, and what the next sync saw (the binding may have moved in between).
struct BindingAnswer
{
    qint64 observedAt = 0;
    std::optional<qint64> version; // empty: the binding was not held at that sync
    std::optional<qint64> nextObservation;
    std::optional<qint64> nextVersion;
};

// Reads the alias and stage history from a store's journal. All answers come from what syncs
// observed; nothing is interpolated between syncs, and a moment before the first sync has no
// answer (NotFound, with the first observation time in the message).
class BindingHistoryQuery
{
public:
    explicit BindingHistoryQuery(const SqliteDatabase& journal);

    // Intervals of one model, by kind, binding and first sight.
    Result<BindingHistory> intervals(const QString& modelName) const;
    // Every moment a sync read the registry, oldest first.
    Result<QList<qint64>> observationTimes() const;
    Result<ObservedRegistryState> stateAt(qint64 moment) const;
    Result<BindingAnswer> holderAt(
        const QString& modelName, const QString& kind, const QString& binding, qint64 moment) const;

private:
    Result<std::optional<qint64>> observationAtOrBefore(qint64 moment) const;
    Result<std::optional<qint64>> observationAfter(qint64 moment) const;
    Result<bool> readPresenceAt(qint64 observedAt, ObservedRegistryState& state) const;
    Status readBindingsAt(qint64 observedAt, bool presenceKnown, ObservedRegistryState& state) const;
    Result<std::optional<qint64>> versionHolding(
        const QString& modelName, const QString& kind, const QString& binding, qint64 observedAt) const;

    const SqliteDatabase& m_db;
};

} // namespace prov
