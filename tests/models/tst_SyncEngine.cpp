#include "sync/SyncEngine.h"

#include "CountingReader.h"
#include "TestFixtures.h"
#include "cache/CacheLocator.h"
#include "core/SqliteDatabase.h"
#include "jobs/WorkerPool.h"
#include "journal/BindingHistoryQuery.h"
#include "journal/JournalDatabase.h"
#include "query/CacheReader.h"
#include "query/RegistryQuery.h"
#include "store/StoreReaderFactory.h"

#include <QDir>
#include <QFile>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace prov;
using namespace Qt::StringLiterals;

namespace {

const QString trial00 = u"642966678904196211/fa215889e2074ba39d9cf6b1ddce5853"_s;
const QString trial00Id = u"fa215889e2074ba39d9cf6b1ddce5853"_s;
const QString trial01 = u"642966678904196211/5a57c458f5fb408f8b865636513e782d"_s;
const QString trial01Id = u"5a57c458f5fb408f8b865636513e782d"_s;
const QString quickCheck = u"0/0bc2d1fa8f714429b9ab2dff6254caff"_s;

bool appendTo(const QString& path, const QByteArray& bytes)
{
    QFile file(path);
    return file.open(QIODevice::Append) && file.write(bytes) == bytes.size();
}

bool overwrite(const QString& path, const QByteArray& bytes)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly | QIODevice::Truncate) && file.write(bytes) == bytes.size();
}

// A scratch copy of a fixture store and a cache for it, synced through a CountingReader.
class Scratch
{
public:
    explicit Scratch(const QString& fixture = u"mlflow/mlruns"_s)
    {
        const QString target = m_dir.filePath(QFileInfo(fixture).fileName());
        const QString source = TestFixtures::dataPath(fixture);
        m_ok = QFileInfo(source).isDir() ? TestFixtures::copyTree(source, target) : QFile::copy(source, target);
        auto location = StoreLocation::fromArgument(target, QDir::currentPath());
        m_ok = m_ok && location;
        if (location)
            m_location = *location;
        m_cachePath = CacheLocator::databasePath(m_dir.filePath(u"cache"_s), m_location);
        m_journalPath = m_dir.filePath(u"journal/store.sqlite"_s);
    }

    bool ok() const { return m_ok; }
    QString store(const QString& relative = {}) const
    {
        return relative.isEmpty() ? m_location.path : QDir(m_location.path).filePath(relative);
    }
    const QString& cachePath() const { return m_cachePath; }
    const QString& journalPath() const { return m_journalPath; }
    const CountingReader& reader() const { return *m_counting; }

    Result<SyncSummary> sync(const CancellationToken& cancel = {}, const SyncProgressCallback& progress = {})
    {
        auto reader = StoreReaderFactory::open(m_location, m_workers);
        if (!reader)
            return reader.error();
        m_inner = std::move(reader).value();
        m_counting = std::make_unique<CountingReader>(*m_inner);
        SyncOptions options;
        options.journalPath = m_journalPath;
        return SyncEngine(*m_counting, m_cachePath, m_workers, options).run(cancel, progress);
    }

    qint64 count(const QString& sql) const
    {
        auto cache = CacheReader::open(m_cachePath);
        return cache ? cache->database().queryInt(sql).valueOr(-1) : -1;
    }

private:
    WorkerPool m_workers;
    QTemporaryDir m_dir;
    bool m_ok = false;
    StoreLocation m_location;
    QString m_cachePath;
    QString m_journalPath;
    std::unique_ptr<StoreReader> m_inner;
    std::unique_ptr<CountingReader> m_counting;
};

} // namespace

