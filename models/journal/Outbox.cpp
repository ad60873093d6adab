#include "journal/Outbox.h"

#include "core/SqliteDatabase.h"
#include "journal/CardDraftStore.h"
#include "journal/RegistryWriteCodec.h"

#include <QDateTime>

namespace prov {

Outbox::Outbox(const SqliteDatabase& journal)
    : m_db(journal)
{ }

Result<qint64> Outbox::enqueue(
    const QString& summary, const RegistryWrites& writes, const std::optional<OutboxCard>& card)
{
    auto stmt = m_db.prepare(QStringLiteral("INSERT INTO outbox (created_at, summary, writes, state, card_model, "
                                            "card_version, card_fields) VALUES (?1, ?2, ?3, 'pending', ?4, ?5, ?6)"));
    if (!stmt)
        return stmt.error();
    stmt->bind(1, QDateTime::currentMSecsSinceEpoch());
    stmt->bind(2, summary);
    stmt->bind(3, QString::fromUtf8(RegistryWriteCodec::encode(writes)));
    if (card) {
        stmt->bind(4, card->modelName);
        stmt->bind(5, card->version);
        stmt->bind(6, QString::fromUtf8(CardDraftStore::encode(card->fields)));
    } else {
        stmt->bindNull(4);
        stmt->bindNull(5);
        stmt->bindNull(6);
    }
    if (Status s = stmt->exec(); !s)
        return s.error();
    return m_db.lastInsertRowId();
}

namespace {

const QString selectEntries = QStringLiteral("SELECT id, created_at, summary, writes, state, attempts, last_attempt, "
                                             "coalesce(last_error, ''), coalesce(card_model, ''), "
                                             "coalesce(card_version, 0), coalesce(card_fields, '') FROM outbox");

} // namespace

Result<std::optional<OutboxEntry>> Outbox::entry(qint64 id) const
{
    auto all = entries();
    if (!all)
        return all.error();
    for (const OutboxEntry& e : *all) {
        if (e.id == id)
            return std::optional<OutboxEntry>(e);
    }
    return std::optional<OutboxEntry>();
}

Result<QList<OutboxEntry>> Outbox::entries() const
{
    auto stmt = m_db.prepare(selectEntries + QStringLiteral(" ORDER BY id"));
    if (!stmt)
        return stmt.error();
    QList<OutboxEntry> entries;
    while (stmt->step()) {
        OutboxEntry e;
        e.id = stmt->int64(0);
        e.createdAt = stmt->int64(1);
        e.summary = stmt->text(2);
        auto writes = RegistryWriteCodec::decode(stmt->text(3).toUtf8());
        if (writes)
            e.writes = *writes;
        e.state = stmt->text(4) == QLatin1String("refused") || !writes ? OutboxEntry::State::Refused
                                                                       : OutboxEntry::State::Pending;
        e.attempts = stmt->int64(5);
        e.lastAttempt = stmt->optionalInt64(6);
        e.lastError = writes ? stmt->text(7) : writes.error().message;
        e.cardModel = stmt->text(8);
        e.cardVersion = stmt->int64(9);
        e.cardFields = CardDraftStore::decode(stmt->text(10).toUtf8());
        entries.append(e);
    }
    if (!stmt->lastStatus())
        return stmt->lastStatus().error();
    return entries;
}

Result<qint64> Outbox::pendingCount() const
{
    return m_db.queryInt(QStringLiteral("SELECT count(*) FROM outbox WHERE state = 'pending'"));
}

Status Outbox::remove(qint64 id)
{
    auto stmt = m_db.prepare(QStringLiteral("DELETE FROM outbox WHERE id = ?1"));
    if (!stmt)
        return stmt.error();
    stmt->bind(1, id);
    return stmt->exec();
}

Status Outbox::recordFailure(qint64 id, const QString& reason, bool refused)
{
    auto stmt = m_db.prepare(QStringLiteral("UPDATE outbox SET attempts = attempts + 1, last_attempt = ?2, "
                                            "last_error = ?3, state = ?4 WHERE id = ?1"));
    if (!stmt)
        return stmt.error();
    stmt->bind(1, id);
    stmt->bind(2, QDateTime::currentMSecsSinceEpoch());
    stmt->bind(3, reason);
    stmt->bind(4, refused ? QStringLiteral("refused") : QStringLiteral("pending"));
    return stmt->exec();
}

Status Outbox::retry(qint64 id)
{
    auto stmt = m_db.prepare(QStringLiteral("UPDATE outbox SET state = 'pending' WHERE id = ?1"));
    if (!stmt)
        return stmt.error();
    stmt->bind(1, id);
    return stmt->exec();
}

} // namespace prov
