#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QMap>
#include <QString>
#include <QStringList>

// What a store holds, to compare before and after a write: every file of a file store (by
// relative path), or every row of every table of an SQLite backend (as text, NULL as a null
// string), so that "nothing else changed" can be checked exactly.
namespace StoreSnapshot {

using Files = QMap<QString, QByteArray>;
// table -> rows, each row its columns as text joined by \x1f (sorted, duplicates kept).
using Tables = QMap<QString, QStringList>;

Files files(const QString& root);
Tables tables(const QString& databasePath);

// path -> new content (null QByteArray when removed), for files that differ.
QMap<QString, QByteArray> changedFiles(const Files& before, const Files& after);

// MLflow's registry tables as make_writes.py records a change: per table, the rows removed and
// added, with last_updated_time set to "T" where it moved; tables without change are left out.
QJsonObject registryChanges(const QString& before, const QString& after);

} // namespace StoreSnapshot
