#include "journal/BindingRecorder.h"

#include "core/LogCategories.h"
#include "core/SqliteDatabase.h"

#include <QSet>
#include <QStringList>

namespace prov {
namespace {

const QChar separator(0x1f);

bool isBoundStage(const QString& stage)
{
    return !stage.isEmpty() && stage != QLatin1String("None");
}

// Keys are the interval's identifying columns joined with a unit separator; the version is
// always the last one.
QSet<QString> bindingKeys(const QList<RegisteredModel>& models)
{
    QSet<QString> keys;
    for (const RegisteredModel& model : models) {
        for (const ModelAlias& alias : model.aliases)
            keys.insert(
                QStringList { model.name, QStringLiteral("alias"), alias.alias, QString::number(alias.version) }.join(
                    separator));
        for (const ModelVersion& version : model.versions) {
            if (isBoundStage(version.stage))
                keys.insert(
                    QStringList { model.name, QStringLiteral("stage"), version.stage, QString::number(version.version) }
                        .join(separator));
        }
    }
    return keys;
}

QSet<QString> presenceKeys(const QList<RegisteredModel>& models)
{
    QSet<QString> keys;
    for (const RegisteredModel& model : models) {
        keys.insert(model.name + separator + QLatin1Char('0'));
        for (const ModelVersion& version : model.versions)
            keys.insert(model.name + separator + QString::number(version.version));
    }
    return keys;
}

// Extends, closes and opens the intervals of `table` whose key columns are `columns`.
Status observe(const SqliteDatabase& db, const QString& table, const QStringList& columns, QSet<QString> current,
    qint64 observedAt)
{
    auto open = db.prepare(QStringLiteral("SELECT id, ") + columns.join(QStringLiteral(", ")) + QStringLiteral(" FROM ")
        + table + QStringLiteral(" WHERE ended_seen IS NULL"));
    if (!open)
        return open.error();
    QList<std::pair<qint64, bool>> updates; // (row id, still seen)
    while (open->step()) {
        QStringList key;
        for (int i = 0; i < columns.size(); ++i)
            key << open->text(i + 1);
        updates.append({ open->int64(0), current.remove(key.join(separator)) });
    }
    if (!open->lastStatus())
        return open->lastStatus();
    auto extend = db.prepare(QStringLiteral("UPDATE ") + table + QStringLiteral(" SET last_seen = ?2 WHERE id = ?1"));
    auto close = db.prepare(QStringLiteral("UPDATE ") + table + QStringLiteral(" SET ended_seen = ?2 WHERE id = ?1"));
    QStringList placeholders;
    for (int i = 1; i <= columns.size() + 1; ++i)
        placeholders << QStringLiteral("?%1").arg(i);
    auto insert = db.prepare(QStringLiteral("INSERT INTO ") + table + QStringLiteral(" (")
        + columns.join(QStringLiteral(", ")) + QStringLiteral(", first_seen, last_seen) VALUES (")
        + placeholders.join(QStringLiteral(", ")) + QStringLiteral(", ?%1)").arg(columns.size() + 1));
    for (const Result<SqliteStatement>* stmt : { &extend, &close, &insert }) {
        if (!*stmt)
            return stmt->error();
    }
    for (const auto& [id, stillSeen] : std::as_const(updates)) {
        SqliteStatement& stmt = stillSeen ? *extend : *close;
        stmt.bind(1, id);
        stmt.bind(2, observedAt);
        if (Status s = stmt.exec(); !s)
            return s;
    }
    for (const QString& key : std::as_const(current)) {
        const QStringList values = key.split(separator);
        for (int i = 0; i < values.size() - 1; ++i)
            insert->bind(i + 1, values[i]);
        insert->bind(static_cast<int>(values.size()), values.last().toLongLong());
        insert->bind(static_cast<int>(values.size()) + 1, observedAt);
        if (Status s = insert->exec(); !s)
            return s;
    }
    return {};
}

} // namespace

BindingRecorder::BindingRecorder(const SqliteDatabase& journal)
    : m_db(journal)
{ }

Status BindingRecorder::record(const QList<RegisteredModel>& models, qint64 observedAt, const QString& syncId)
{
    SqliteTransaction transaction(m_db);
    if (!transaction.beginStatus())
        return transaction.beginStatus();
    auto newest = m_db.queryInt(QStringLiteral("SELECT coalesce(max(observed_at), -1) FROM registry_observations"));
    if (!newest)
        return newest.error();
    if (observedAt <= *newest) {
        qCInfo(lcJournal) << "skipping a registry observation at" << observedAt << "older than" << *newest;
        return {};
    }
    auto insert
        = m_db.prepare(QStringLiteral("INSERT INTO registry_observations (observed_at, sync_id) VALUES (?1, ?2)"));
    if (!insert)
        return insert.error();
    insert->bind(1, observedAt);
    insert->bind(2, syncId);
    Status s = insert->exec();
    if (s)
        s = observe(m_db, QStringLiteral("binding_observations"),
            { QStringLiteral("name"), QStringLiteral("kind"), QStringLiteral("binding"), QStringLiteral("version") },
            bindingKeys(models), observedAt);
    if (s)
        s = observe(m_db, QStringLiteral("presence_observations"),
            { QStringLiteral("name"), QStringLiteral("version") }, presenceKeys(models), observedAt);
    if (!s)
        return s;
    return transaction.commit();
}

} // namespace prov
