#include "StoreSnapshot.h"

#include "core/SqliteDatabase.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QJsonArray>

#include <algorithm>

namespace StoreSnapshot {
namespace {

const QChar separator(0x1f);

const QMap<QString, QStringList>& registryKeys()
{
    static const QMap<QString, QStringList> keys {
        { QStringLiteral("registered_models"), { QStringLiteral("name") } },
        { QStringLiteral("registered_model_tags"), { QStringLiteral("key"), QStringLiteral("name") } },
        { QStringLiteral("registered_model_aliases"), { QStringLiteral("alias"), QStringLiteral("name") } },
        { QStringLiteral("model_versions"), { QStringLiteral("name"), QStringLiteral("version") } },
        { QStringLiteral("model_version_tags"),
            { QStringLiteral("key"), QStringLiteral("name"), QStringLiteral("version") } },
    };
    return keys;
}

struct Table
{
    QStringList columns;
    QList<QJsonArray> rows;
};

Table readTable(const prov::SqliteDatabase& db, const QString& table)
{
    Table t;
    auto info = db.prepare(QStringLiteral("SELECT name FROM pragma_table_info(?1) ORDER BY cid"));
    info->bind(1, table);
    while (info->step())
        t.columns << info->text(0);
    auto rows = db.prepare(QStringLiteral("SELECT * FROM \"%1\"").arg(table));
    while (rows && rows->step()) {
        QJsonArray row;
        for (int i = 0; i < t.columns.size(); ++i)
            row.append(rows->isNull(i) ? QJsonValue() : QJsonValue(rows->text(i)));
        t.rows.append(row);
    }
    return t;
}

} // namespace

Files files(const QString& root)
{
    Files files;
    QDirIterator it(root, QDir::Files | QDir::Hidden | QDir::System, QDirIterator::Subdirectories);
    const QDir base(root);
    while (it.hasNext()) {
        const QString path = it.next();
        QFile file(path);
        files.insert(
            base.relativeFilePath(path), file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray("<unreadable>"));
    }
    return files;
}

Tables tables(const QString& databasePath)
{
    Tables tables;
    auto db = prov::SqliteDatabase::open(databasePath, prov::SqliteDatabase::Mode::ReadOnly);
    if (!db)
        return tables;
    auto names = db->prepare(QStringLiteral("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name"));
    QStringList tableNames;
    while (names->step())
        tableNames << names->text(0);
    for (const QString& name : std::as_const(tableNames)) {
        QStringList rows;
        for (const QJsonArray& row : readTable(*db, name).rows) {
            QStringList cells;
            for (const QJsonValue& cell : row)
                cells << (cell.isNull() ? QStringLiteral("<null>") : cell.toString());
            rows << cells.join(separator);
        }
        std::sort(rows.begin(), rows.end());
        tables.insert(name, rows);
    }
    return tables;
}

QMap<QString, QByteArray> changedFiles(const Files& before, const Files& after)
{
    QMap<QString, QByteArray> changed;
    for (auto it = before.begin(); it != before.end(); ++it) {
        if (!after.contains(it.key()))
            changed.insert(it.key(), QByteArray());
        else if (after.value(it.key()) != it.value())
            changed.insert(it.key(), after.value(it.key()));
    }
    for (auto it = after.begin(); it != after.end(); ++it) {
        if (!before.contains(it.key()))
            changed.insert(it.key(), it.value());
    }
    return changed;
}

QJsonObject registryChanges(const QString& beforePath, const QString& afterPath)
{
    auto before = prov::SqliteDatabase::open(beforePath, prov::SqliteDatabase::Mode::ReadOnly);
    auto after = prov::SqliteDatabase::open(afterPath, prov::SqliteDatabase::Mode::ReadOnly);
    QJsonObject changes;
    if (!before || !after)
        return changes;
    for (auto k = registryKeys().begin(); k != registryKeys().end(); ++k) {
        const Table old = readTable(*before, k.key());
        const Table now = readTable(*after, k.key());
        QList<QJsonArray> removed, added;
        for (const QJsonArray& row : old.rows) {
            if (!now.rows.contains(row))
                removed.append(row);
        }
        const qsizetype time = now.columns.indexOf(QStringLiteral("last_updated_time"));
        for (QJsonArray row : now.rows) {
            if (old.rows.contains(row))
                continue;
            const auto match = std::find_if(removed.begin(), removed.end(), [&](const QJsonArray& r) {
                return std::all_of(k.value().begin(), k.value().end(),
                    [&](const QString& c) { return r[now.columns.indexOf(c)] == row[now.columns.indexOf(c)]; });
            });
            if (time >= 0 && match != removed.end() && (*match)[time] != row[time])
                row[time] = QStringLiteral("T");
            added.append(row);
        }
        if (removed.isEmpty() && added.isEmpty())
            continue;
        QJsonArray r, a;
        for (const QJsonArray& row : removed)
            r.append(row);
        for (const QJsonArray& row : added)
            a.append(row);
        changes.insert(k.key(),
            QJsonObject { { QStringLiteral("columns"), QJsonArray::fromStringList(now.columns) },
                { QStringLiteral("removed"), r }, { QStringLiteral("added"), a } });
    }
    return changes;
}

} // namespace StoreSnapshot
