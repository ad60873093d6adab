#include "journal/BindingHistoryQuery.h"

#include "core/DisplayFormat.h"
#include "core/SqliteDatabase.h"

#include <algorithm>

namespace prov {
namespace {

Result<std::optional<qint64>> optionalInt(const SqliteDatabase& db, const QString& sql, qint64 moment)
{
    auto stmt = db.prepare(sql);
    if (!stmt)
        return stmt.error();
    stmt->bind(1, moment);
    if (!stmt->step()) {
        if (!stmt->lastStatus())
            return stmt->lastStatus().error();
        return std::optional<qint64>();
    }
    return stmt->optionalInt64(0);
}

} // namespace

BindingHistoryQuery::BindingHistoryQuery(const SqliteDatabase& journal)
    : m_db(journal)
{ }

Result<BindingHistory> BindingHistoryQuery::intervals(const QString& modelName) const
{
    auto stmt = m_db.prepare(QStringLiteral(
        "SELECT b.name, b.kind, b.binding, b.version, b.first_seen, b.last_seen, b.ended_seen, b.how,"
        " (SELECT count(*) FROM registry_observations o WHERE o.observed_at BETWEEN b.first_seen AND b.last_seen)"
        " FROM binding_observations b WHERE b.name = ?1 ORDER BY b.kind, b.binding, b.first_seen, b.version"));
    if (!stmt)
        return stmt.error();
    stmt->bind(1, modelName);
    BindingHistory history;
    while (stmt->step()) {
        history.append({ stmt->text(0), stmt->text(1), stmt->text(2), stmt->int64(3), stmt->int64(4), stmt->int64(5),
            stmt->optionalInt64(6), stmt->text(7), stmt->int64(8) });
    }
    if (!stmt->lastStatus())
        return stmt->lastStatus().error();
    return history;
}

Result<QList<qint64>> BindingHistoryQuery::observationTimes() const
{
    auto stmt = m_db.prepare(QStringLiteral("SELECT observed_at FROM registry_observations ORDER BY observed_at"));
    if (!stmt)
        return stmt.error();
    QList<qint64> times;
    while (stmt->step())
        times.append(stmt->int64(0));
    if (!stmt->lastStatus())
        return stmt->lastStatus().error();
    return times;
}

Result<std::optional<qint64>> BindingHistoryQuery::observationAtOrBefore(qint64 moment) const
{
    return optionalInt(
        m_db, QStringLiteral("SELECT max(observed_at) FROM registry_observations WHERE observed_at <= ?1"), moment);
}

Result<std::optional<qint64>> BindingHistoryQuery::observationAfter(qint64 moment) const
{
    return optionalInt(
        m_db, QStringLiteral("SELECT min(observed_at) FROM registry_observations WHERE observed_at > ?1"), moment);
}

Result<ObservedRegistryState> BindingHistoryQuery::stateAt(qint64 moment) const
{
    auto at = observationAtOrBefore(moment);
    if (!at)
        return at.error();
    if (!*at) {
        auto first = observationAfter(moment);
        if (!first)
            return first.error();
        if (!*first)
            return makeError(
                ErrorCode::NotFound, QStringLiteral("no sync has recorded the registry of this store yet"));
        return makeError(ErrorCode::NotFound,
            QStringLiteral("%1 is before the first sync that recorded the registry (%2); nothing is known about it")
                .arg(DisplayFormat::timestamp(moment), DisplayFormat::timestamp(**first)));
    }
    ObservedRegistryState state;
    state.observedAt = **at;
    auto next = observationAfter(state.observedAt);
    if (!next)
        return next.error();
    state.nextObservation = *next;
    auto presenceKnown = readPresenceAt(state.observedAt, state);
    if (!presenceKnown)
        return presenceKnown.error();
    if (Status s = readBindingsAt(state.observedAt, *presenceKnown, state); !s)
        return s.error();
    for (ObservedModelState& model : state.models)
        std::sort(model.aliases.begin(), model.aliases.end(),
            [](const ModelAlias& a, const ModelAlias& b) { return a.alias < b.alias; });
    return state;
}

Result<bool> BindingHistoryQuery::readPresenceAt(qint64 observedAt, ObservedRegistryState& state) const
{
    auto earliest = m_db.queryInt(QStringLiteral("SELECT coalesce(min(first_seen), -1) FROM presence_observations"));
    if (!earliest)
        return earliest.error();
    if (*earliest < 0 || *earliest > observedAt)
        return false; // recorded before presence was: readBindingsAt adds the models it names
    auto stmt = m_db.prepare(
        QStringLiteral("SELECT name, version FROM presence_observations WHERE first_seen <= ?1 AND last_seen >= ?1"));
    if (!stmt)
        return stmt.error();
    stmt->bind(1, observedAt);
    while (stmt->step()) {
        ObservedModelState& model = state.models[stmt->text(0)];
        model.name = stmt->text(0);
        if (stmt->int64(1) > 0)
            model.versions.insert(stmt->int64(1));
    }
    if (!stmt->lastStatus())
        return stmt->lastStatus().error();
    return true;
}

Status BindingHistoryQuery::readBindingsAt(qint64 observedAt, bool presenceKnown, ObservedRegistryState& state) const
{
    auto stmt = m_db.prepare(QStringLiteral("SELECT name, kind, binding, version FROM binding_observations"
                                            " WHERE first_seen <= ?1 AND last_seen >= ?1"));
    if (!stmt)
        return stmt.error();
    stmt->bind(1, observedAt);
    while (stmt->step()) {
        if (presenceKnown && !state.models.contains(stmt->text(0)))
            continue;
        ObservedModelState& model = state.models[stmt->text(0)];
        model.name = stmt->text(0);
        model.presenceKnown = presenceKnown;
        if (stmt->text(1) == QLatin1String("alias"))
            model.aliases.append({ stmt->text(2), stmt->int64(3) });
        else
            model.stages.insert(stmt->int64(3), stmt->text(2));
    }
    return stmt->lastStatus();
}

Result<std::optional<qint64>> BindingHistoryQuery::versionHolding(
    const QString& modelName, const QString& kind, const QString& binding, qint64 observedAt) const
{
    auto stmt = m_db.prepare(QStringLiteral("SELECT version FROM binding_observations WHERE name = ?1 AND kind = ?2"
                                            " AND binding = ?3 AND first_seen <= ?4 AND last_seen >= ?4"));
    if (!stmt)
        return stmt.error();
    stmt->bind(1, modelName);
    stmt->bind(2, kind);
    stmt->bind(3, binding);
    stmt->bind(4, observedAt);
    if (stmt->step())
        return std::optional<qint64>(stmt->int64(0));
    if (!stmt->lastStatus())
        return stmt->lastStatus().error();
    return std::optional<qint64>();
}

Result<BindingAnswer> BindingHistoryQuery::holderAt(
    const QString& modelName, const QString& kind, const QString& binding, qint64 moment) const
{
    auto state = stateAt(moment); // for its error when the moment precedes every observation
    if (!state)
        return state.error();
    BindingAnswer answer;
    answer.observedAt = state->observedAt;
    answer.nextObservation = state->nextObservation;
    auto version = versionHolding(modelName, kind, binding, answer.observedAt);
    if (!version)
        return version.error();
    answer.version = *version;
    if (answer.nextObservation) {
        auto next = versionHolding(modelName, kind, binding, *answer.nextObservation);
        if (!next)
            return next.error();
        answer.nextVersion = *next;
    }
    return answer;
}

} // namespace prov
