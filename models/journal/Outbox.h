#pragma once

#include "core/Result.h"
#include "domain/CardFields.h"
#include "domain/RegistryWrite.h"

#include <QList>
#include <QString>

#include <optional>

namespace prov {

class SqliteDatabase;

// A batch of registry writes waiting in the journal to be applied to the store.
struct OutboxEntry
{
    enum class State { Pending, Refused };

    qint64 id = 0;
    qint64 createdAt = 0;
    QString summary; // what the user did, e.g. "Save the model card of churn-model version 2"
    RegistryWrites writes;
    State state = State::Pending;
    qint64 attempts = 0;
    std::optional<qint64> lastAttempt;
    QString lastError; // why the last attempt failed, as a sentence
    // For a saved model card: whose card and its fields (to put back as a draft if refused).
    QString cardModel;
    qint64 cardVersion = 0;
    CardFields cardFields;

    bool isCard() const { return !cardModel.isEmpty(); }
};

// What a saved model card adds to its outbox entry.
struct OutboxCard
{
    QString modelName;
    qint64 version = 0;
    CardFields fields;
};

// The journal's queue of write-backs. A user action that writes to a store is queued here
// first (so that a crash, a kill or a lost connection cannot lose it) and removed only once
// the store has taken it. A store that refuses a write (bad data, unknown schema) marks it
// Refused with the reason; it stays until the user retries or discards it. Entries are pushed
// oldest first. Methods run single statements; wrap several in a SqliteTransaction to make
// them atomic with other journal changes.
class Outbox
{
public:
    explicit Outbox(const SqliteDatabase& journal);

    Result<qint64> enqueue(
        const QString& summary, const RegistryWrites& writes, const std::optional<OutboxCard>& card = {});
    Result<std::optional<OutboxEntry>> entry(qint64 id) const;
    Result<QList<OutboxEntry>> entries() const; // oldest first
    Result<qint64> pendingCount() const;
    Status remove(qint64 id);
    // Records a failed attempt; `refused` makes it wait for the user instead of the next push.
    Status recordFailure(qint64 id, const QString& reason, bool refused);
    Status retry(qint64 id);

private:
    const SqliteDatabase& m_db;
};

} // namespace prov
