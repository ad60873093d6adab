#include "TestFixtures.h"

#include "core/SqliteDatabase.h"
#include "jobs/WorkerPool.h"
#include "store/StoreLocation.h"
#include "store/StoreReaderFactory.h"
#include "sync/SyncEngine.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

#include <atomic>
#include <filesystem>
#include <fstream>
#include <memory>
#include <vector>

using namespace prov;
using namespace Qt::StringLiterals;

namespace {

constexpr int liveSyncs = 150;
constexpr int pointsPerBatch = 50;
// Between two batches: a training job logs now and then, and the store stays a few MB.
constexpr unsigned long writerPauseMs = 10;

// The cache's content that must not depend on when it was synced (the sync log and the
// cache's identity are left out; issue ids are renumbered by every sync).
const QStringList comparedTables = { u"experiments"_s, u"experiment_tags"_s, u"runs"_s, u"params"_s, u"tags"_s,
    u"latest_metrics"_s, u"metric_histories"_s, u"dataset_inputs"_s, u"artifacts"_s };

// 32 hex digits, as MLflow's run ids.
QString runIdFor(int batch)
{
    return u"%1"_s.arg(0xabc0000 + batch, 32, 16, QLatin1Char('0'));
}

QStringList rowsOf(const SqliteDatabase& db, const QString& table, const QString& columns)
{
    QStringList rows;
    auto stmt = db.prepare(u"SELECT "_s + columns + u" FROM "_s + table);
    while (stmt && stmt->step())
        rows << stmt->text(0);
    rows.sort();
    return rows;
}

QString quotedColumns(const SqliteDatabase& db, const QString& table, const QStringList& skip = {})
{
    QStringList parts;
    auto stmt = db.prepare(u"SELECT name FROM pragma_table_info(?1)"_s);
    stmt->bind(1, table);
    while (stmt->step()) {
        if (!skip.contains(stmt->text(0)))
            parts << u"quote("_s + stmt->text(0) + u")"_s;
    }
    return parts.join(u" || '|' || "_s);
}

QStringList issuesOf(const SqliteDatabase& db)
{
    return rowsOf(db, u"issues"_s, quotedColumns(db, u"issues"_s, { u"id"_s }));
}

QStringList contentOf(const QString& cachePath)
{
    auto db = SqliteDatabase::open(cachePath, SqliteDatabase::Mode::ReadOnly);
    if (!db)
        return { db.error().describe() };
    QStringList content;
    for (const QString& table : comparedTables) {
        for (const QString& row : rowsOf(*db, table, quotedColumns(*db, table)))
            content << table + u": "_s + row;
    }
    content += issuesOf(*db);
    return content;
}

// A training job writing through MLflow's SQLite backend: metric batches with their latest
// values, a tag per batch, new runs and run ends, each in its own transaction, as SQLAlchemy
// commits them. The database is in MLflow's rollback-journal mode and grows as it goes.
class SqliteTrainingJob
{
public:
    SqliteTrainingJob(QString path, QString runId)
        : m_path(std::move(path))
        , m_runId(std::move(runId))
    { }

    Status batch(int i)
    {
        if (!m_db.isOpen()) {
            auto db = SqliteDatabase::open(m_path, SqliteDatabase::Mode::ReadWrite);
            if (!db)
                return db.error();
            m_db = std::move(db).value();
        }
        if (Status s = logMetrics(i); !s)
            return s;
        if (i % 5 == 4) {
            if (Status s = cloneRun(runIdFor(i)); !s)
                return s;
        }
        if (i % 7 == 6 && !m_lastClone.isEmpty()) {
            return m_db.exec(u"UPDATE runs SET status = 'FINISHED', end_time = %1 WHERE run_uuid = '%2'"_s
                                 .arg(QDateTime::currentMSecsSinceEpoch())
                                 .arg(m_lastClone));
        }
        return {};
    }

private:
    Status logMetrics(int i)
    {
        SqliteTransaction transaction(m_db);
        if (!transaction.beginStatus())
            return transaction.beginStatus();
        auto insert = m_db.prepare(u"INSERT INTO metrics (key, value, timestamp, run_uuid, step, is_nan) "
                                   "VALUES ('live_loss', ?1, ?2, ?3, ?4, 0)"_s);
        if (!insert)
            return insert.error();
        const qint64 base = 1741086395014;
        for (int p = 0; p < pointsPerBatch; ++p) {
            const qint64 step = qint64(i) * pointsPerBatch + p;
            insert->bind(1, 1.0 / double(step + 1));
            insert->bind(2, base + step);
            insert->bind(3, m_runId);
            insert->bind(4, step);
            if (Status s = insert->exec(); !s)
                return s;
        }
        const qint64 last = qint64(i) * pointsPerBatch + pointsPerBatch - 1;
        Status s = m_db.exec(u"INSERT OR REPLACE INTO latest_metrics (key, value, timestamp, step, is_nan, run_uuid) "
                             "VALUES ('live_loss', %1, %2, %3, 0, '%4')"_s.arg(1.0 / double(last + 1), 0, 'g', 17)
                                 .arg(base + last)
                                 .arg(last)
                                 .arg(m_runId));
        if (s)
            s = m_db.exec(
                u"INSERT OR REPLACE INTO tags (key, value, run_uuid) VALUES ('live.batch', '%1', '%2')"_s.arg(i).arg(
                    m_runId));
        return s ? transaction.commit() : s;
    }

