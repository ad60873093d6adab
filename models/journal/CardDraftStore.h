#pragma once

#include "core/Result.h"
#include "domain/CardFields.h"

#include <QList>
#include <QString>

#include <optional>

namespace prov {

class SqliteDatabase;

// Unsaved edits of one version's model card. `base` is the card as the store held it when
// editing began, so that a card changed in the store meanwhile can be noticed.
struct CardDraft
{
    QString modelName;
    qint64 version = 0;
    CardFields fields;
    std::optional<CardFields> base;
    qint64 updatedAt = 0;
};

// Card drafts in the journal: every edit is written here as it is made (one small commit), so
// that closing, crashing or killing the app loses nothing. A draft goes when its card is saved
// (queued for the store) or the user discards it.
class CardDraftStore
{
public:
    explicit CardDraftStore(const SqliteDatabase& journal);

    Result<std::optional<CardDraft>> load(const QString& modelName, qint64 version) const;
    Result<QList<CardDraft>> all() const;
    Status save(const CardDraft& draft);
    Status remove(const QString& modelName, qint64 version);

    static QByteArray encode(const CardFields& fields);
    static CardFields decode(const QByteArray& json);

private:
    const SqliteDatabase& m_db;
};

} // namespace prov