// Sync brings a cache up to date with its store, reading only what changed, keeping whole
// runs only, and never touching the store.
class tst_SyncEngine : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void coldSyncHoldsExactlyTheManifestsPoints();
    void warmSyncReadsNothing();
    void appendedMetricLineRereadsOnlyThatHistory();
    void changedParamRereadsTheRunButNoHistory();
    void deletedRunsAndExperimentsLeaveTheCache();
    void unreadableRunKeepsItsCachedCopyAndIsReported();
    void badMetricLineIsReportedOnEverySync();
    void cancelledSyncKeepsOnlyWholeRuns();
    void syncNeverModifiesTheStore_data();
    void syncNeverModifiesTheStore();
    void aliasMovesAreRecordedAsObservedHistory();
    void historySurvivesClearingTheCache();
    void anOldCachesHistoryMovesToTheJournal();
    void sqliteStoreSyncsIncrementally();
    void vanishedStoreFailsWithoutTouchingTheCache();
    void cacheFromANewerVersionIsRefused();
    void unusableCacheIsMovedAsideAndRebuilt();
};

void tst_SyncEngine::coldSyncHoldsExactlyTheManifestsPoints()
{
    Scratch s;
    QVERIFY(s.ok());
    auto summary = s.sync();
    QVERIFY2(summary, qPrintable(summary ? QString() : summary.error().describe()));
    QCOMPARE(summary->record.experiments, 5);
    QCOMPARE(summary->record.runs, 30);
    QCOMPARE(summary->record.runsRead, 30);
    QCOMPARE(summary->record.metricPoints, 13970);
    QCOMPARE(summary->record.issues, 0);
    QCOMPARE(s.reader().runsRead().size(), 30);

    // Every run x metric holds exactly the manifest's number of points.
    const QJsonObject runs = TestFixtures::readJson(TestFixtures::dataPath(u"mlflow/manifest-filestore.json"_s))
                                 .object()
                                 .value(u"runs"_s)
                                 .toObject();
    auto cache = CacheReader::open(s.cachePath());
    QVERIFY(cache);
    auto stmt = cache->database().prepare(u"SELECT point_count FROM latest_metrics WHERE run_id = ?1 AND key = ?2"_s);
    QVERIFY(stmt);
    int checked = 0;
    for (auto run = runs.begin(); run != runs.end(); ++run) {
        const QJsonObject metrics = run->toObject().value(u"metrics"_s).toObject();
        for (auto metric = metrics.begin(); metric != metrics.end(); ++metric) {
            stmt->bind(1, run->toObject().value(u"run_id"_s).toString());
            stmt->bind(2, metric.key());
            QVERIFY2(stmt->step(), qPrintable(run.key() + u'/' + metric.key()));
            QCOMPARE(stmt->int64(0), metric->toInteger());
            stmt->reset();
            ++checked;
        }
    }
    QCOMPARE(checked, s.count(u"SELECT count(*) FROM latest_metrics"_s));
}

void tst_SyncEngine::warmSyncReadsNothing()
{
    Scratch s;
    QVERIFY(s.ok() && s.sync());
    auto summary = s.sync();
    QVERIFY(summary);
    QCOMPARE(summary->record.runsRead, 0);
    QCOMPARE(summary->runsUnchanged, 30);
    QCOMPARE(summary->record.metricPoints, 13970);
    QVERIFY(s.reader().runsRead().isEmpty());
    QVERIFY(s.reader().metricsRead().isEmpty());
    QCOMPARE(s.count(u"SELECT count(*) FROM syncs WHERE outcome = 'completed'"_s), 2);
}

void tst_SyncEngine::appendedMetricLineRereadsOnlyThatHistory()
{
    Scratch s;
    QVERIFY(s.ok() && s.sync());
    QVERIFY(appendTo(s.store(trial00 + u"/metrics/val_loss"_s), "1741090000000 0.0625 200\n"));
    auto summary = s.sync();
    QVERIFY(summary);
    QCOMPARE(summary->record.runsRead, 1);
    QCOMPARE(s.reader().runsRead(), QStringList { trial00Id });
    QCOMPARE(s.reader().metricsRead(), QStringList { trial00Id + u"/val_loss"_s });
    QCOMPARE(summary->record.metricPoints, 13971);
    QCOMPARE(
        s.count(u"SELECT point_count FROM latest_metrics WHERE run_id = '%1' AND key = 'val_loss'"_s.arg(trial00Id)),
        201);
    QCOMPARE(
        s.count(u"SELECT step FROM latest_metrics WHERE run_id = '%1' AND key = 'val_loss'"_s.arg(trial00Id)), 200);
}