    // New runs leave the live metric out: they stay small, so the store does not grow without bound.
    static QString notLive(const QString& table)
    {
        return table.contains(u"metric"_s) ? u" AND key NOT LIKE 'live%'"_s : QString();
    }

    Status cloneRun(const QString& newId)
    {
        SqliteTransaction transaction(m_db);
        if (!transaction.beginStatus())
            return transaction.beginStatus();
        for (const QString& table : { u"runs"_s, u"params"_s, u"tags"_s, u"metrics"_s, u"latest_metrics"_s }) {
            const Status s = m_db.exec(
                u"CREATE TEMP TABLE copy AS SELECT * FROM %1 WHERE run_uuid = '%2'%4;"
                "UPDATE copy SET run_uuid = '%3';"
                "INSERT INTO %1 SELECT * FROM copy; DROP TABLE copy;"_s.arg(table, m_runId, newId, notLive(table)));
            if (!s)
                return s;
        }
        if (Status s = m_db.exec(u"UPDATE runs SET name = '%1', status = 'RUNNING' WHERE run_uuid = '%1'"_s.arg(newId));
            !s)
            return s;
        m_lastClone = newId;
        return transaction.commit();
    }

    QString m_path;
    QString m_runId;
    QString m_lastClone;
    SqliteDatabase m_db;
};

// A training job writing an MLflow file store: metric lines appended in two writes (so a
// reader can find half a line), a new metric file now and then, and new runs that appear
// whole (copied beside the experiment, then renamed into it).
class FileTrainingJob
{
public:
    FileTrainingJob(std::filesystem::path experiment, std::string runId)
        : m_experiment(std::move(experiment))
        , m_runId(std::move(runId))
    { }

    Status batch(int i)
    {
        namespace fs = std::filesystem;
        const fs::path metrics = m_experiment / m_runId / "metrics";
        std::error_code error;
        fs::create_directories(metrics, error);
        const std::string key = i % 10 == 9 ? "live_extra_" + std::to_string(i) : "live_loss";
        std::ofstream out(metrics / key, std::ios::app | std::ios::binary);
        for (int p = 0; p < pointsPerBatch && out; ++p) {
            const long long step = static_cast<long long>(i) * pointsPerBatch + p;
            out << (1741086395014LL + step) << ' ' << (1.0 / double(step + 1));
            out.flush(); // half a line is on disk now
            out << ' ' << step << '\n';
            out.flush();
        }
        if (!out)
            return makeError(ErrorCode::Io, u"cannot append"_s, QString::fromStdString(metrics.string()));
        out.close();
        if (i % 5 == 4) {
            const std::string id = runIdFor(i).toStdString();
            // Outside the store: the folder only appears in it once it is complete.
            const fs::path staging = m_experiment.parent_path().parent_path() / ("staging-" + id);
            fs::copy(m_experiment / m_runId, staging, fs::copy_options::recursive, error);
            std::vector<fs::path> live; // new runs leave the live metrics out: they stay small
            for (const auto& entry : fs::directory_iterator(staging / "metrics", error)) {
                if (entry.path().filename().string().rfind("live", 0) == 0)
                    live.push_back(entry.path());
            }
            for (const fs::path& path : live)
                fs::remove(path, error);
            if (!error && !renameRunInMeta(staging / "meta.yaml", id))
                return makeError(ErrorCode::Io, u"cannot rewrite meta.yaml"_s);
            if (!error)
                fs::rename(staging, m_experiment / id, error);
            if (error)
                return makeError(ErrorCode::Io, QString::fromStdString(error.message()));
        }
        return {};
    }

private:
    bool renameRunInMeta(const std::filesystem::path& meta, const std::string& id) const
    {
        QFile file(QString::fromStdString(meta.string()));
        if (!file.open(QIODevice::ReadOnly))
            return false;
        QByteArray text = file.readAll();
        file.close();
        text.replace(QByteArray::fromStdString(m_runId), QByteArray::fromStdString(id));
        return file.open(QIODevice::WriteOnly | QIODevice::Truncate) && file.write(text) == text.size();
    }

    std::filesystem::path m_experiment;
    std::string m_runId;
};

} // namespace

