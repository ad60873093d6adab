#include "journal/CardDraftStore.h"

#include "core/SqliteDatabase.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QJsonObject>

namespace prov {
namespace {

CardDraft draftOf(const SqliteStatement& row)
{
    CardDraft draft;
    draft.modelName = row.text(0);
    draft.version = row.int64(1);
    draft.fields = CardDraftStore::decode(row.text(2).toUtf8());
    if (!row.isNull(3))
        draft.base = CardDraftStore::decode(row.text(3).toUtf8());
    draft.updatedAt = row.int64(4);
    return draft;
}

const QString selectDrafts = QStringLiteral("SELECT name, version, fields, base, updated_at FROM card_drafts");

} // namespace

CardDraftStore::CardDraftStore(const SqliteDatabase& journal)
    : m_db(journal)
{ }

QByteArray CardDraftStore::encode(const CardFields& fields)
{
    QJsonObject object;
    for (auto it = fields.begin(); it != fields.end(); ++it) {
        if (!it.value().isEmpty())
            object.insert(it.key(), it.value());
    }
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

CardFields CardDraftStore::decode(const QByteArray& json)
{
    CardFields fields;
    const QJsonObject object = QJsonDocument::fromJson(json).object();
    for (auto it = object.begin(); it != object.end(); ++it) {
        if (!it.value().toString().isEmpty())
            fields.insert(it.key(), it.value().toString());
    }
    return fields;
}

Result<std::optional<CardDraft>> CardDraftStore::load(const QString& modelName, qint64 version) const
{
    auto stmt = m_db.prepare(selectDrafts + QStringLiteral(" WHERE name = ?1 AND version = ?2"));
    if (!stmt)
        return stmt.error();
    stmt->bind(1, modelName);
    stmt->bind(2, version);
    if (stmt->step())
        return std::optional<CardDraft>(draftOf(*stmt));
    if (!stmt->lastStatus())
        return stmt->lastStatus().error();
    return std::optional<CardDraft>();
}

Result<QList<CardDraft>> CardDraftStore::all() const
{
    auto stmt = m_db.prepare(selectDrafts + QStringLiteral(" ORDER BY name, version"));
    if (!stmt)
        return stmt.error();
    QList<CardDraft> drafts;
    while (stmt->step())
        drafts.append(draftOf(*stmt));
    if (!stmt->lastStatus())
        return stmt->lastStatus().error();
    return drafts;
}

Status CardDraftStore::save(const CardDraft& draft)
{
    // A draft older than the one stored (a slower write of earlier keystrokes) never replaces it.
    auto stmt = m_db.prepare(
        QStringLiteral("INSERT INTO card_drafts (name, version, fields, base, updated_at) VALUES (?1, ?2, ?3, ?4, ?5)"
                       " ON CONFLICT (name, version) DO UPDATE SET fields = excluded.fields, base = excluded.base,"
                       " updated_at = excluded.updated_at WHERE excluded.updated_at >= card_drafts.updated_at"));
    if (!stmt)
        return stmt.error();
    stmt->bind(1, draft.modelName);
    stmt->bind(2, draft.version);
    stmt->bind(3, QString::fromUtf8(encode(draft.fields)));
    if (draft.base)
        stmt->bind(4, QString::fromUtf8(encode(*draft.base)));
    else
        stmt->bindNull(4);
    stmt->bind(5, draft.updatedAt > 0 ? draft.updatedAt : QDateTime::currentMSecsSinceEpoch());
    return stmt->exec();
}

Status CardDraftStore::remove(const QString& modelName, qint64 version)
{
    auto stmt = m_db.prepare(QStringLiteral("DELETE FROM card_drafts WHERE name = ?1 AND version = ?2"));
    if (!stmt)
        return stmt.error();
    stmt->bind(1, modelName);
    stmt->bind(2, version);
    return stmt->exec();
}

} // namespace prov
