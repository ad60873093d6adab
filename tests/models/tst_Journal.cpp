#include "journal/BindingHistoryQuery.h"
#include "journal/BindingRecorder.h"
#include "journal/CacheHistoryImport.h"
#include "journal/CardDraftStore.h"
#include "journal/JournalDatabase.h"
#include "journal/JournalSchema.h"
#include "journal/Outbox.h"

#include <QTemporaryDir>
#include <QTest>

using namespace prov;
using namespace Qt::StringLiterals;

namespace {

RegisteredModel model(const QString& name, QList<ModelAlias> aliases, QList<std::pair<qint64, QString>> stages)
{
    RegisteredModel m;
    m.name = name;
    m.aliases = std::move(aliases);
    for (const auto& [version, stage] : stages) {
        ModelVersion v;
        v.name = name;
        v.version = version;
        v.stage = stage;
        m.versions.append(v);
    }
    return m;
}

} // namespace

// The journal: the history of alias and stage bindings as syncs observe them, card drafts and
// the outbox, in a versioned database that only Provenance writes.
class tst_Journal : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    int m_files = 0;

    QString freshPath() { return m_dir.filePath(u"journal-%1.sqlite"_s.arg(++m_files)); }

private Q_SLOTS:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    void opensMigratedWalAndRefusesANewerJournal()
    {
        const QString path = freshPath();
        {
            auto db = JournalDatabase::open(path, JournalDatabase::Access::Write);
            QVERIFY(db);
            QCOMPARE(db->queryInt(u"PRAGMA user_version"_s).valueOr(-1), qint64(JournalSchema::CurrentVersion));
            auto mode = db->prepare(u"PRAGMA journal_mode"_s);
            QVERIFY(mode && mode->step());
            QCOMPARE(mode->text(0), u"wal"_s);
            QVERIFY(db->exec(u"PRAGMA user_version = 99"_s));
        }
        auto newer = JournalDatabase::open(path, JournalDatabase::Access::Write);
        QVERIFY(!newer);
        QCOMPARE(newer.error().code, ErrorCode::Unsupported);
        QVERIFY(newer.error().message.contains(u"newer Provenance"_s));
    }

    void aDamagedJournalIsReportedAndLeftAlone()
    {
        const QString path = freshPath();
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(QByteArray(4096, 'x'));
        file.close();
        auto db = JournalDatabase::open(path, JournalDatabase::Access::Write);
        QVERIFY(!db);
        QCOMPARE(db.error().code, ErrorCode::Corrupt);
        QVERIFY(db.error().message.contains(u"left untouched"_s));
        QVERIFY(QFile::exists(path));
        QCOMPARE(QFileInfo(path).size(), qint64(4096));
    }

    void recordsIntervalsAndGapsAcrossSyncs()
    {
        auto db = JournalDatabase::open(freshPath(), JournalDatabase::Access::Write);
        QVERIFY(db);
        BindingRecorder recorder(*db);
        const QString name = u"fraud"_s;
        QVERIFY(recorder.record(
            { model(name, { { u"champion"_s, 1 } }, { { 1, u"Production"_s }, { 2, u"None"_s } }) }, 1000, u"s1"_s));
        QVERIFY(recorder.record(
            { model(name, { { u"champion"_s, 1 } }, { { 1, u"Production"_s }, { 2, u"Staging"_s } }) }, 2000, u"s2"_s));
        QVERIFY(
            recorder.record({ model(name, { { u"champion"_s, 2 } }, { { 1, u"Archived"_s }, { 2, u"Production"_s } }) },
                3000, u"s3"_s));
        // An observation older than the newest recorded one (a slower concurrent sync) is skipped.
        QVERIFY(recorder.record({ model(name, {}, {}) }, 2500, u"late"_s));

        const auto history = BindingHistoryQuery(*db).intervals(name);
        QVERIFY(history);
        QList<QString> champion;
        for (const BindingObservation& o : *history) {
            if (o.isAlias())
                champion << u"v%1 %2-%3 ended %4 x%5"_s.arg(o.version)
                                .arg(o.firstSeen)
                                .arg(o.lastSeen)
                                .arg(o.endedSeen.value_or(-1))
                                .arg(o.sightings);
        }
        QCOMPARE(champion, (QList<QString> { u"v1 1000-2000 ended 3000 x2"_s, u"v2 3000-3000 ended -1 x1"_s }));

        // Between 2000 and 3000 nothing is known: the answer is the last sync before, with the next one beside it.
        const auto answer = BindingHistoryQuery(*db).holderAt(name, u"alias"_s, u"champion"_s, 2600);
        QVERIFY(answer);
        QCOMPARE(answer->observedAt, qint64(2000));
        QCOMPARE(answer->version, std::optional<qint64>(1));
        QCOMPARE(answer->nextObservation, std::optional<qint64>(3000));
        QCOMPARE(answer->nextVersion, std::optional<qint64>(2));

        const auto state = BindingHistoryQuery(*db).stateAt(2000);
        QVERIFY(state);
        QCOMPARE(state->models.value(name).stages.value(2), u"Staging"_s);
        QCOMPARE(state->models.value(name).versions, (QSet<qint64> { 1, 2 }));

        const auto before = BindingHistoryQuery(*db).stateAt(999);
        QVERIFY(!before);
        QCOMPARE(before.error().code, ErrorCode::NotFound);
        QVERIFY(before.error().message.contains(u"before the first sync"_s));
    }

    void movesACachesHistoryInOnceAndDropsItFromTheCache()
    {
        const QString cachePath = freshPath();
        {
            // A cache of schema 1 with observations in it, then migrated: the table is renamed, not dropped.
            auto cache = SqliteDatabase::open(cachePath, SqliteDatabase::Mode::ReadWrite);
            QVERIFY(cache);
            QVERIFY(cache->exec(
                u"CREATE TABLE binding_observations (id INTEGER PRIMARY KEY, name TEXT NOT NULL, kind TEXT NOT NULL, "
                "binding TEXT NOT NULL, version INTEGER NOT NULL, first_seen INTEGER NOT NULL, last_seen INTEGER NOT "
                "NULL, "
                "ended_seen INTEGER, how TEXT NOT NULL DEFAULT 'observed-at-sync');"
                "INSERT INTO binding_observations (name, kind, binding, version, first_seen, last_seen, ended_seen) "
                "VALUES "
                "('m', 'alias', 'champion', 1, 100, 200, 300), ('m', 'alias', 'champion', 2, 300, 400, NULL);"
                "ALTER TABLE binding_observations RENAME TO legacy_binding_observations;"_s));
        }
        auto journal = JournalDatabase::open(freshPath(), JournalDatabase::Access::Write);
        QVERIFY(journal);
        auto cache = SqliteDatabase::open(cachePath, SqliteDatabase::Mode::ReadWrite);
        QVERIFY(cache);
        const auto moved = CacheHistoryImport::run(*cache, *journal);
        QVERIFY(moved);
        QCOMPARE(*moved, 2);
        QVERIFY(!cache->tableExists(u"legacy_binding_observations"_s));
        QCOMPARE(CacheHistoryImport::run(*cache, *journal).valueOr(-1), 0);
        const auto history = BindingHistoryQuery(*journal).intervals(u"m"_s);
        QVERIFY(history);
        QCOMPARE(history->size(), 2);
        QVERIFY(!history->last().endedSeen); // still open: the next sync extends or closes it
        QCOMPARE(BindingHistoryQuery(*journal).observationTimes().valueOr({}), (QList<qint64> { 100, 200, 300, 400 }));
        // The next sync carries on from the imported state.
        QVERIFY(BindingRecorder(*journal).record({ model(u"m"_s, { { u"champion"_s, 2 } }, {}) }, 500, u"s"_s));
        const auto after = BindingHistoryQuery(*journal).intervals(u"m"_s);
        QVERIFY(after);
        QCOMPARE(after->size(), 2);
        QCOMPARE(after->last().lastSeen, qint64(500));
    }

    void keepsDraftsAndOutboxEntries()
    {
        auto db = JournalDatabase::open(freshPath(), JournalDatabase::Access::Write);
        QVERIFY(db);
        CardDraftStore drafts(*db);
        QVERIFY(drafts.save({ u"m"_s, 2,
            { { u"owners"_s, u"Risk team <risk@example.com>"_s }, { u"license"_s, QString() } }, CardFields {}, 0 }));
        const auto draft = drafts.load(u"m"_s, 2);
        QVERIFY(draft && *draft);
        QCOMPARE((*draft)->fields, (CardFields { { u"owners"_s, u"Risk team <risk@example.com>"_s } }));
        QVERIFY((*draft)->base && (*draft)->base->isEmpty());

        Outbox outbox(*db);
        const RegistryWrites writes { RegistryWrite::setVersionTag(u"m"_s, 2, u"k"_s, u"v"_s),
            RegistryWrite::transitionStage(u"m"_s, 2, u"Production"_s, true),
            RegistryWrite::deleteAlias(u"m"_s, u"old"_s) };
        const auto id
            = outbox.enqueue(u"summary"_s, writes, OutboxCard { u"m"_s, 2, { { u"users"_s, u"analysts"_s } } });
        QVERIFY(id);
        QCOMPARE(outbox.pendingCount().valueOr(-1), qint64(1));
        QVERIFY(outbox.recordFailure(*id, u"the store folder is not there"_s, false));
        auto entries = outbox.entries();
        QVERIFY(entries && entries->size() == 1);
        QCOMPARE(entries->first().writes, writes);
        QCOMPARE(entries->first().attempts, qint64(1));
        QCOMPARE(entries->first().cardFields.value(u"users"_s), u"analysts"_s);
        QVERIFY(outbox.recordFailure(*id, u"refused"_s, true));
        QCOMPARE(outbox.pendingCount().valueOr(-1), qint64(0));
        QVERIFY(outbox.retry(*id));
        QCOMPARE(outbox.pendingCount().valueOr(-1), qint64(1));
        QVERIFY(outbox.remove(*id));
        QCOMPARE(outbox.entries().valueOr({}).size(), 0);
    }
};

QTEST_GUILESS_MAIN(tst_Journal)
#include "tst_Journal.moc"