// A store that a training job writes while Provenance syncs it: hundreds of syncs meet the
// writer at every moment (a database growing mid-read, half a metric line), none fails or
// reports damage, and once the writer stops, one more sync gives exactly a clean sync's cache.
class tst_LiveStore : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    WorkerPool m_workers;
    int m_caches = 0;

    QString freshCache() { return m_dir.filePath(u"cache-%1.sqlite"_s.arg(++m_caches)); }

    Status sync(const QString& store, const QString& cachePath)
    {
        auto location = StoreLocation::fromArgument(store, m_dir.path());
        if (!location)
            return location.error();
        auto reader = StoreReaderFactory::open(*location, m_workers);
        if (!reader)
            return reader.error();
        auto summary = SyncEngine(**reader, cachePath, m_workers).run(CancellationToken());
        if (!summary)
            return summary.error();
        return {};
    }

    // A run without any issue in a clean sync, for the writer to extend.
    static QString cleanRun(const QString& cachePath, QString* experimentId)
    {
        auto db = SqliteDatabase::open(cachePath, SqliteDatabase::Mode::ReadOnly);
        auto stmt
            = db->prepare(u"SELECT run_id, experiment_id FROM runs WHERE lifecycle_stage = 'active' AND run_id "
                          "NOT IN (SELECT run_id FROM issues WHERE run_id IS NOT NULL) ORDER BY run_id LIMIT 1"_s);
        if (!stmt || !stmt->step())
            return {};
        *experimentId = stmt->text(1);
        return stmt->text(0);
    }

    void syncWhileWriting(const QString& store, const std::function<Status(int)>& writeBatch)
    {
        const QString baselineCache = freshCache();
        QVERIFY(sync(store, baselineCache));
        QStringList baselineIssues;
        {
            auto db = SqliteDatabase::open(baselineCache, SqliteDatabase::Mode::ReadOnly);
            QVERIFY(db);
            baselineIssues = issuesOf(*db);
        }
        const QSet<QString> allowedIssues(baselineIssues.cbegin(), baselineIssues.cend());

        std::atomic<bool> stop { false };
        std::atomic<int> batches { 0 };
        Status writerStatus;
        std::unique_ptr<QThread> writer(QThread::create([&] {
            for (int i = 0; !stop && writerStatus; ++i) {
                writerStatus = writeBatch(i);
                ++batches;
                QThread::msleep(writerPauseMs);
            }
        }));
        writer->start();

        const QString liveCache = freshCache();
        QStringList failures;
        for (int i = 0; i < liveSyncs && failures.size() < 5; ++i) {
            if (Status s = sync(store, liveCache); !s) {
                failures << u"sync %1 failed: %2"_s.arg(i).arg(s.error().describe());
                continue;
            }
            auto db = SqliteDatabase::open(liveCache, SqliteDatabase::Mode::ReadOnly);
            for (const QString& issue : issuesOf(*db)) {
                if (!allowedIssues.contains(issue))
                    failures << u"sync %1 reported: %2"_s.arg(i).arg(issue);
            }
        }
        stop = true;
        writer->wait();
        QVERIFY2(writerStatus, qPrintable(writerStatus ? QString() : writerStatus.error().describe()));
        QVERIFY2(failures.isEmpty(), qPrintable(failures.join(u'\n')));
        qInfo() << liveSyncs << "syncs while the writer wrote" << batches.load() << "batches";
        QVERIFY(batches > 10);

        QVERIFY(sync(store, liveCache));
        const QString cleanCache = freshCache();
        QVERIFY(sync(store, cleanCache));
        const QStringList live = contentOf(liveCache);
        const QStringList clean = contentOf(cleanCache);
        QVERIFY(clean.size() > 100);
        if (live != clean) {
            QStringList onlyLive;
            for (const QString& row : live) {
                if (!clean.contains(row))
                    onlyLive << row.left(200);
            }
            QStringList onlyClean;
            for (const QString& row : clean) {
                if (!live.contains(row))
                    onlyClean << row.left(200);
            }
            QFAIL(qPrintable(u"live cache differs; only live:\n"_s + onlyLive.mid(0, 10).join(u'\n')
                + u"\nonly clean:\n"_s + onlyClean.mid(0, 10).join(u'\n')));
        }
    }

private Q_SLOTS:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    void sqliteBackendWrittenWhileSyncing()
    {
        const QString store = m_dir.filePath(u"sqlite/mlflow.db"_s);
        QVERIFY(TestFixtures::copyTree(TestFixtures::dataPath(u"mlflow/sqlite"_s), m_dir.filePath(u"sqlite"_s)));
        const QString probe = freshCache();
        QVERIFY(sync(store, probe));
        QString experimentId;
        const QString runId = cleanRun(probe, &experimentId);
        QVERIFY(!runId.isEmpty());
        SqliteTrainingJob job(store, runId);
        syncWhileWriting(store, [&job](int i) { return job.batch(i); });
    }

    void fileStoreWrittenWhileSyncing()
    {
        const QString store = m_dir.filePath(u"files/mlruns"_s);
        QVERIFY(TestFixtures::copyTree(TestFixtures::dataPath(u"mlflow/mlruns"_s), store));
        const QString probe = freshCache();
        QVERIFY(sync(store, probe));
        QString experimentId;
        const QString runId = cleanRun(probe, &experimentId);
        QVERIFY(!runId.isEmpty());
        FileTrainingJob job(std::filesystem::path(QFile::encodeName(store).toStdString()) / experimentId.toStdString(),
            runId.toStdString());
        syncWhileWriting(store, [&job](int i) { return job.batch(i); });
    }
};

QTEST_GUILESS_MAIN(tst_LiveStore)
#include "tst_LiveStore.moc"
