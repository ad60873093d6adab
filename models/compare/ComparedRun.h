#pragma once

#include <QHashFunctions>
#include <QString>

#include <optional>

namespace prov {

// Identifies a run across stores: the store it was read from (its location as the user gave
// it) and MLflow's run id. Two runs of different stores never compare equal, even with the
// same id, so a comparison can later mix stores.
struct RunRef
{
    QString store;
    QString runId;

    friend bool operator==(const RunRef&, const RunRef&) = default;
};

inline size_t qHash(const RunRef& key, size_t seed = 0)
{
    return qHashMulti(seed, key.store, key.runId);
}

// A run taking part in a comparison: its identity and what charts and tables label it with.
struct ComparedRun
{
    RunRef key;
    QString runName;
    QString experimentId;
    QString experimentName;
    std::optional<qint64> startTime;

    const QString& runId() const { return key.runId; }
    // The run name, or the start of its id when it has none.
    QString label() const { return runName.isEmpty() ? key.runId.left(8) : runName; }
};

} // namespace prov