void tst_SyncEngine::changedParamRereadsTheRunButNoHistory()
{
    Scratch s;
    QVERIFY(s.ok() && s.sync());
    QVERIFY(overwrite(s.store(trial00 + u"/params/C"_s), "2.5"));
    auto summary = s.sync();
    QVERIFY(summary);
    QCOMPARE(s.reader().runsRead(), QStringList { trial00Id });
    QVERIFY(s.reader().metricsRead().isEmpty());
    auto cache = CacheReader::open(s.cachePath());
    QVERIFY(cache);
    auto stmt = cache->database().prepare(u"SELECT value FROM params WHERE run_id = ?1 AND key = 'C'"_s);
    QVERIFY(stmt);
    stmt->bind(1, trial00Id);
    QVERIFY(stmt->step());
    QCOMPARE(stmt->text(0), u"2.5"_s);
    QCOMPARE(summary->record.metricPoints, 13970); // histories kept as they were
}

void tst_SyncEngine::deletedRunsAndExperimentsLeaveTheCache()
{
    Scratch s;
    QVERIFY(s.ok() && s.sync());
    QVERIFY(QDir(s.store(quickCheck)).removeRecursively());
    QVERIFY(QDir(s.store(u"744321651869107866"_s)).removeRecursively()); // the Unicode experiment, 5 runs
    auto summary = s.sync();
    QVERIFY(summary);
    QCOMPARE(summary->runsRemoved, 1);
    QCOMPARE(s.count(u"SELECT count(*) FROM runs"_s), 24);
    QCOMPARE(s.count(u"SELECT count(*) FROM experiments"_s), 4);
    QCOMPARE(s.count(u"SELECT count(*) FROM params WHERE run_id = '0bc2d1fa8f714429b9ab2dff6254caff'"_s), 0);
    QCOMPARE(s.count(u"SELECT count(*) FROM latest_metrics WHERE run_id NOT IN (SELECT run_id FROM runs)"_s), 0);
    QCOMPARE(s.count(u"SELECT count(*) FROM metric_histories WHERE run_id NOT IN (SELECT run_id FROM runs)"_s), 0);
    QCOMPARE(s.count(u"SELECT count(*) FROM logged_models WHERE experiment_id = '744321651869107866'"_s), 0);
}

void tst_SyncEngine::unreadableRunKeepsItsCachedCopyAndIsReported()
{
    Scratch s;
    QVERIFY(s.ok() && s.sync());
    const QString meta = s.store(trial01 + u"/meta.yaml"_s);
    QVERIFY(overwrite(meta, "run_id: [unclosed\nstatus: {\n"));
    auto summary = s.sync();
    QVERIFY(summary);
    // The run could not be read now, but what was cached of it is not thrown away.
    QCOMPARE(s.count(u"SELECT count(*) FROM runs WHERE run_id = '%1'"_s.arg(trial01Id)), 1);
    QCOMPARE(s.count(u"SELECT count(*) FROM runs"_s), 30);
    auto cache = CacheReader::open(s.cachePath());
    QVERIFY(cache);
    const auto issues = cache->issues();
    QVERIFY(issues);
    QCOMPARE(issues->size(), 1);
    QCOMPARE(issues->first().runId, trial01Id);
    QVERIFY2(issues->first().location.endsWith(u"meta.yaml"_s), qPrintable(issues->first().location));
    // Mended, it is read again and the issue goes away.
    QVERIFY(QFile::remove(meta));
    QVERIFY(QFile::copy(TestFixtures::dataPath(u"mlflow/mlruns/"_s + trial01 + u"/meta.yaml"_s), meta));
    QVERIFY(s.sync());
    QCOMPARE(s.count(u"SELECT count(*) FROM issues"_s), 0);
}

