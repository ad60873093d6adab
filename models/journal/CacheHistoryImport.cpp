#include "journal/CacheHistoryImport.h"

#include "core/LogCategories.h"
#include "core/SqliteDatabase.h"

#include <QFileInfo>

namespace prov {
namespace {

struct Interval
{
    QString name, kind, binding, how;
    qint64 version = 0, firstSeen = 0, lastSeen = 0;
    std::optional<qint64> endedSeen;
};

const QString legacyTable = QStringLiteral("legacy_binding_observations");
const QString version1Table = QStringLiteral("binding_observations");

Result<QList<Interval>> readRows(const SqliteDatabase& cache, const QString& table)
{
    QList<Interval> rows;
    auto stmt = cache.prepare(QStringLiteral("SELECT name, kind, binding, version, first_seen, last_seen, ended_seen, "
                                             "how FROM ")
        + table + QStringLiteral(" ORDER BY id"));
    if (!stmt)
        return stmt.error();
    while (stmt->step()) {
        rows.append({ stmt->text(0), stmt->text(1), stmt->text(2), stmt->text(7), stmt->int64(3), stmt->int64(4),
            stmt->int64(5), stmt->optionalInt64(6) });
    }
    if (!stmt->lastStatus())
        return stmt->lastStatus().error();
    return rows;
}

Status insertInterval(const SqliteDatabase& journal, const Interval& row, std::optional<qint64> firstJournalSight)
{
    auto exists = journal.prepare(QStringLiteral("SELECT 1 FROM binding_observations WHERE name = ?1 AND kind = ?2 "
                                                 "AND binding = ?3 AND version = ?4 AND first_seen = ?5"));
    if (!exists)
        return exists.error();
    exists->bind(1, row.name);
    exists->bind(2, row.kind);
    exists->bind(3, row.binding);
    exists->bind(4, row.version);
    exists->bind(5, row.firstSeen);
    if (exists->step())
        return {};
    auto insert
        = journal.prepare(QStringLiteral("INSERT INTO binding_observations (name, kind, binding, version, "
                                         "first_seen, last_seen, ended_seen, how) VALUES (?1,?2,?3,?4,?5,?6,?7,?8)"));
    if (!insert)
        return insert.error();
    insert->bind(1, row.name);
    insert->bind(2, row.kind);
    insert->bind(3, row.binding);
    insert->bind(4, row.version);
    insert->bind(5, row.firstSeen);
    insert->bind(6, row.lastSeen);
    insert->bind(7, row.endedSeen ? row.endedSeen : firstJournalSight);
    insert->bind(8, row.how.isEmpty() ? QStringLiteral("observed-at-sync") : row.how);
    if (Status s = insert->exec(); !s)
        return s;
    // Every time an interval names was a sync that read the registry.
    auto sight
        = journal.prepare(QStringLiteral("INSERT OR IGNORE INTO registry_observations (observed_at) VALUES (?1)"));
    if (!sight)
        return sight.error();
    for (const std::optional<qint64>& at :
        { std::optional<qint64>(row.firstSeen), std::optional<qint64>(row.lastSeen), row.endedSeen }) {
        if (!at)
            continue;
        sight->bind(1, *at);
        if (Status s = sight->exec(); !s)
            return s;
    }
    return {};
}

Status copyIntoJournal(const QList<Interval>& rows, const SqliteDatabase& journal)
{
    SqliteTransaction transaction(journal);
    if (!transaction.beginStatus())
        return transaction.beginStatus();
    auto first = journal.queryInt(QStringLiteral("SELECT coalesce(min(observed_at), -1) FROM registry_observations"));
    if (!first)
        return first.error();
    const std::optional<qint64> firstJournalSight = *first >= 0 ? std::optional<qint64>(*first) : std::nullopt;
    for (const Interval& row : rows) {
        if (Status s = insertInterval(journal, row, firstJournalSight); !s)
            return s;
    }
    return transaction.commit();
}

} // namespace

Result<int> CacheHistoryImport::run(const SqliteDatabase& cache, const SqliteDatabase& journal)
{
    if (!cache.tableExists(legacyTable))
        return 0;
    auto rows = readRows(cache, legacyTable);
    if (!rows)
        return rows.error();
    if (!rows->isEmpty()) {
        if (Status s = copyIntoJournal(*rows, journal); !s)
            return s.error();
        qCInfo(lcJournal) << "moved" << rows->size() << "alias and stage intervals from" << cache.path()
                          << "to the journal";
    }
    if (Status s = cache.exec(QStringLiteral("DROP TABLE ") + legacyTable); !s)
        return s.error();
    return static_cast<int>(rows->size());
}

Result<int> CacheHistoryImport::runOnFile(const QString& cachePath, const SqliteDatabase& journal)
{
    if (!QFileInfo::exists(cachePath))
        return 0;
    auto cache = SqliteDatabase::open(cachePath, SqliteDatabase::Mode::ReadOnly);
    if (!cache)
        return cache.error();
    for (const QString& table : { legacyTable, version1Table }) {
        if (!cache->tableExists(table))
            continue;
        auto rows = readRows(*cache, table);
        if (!rows)
            return rows.error();
        if (Status s = copyIntoJournal(*rows, journal); !s)
            return s.error();
        return static_cast<int>(rows->size());
    }
    return 0;
}

} // namespace prov