void tst_SyncEngine::badMetricLineIsReportedOnEverySync()
{
    Scratch s;
    QVERIFY(s.ok());
    QVERIFY(appendTo(s.store(trial00 + u"/metrics/val_loss"_s), "this is not a metric line\n"));
    auto first = s.sync();
    QVERIFY(first);
    QCOMPARE(first->record.issues, 1);
    QCOMPARE(first->record.metricPoints, 13970); // the good points are all there
    // Unrelated change to the same run: the damaged history is read (and reported) again.
    QVERIFY(overwrite(s.store(trial00 + u"/params/C"_s), "3.0"));
    auto second = s.sync();
    QVERIFY(second);
    QVERIFY(s.reader().metricsRead().contains(trial00Id + u"/val_loss"_s));
    QCOMPARE(second->record.issues, 1);
    auto third = s.sync(); // nothing changed: the issue stays listed
    QVERIFY(third);
    QCOMPARE(third->record.issues, 1);
}

void tst_SyncEngine::cancelledSyncKeepsOnlyWholeRuns()
{
    Scratch s;
    QVERIFY(s.ok());
    CancellationToken cancel;
    auto summary = s.sync(cancel, [&cancel](const SyncProgress& p) {
        if (p.phase == SyncProgress::Phase::Reading && p.done >= 5)
            cancel.cancel();
    });
    QVERIFY(!summary);
    QCOMPARE(summary.error().code, ErrorCode::Cancelled);
    const qint64 cached = s.count(u"SELECT count(*) FROM runs"_s);
    QVERIFY2(cached >= 5 && cached < 30, qPrintable(QString::number(cached)));
    // Every cached run is whole: all its params and every metric's full history.
    const QJsonObject runs = TestFixtures::readJson(TestFixtures::dataPath(u"mlflow/manifest-filestore.json"_s))
                                 .object()
                                 .value(u"runs"_s)
                                 .toObject();
    for (auto it = runs.begin(); it != runs.end(); ++it) {
        const QString id = it->toObject().value(u"run_id"_s).toString();
        if (s.count(u"SELECT count(*) FROM runs WHERE run_id = '%1'"_s.arg(id)) == 0)
            continue;
        QCOMPARE(s.count(u"SELECT count(*) FROM params WHERE run_id = '%1'"_s.arg(id)),
            it->toObject().value(u"n_params"_s).toInteger());
        qint64 points = 0;
        for (const QJsonValue& n : it->toObject().value(u"metrics"_s).toObject())
            points += n.toInteger();
        QCOMPARE(
            s.count(u"SELECT coalesce(sum(point_count), 0) FROM latest_metrics WHERE run_id = '%1'"_s.arg(id)), points);
    }
    QCOMPARE(s.count(u"SELECT outcome = 'cancelled' FROM syncs"_s), 1);
    // The next sync reads only what is missing.
    auto resumed = s.sync();
    QVERIFY(resumed);
    QCOMPARE(resumed->record.runsRead, 30 - cached);
    QCOMPARE(resumed->record.metricPoints, 13970);
}

void tst_SyncEngine::syncNeverModifiesTheStore_data()
{
    QTest::addColumn<QString>("fixture");
    QTest::newRow("MLflow 3 file store") << u"mlflow/mlruns"_s;
    QTest::newRow("MLflow 3 SQLite") << u"mlflow/sqlite"_s;
    QTest::newRow("MLflow 2 file store") << u"mlflow2/mlruns"_s;
    QTest::newRow("MLflow 2 SQLite") << u"mlflow2/sqlite"_s;
}

void tst_SyncEngine::syncNeverModifiesTheStore()
{
    QFETCH(QString, fixture);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString copy = dir.filePath(u"store"_s);
    QVERIFY(TestFixtures::copyTree(TestFixtures::dataPath(fixture), copy));
    const QString target = fixture.endsWith(u"sqlite"_s) ? copy + u"/mlflow.db"_s : copy;
    auto location = StoreLocation::fromArgument(target, QDir::currentPath());
    QVERIFY(location);
    const QByteArray before = TestFixtures::treeDigest(dir.path());
    const QString cache
        = QDir(QDir::tempPath()).filePath(u"prov-sync-test-"_s + QString::number(QCoreApplication::applicationPid()));
    WorkerPool workers;
    for (int i = 0; i < 2; ++i) {
        auto reader = StoreReaderFactory::open(*location, workers);
        QVERIFY(reader);
        QVERIFY(SyncEngine(**reader, CacheLocator::databasePath(cache, *location), workers).run({}));
    }
    QDir(cache).removeRecursively();
    QCOMPARE(TestFixtures::treeDigest(dir.path()), before);
}

namespace {

std::optional<BindingObservation> championOf(const BindingHistory& history, qint64 version)
{
    for (const BindingObservation& b : history) {
        if (b.kind == u"alias"_s && b.binding == u"champion"_s && b.version == version)
            return b;
    }
    return std::nullopt;
}

Result<BindingHistory> historyIn(const QString& journalPath, const QString& model)
{
    auto journal = JournalDatabase::open(journalPath, JournalDatabase::Access::Read);
    if (!journal)
        return journal.error();
    return BindingHistoryQuery(*journal).intervals(model);
}

} // namespace

void tst_SyncEngine::aliasMovesAreRecordedAsObservedHistory()
{
    Scratch s;
    QVERIFY(s.ok() && s.sync());
    QVERIFY(overwrite(s.store(u"models/iris-classifier/aliases/champion"_s), "3"));
    QVERIFY(s.sync());
    const auto history = historyIn(s.journalPath(), u"iris-classifier"_s);
    QVERIFY(history);
    const auto old = championOf(*history, 2);
    const auto current = championOf(*history, 3);
    QVERIFY(old && current);
    QVERIFY(old->endedSeen.has_value()); // observed ending
    QVERIFY(*old->endedSeen > old->lastSeen);
    QVERIFY(!current->endedSeen.has_value()); // still held
    QCOMPARE(current->firstSeen, *old->endedSeen);
    QCOMPARE(current->how, u"observed-at-sync"_s);
    // Unchanged bindings stay one open interval across syncs.
    const auto production = std::count_if(history->begin(), history->end(),
        [](const BindingObservation& b) { return b.kind == u"stage"_s && b.binding == u"Production"_s; });
    QCOMPARE(production, 1);
    QCOMPARE(s.count(u"SELECT count(*) FROM sqlite_master WHERE name LIKE '%binding_observations'"_s), 0);
}

void tst_SyncEngine::historySurvivesClearingTheCache()
{
    Scratch s;
    QVERIFY(s.ok() && s.sync());
    QVERIFY(overwrite(s.store(u"models/iris-classifier/aliases/champion"_s), "3"));
    QVERIFY(s.sync());
    QVERIFY(QFile::remove(s.cachePath())); // Clear Cached Data
    QVERIFY(s.sync());
    const auto history = historyIn(s.journalPath(), u"iris-classifier"_s);
    QVERIFY(history);
    QVERIFY(championOf(*history, 2) && championOf(*history, 2)->endedSeen);
    QVERIFY(championOf(*history, 3) && !championOf(*history, 3)->endedSeen);
    QCOMPARE(championOf(*history, 3)->sightings, 2);
}

void tst_SyncEngine::anOldCachesHistoryMovesToTheJournal()
{
    Scratch s;
    QVERIFY(s.ok() && s.sync());
    QVERIFY(QFile::remove(s.journalPath()));
    {
        // Turn the cache back into schema 1, as Provenance wrote it before the journal: the
        // history inside it, no signature columns.
        auto old = SqliteDatabase::open(s.cachePath(), SqliteDatabase::Mode::ReadWrite);
        QVERIFY(old);
        QVERIFY(
            old->exec(u"ALTER TABLE logged_models DROP COLUMN signature_inputs;"
                      "ALTER TABLE logged_models DROP COLUMN signature_outputs;"
                      "CREATE TABLE binding_observations (id INTEGER PRIMARY KEY, name TEXT NOT NULL, kind TEXT "
                      "NOT NULL, binding TEXT NOT NULL, version INTEGER NOT NULL, first_seen INTEGER NOT NULL, "
                      "last_seen INTEGER NOT NULL, ended_seen INTEGER, how TEXT NOT NULL DEFAULT 'observed-at-sync');"
                      "INSERT INTO binding_observations (name, kind, binding, version, first_seen, last_seen, "
                      "ended_seen) VALUES ('iris-classifier', 'alias', 'champion', 1, 1000, 2000, 3000),"
                      " ('iris-classifier', 'alias', 'champion', 2, 3000, 4000, NULL);"
                      "PRAGMA user_version = 1;"_s));
    }
    QVERIFY(s.sync()); // migrates the cache: the rows go to the journal, then the table goes
    QCOMPARE(s.count(u"SELECT count(*) FROM sqlite_master WHERE name LIKE '%binding_observations'"_s), 0);
    const auto history = historyIn(s.journalPath(), u"iris-classifier"_s);
    QVERIFY(history);
    QVERIFY(championOf(*history, 1) && championOf(*history, 1)->firstSeen == 1000);
    // The imported open interval was extended by this sync, which still saw version 2.
    QVERIFY(championOf(*history, 2) && championOf(*history, 2)->firstSeen == 3000);
    QVERIFY(championOf(*history, 2)->lastSeen > 4000);
    QVERIFY(!championOf(*history, 2)->endedSeen);
}

void tst_SyncEngine::sqliteStoreSyncsIncrementally()
{
    Scratch s(u"mlflow/sqlite/mlflow.db"_s);
    QVERIFY(s.ok());
    auto cold = s.sync();
    QVERIFY(cold);
    QCOMPARE(cold->record.runsRead, 30);
    QCOMPARE(cold->record.metricPoints, 13970);
    auto warm = s.sync();
    QVERIFY(warm);
    QCOMPARE(warm->record.runsRead, 0);
    // A point logged later (as MLflow would: a new row plus latest_metrics) is picked up alone.
    {
        auto db = SqliteDatabase::open(s.store(), SqliteDatabase::Mode::ReadWrite);
        QVERIFY(db);
        QVERIFY(
            db->exec(u"INSERT INTO metrics (key, value, timestamp, run_uuid, step, is_nan) SELECT key, 0.5,"
                     " timestamp + 1000, run_uuid, step + 1, 0 FROM latest_metrics WHERE run_uuid = (SELECT run_uuid"
                     " FROM runs WHERE name = 'trial-00') AND key = 'val_loss'"_s));
    }
    auto after = s.sync();
    QVERIFY(after);
    QCOMPARE(after->record.runsRead, 1);
    QCOMPARE(s.reader().metricsRead().size(), 1);
    QCOMPARE(after->record.metricPoints, 13971);
}

void tst_SyncEngine::vanishedStoreFailsWithoutTouchingTheCache()
{
    Scratch s;
    QVERIFY(s.ok() && s.sync());
    QVERIFY(QDir(s.store()).removeRecursively());
    auto summary = s.sync();
    QVERIFY(!summary);
    QCOMPARE(summary.error().code, ErrorCode::NotFound);
    QCOMPARE(s.count(u"SELECT count(*) FROM runs"_s), 30);
}

void tst_SyncEngine::cacheFromANewerVersionIsRefused()
{
    Scratch s;
    QVERIFY(s.ok() && s.sync());
    {
        auto db = SqliteDatabase::open(s.cachePath(), SqliteDatabase::Mode::ReadWrite);
        QVERIFY(db && db->exec(u"PRAGMA user_version = 99"_s));
    }
    auto summary = s.sync();
    QVERIFY(!summary);
    QCOMPARE(summary.error().code, ErrorCode::Unsupported);
    QVERIFY(summary.error().message.contains(u"newer"_s));
}

void tst_SyncEngine::unusableCacheIsMovedAsideAndRebuilt()
{
    Scratch s;
    QVERIFY(s.ok());
    QVERIFY(QDir().mkpath(QFileInfo(s.cachePath()).absolutePath()));
    QVERIFY(overwrite(s.cachePath(), QByteArray(4096, 'x')));
    auto summary = s.sync();
    QVERIFY2(summary, qPrintable(summary ? QString() : summary.error().describe()));
    QCOMPARE(summary->record.runsRead, 30);
    const QStringList aside
        = QFileInfo(s.cachePath()).dir().entryList({ QFileInfo(s.cachePath()).fileName() + u".corrupt-*"_s });
    QCOMPARE(aside.size(), 1);
}

QTEST_GUILESS_MAIN(tst_SyncEngine)
#include "tst_SyncEngine.moc"
