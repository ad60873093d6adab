#include "TestFixtures.h"

#include "cache/CacheDatabase.h"
#include "cache/CacheLock.h"
#include "cache/CacheSchema.h"
#include "cache/CacheWriter.h"
#include "core/SqliteDatabase.h"
#include "core/SqliteError.h"
#include "journal/JournalDatabase.h"
#include "journal/JournalSchema.h"
#include "query/CacheReader.h"
#include "sync/CacheClear.h"

#include <QDir>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

#include <atomic>
#include <functional>
#include <memory>
#include <vector>

using namespace prov;
using namespace Qt::StringLiterals;

// Several users of one cache at once, within one process (threads) here and across processes
// in tst_CliConcurrency: a new cache is migrated once however many open it together, locks say
// who may write or clear, a clear never removes a file a reader has open, and SQLite's failures
// read as sentences.
class tst_CacheConcurrency : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    int m_files = 0;

    QString freshPath() { return m_dir.filePath(u"cache-%1/store.sqlite"_s.arg(++m_files)); }

    // Runs `work(i)` on `count` threads started together; returns how many returned true.
    static int onThreads(int count, const std::function<bool(int)>& work)
    {
        std::atomic<int> succeeded { 0 };
        std::atomic<bool> go { false };
        std::vector<std::unique_ptr<QThread>> threads;
        for (int i = 0; i < count; ++i) {
            threads.emplace_back(QThread::create([&, i] {
                while (!go)
                    QThread::yieldCurrentThread();
                if (work(i))
                    ++succeeded;
            }));
            threads.back()->start();
        }
        go = true;
        for (auto& thread : threads)
            thread->wait();
        return succeeded;
    }

private Q_SLOTS:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    void aNewCacheOpenedByManyAtOnceIsMigratedOnce()
    {
        for (int round = 0; round < 20; ++round) {
            const QString path = freshPath();
            QVERIFY(QDir().mkpath(QFileInfo(path).absolutePath()));
            const int opened = onThreads(4, [&](int) {
                auto db = CacheDatabase::open(path, CacheDatabase::Access::Write);
                if (!db)
                    qWarning() << db.error().describe();
                return db.ok();
            });
            QCOMPARE(opened, 4);
            auto db = CacheDatabase::open(path, CacheDatabase::Access::Read);
            QVERIFY(db);
            QCOMPARE(db->queryInt(u"PRAGMA user_version"_s).valueOr(-1), qint64(CacheSchema::CurrentVersion));
        }
    }

    void aNewJournalOpenedByManyAtOnceIsMigratedOnce()
    {
        for (int round = 0; round < 20; ++round) {
            const QString path = freshPath();
            const int opened = onThreads(3, [&](int) {
                auto db = JournalDatabase::open(path, JournalDatabase::Access::Write);
                if (!db)
                    qWarning() << db.error().describe();
                return db.ok();
            });
            QCOMPARE(opened, 3);
        }
    }

    void usersShareTheCacheAndAClearNeedsItAlone()
    {
        const QString path = freshPath();
        auto first = CacheLock::tryAcquire(path, CacheLock::Kind::Use);
        auto second = CacheLock::tryAcquire(path, CacheLock::Kind::Use);
        QVERIFY(first && second);
        QVERIFY(!CacheLock::tryAcquire(path, CacheLock::Kind::Clear));
        first->release();
        QVERIFY(!CacheLock::tryAcquire(path, CacheLock::Kind::Clear));
        second->release();
        auto clear = CacheLock::tryAcquire(path, CacheLock::Kind::Clear);
        QVERIFY(clear);
        const auto refused = CacheLock::tryAcquire(path, CacheLock::Kind::Use);
        QVERIFY(!refused);
        QCOMPARE(refused.error().code, ErrorCode::Unsupported);
    }

    void aSecondWriterWaitsForTheFirst()
    {
        const QString path = freshPath();
        auto first = CacheWriter::open(path);
        QVERIFY(first);
        QVERIFY(!CacheLock::tryAcquire(path, CacheLock::Kind::Sync));

        CancellationToken cancel;
        cancel.cancel();
        const auto cancelled = CacheWriter::open(path, cancel);
        QVERIFY(!cancelled);
        QCOMPARE(cancelled.error().code, ErrorCode::Cancelled);

        int waits = 0;
        std::unique_ptr<QThread> release(QThread::create([&first] {
            QThread::msleep(200);
            first->reset();
        }));
        release->start();
        auto second = CacheWriter::open(path, CancellationToken(), [&waits] { ++waits; });
        release->wait();
        QVERIFY2(second, qPrintable(second ? QString() : second.error().describe()));
        QCOMPARE(waits, 1);
    }

    void clearIsRefusedWhileAReaderHasTheFileOpen()
    {
        const QString path = freshPath();
        const QString journal = m_dir.filePath(u"journal-for-clear.sqlite"_s);
        QVERIFY(TestFixtures::syncInto(u"mlflow/mlruns"_s, path));
        {
            auto reader = CacheReader::open(path);
            QVERIFY(reader);
            const Status refused = CacheClear::run(path, journal);
            QVERIFY(!refused);
            QVERIFY2(refused.error().message.contains(u"in use"_s), qPrintable(refused.error().message));
            QVERIFY(QFileInfo::exists(path));
            QVERIFY(reader->info()); // still readable: nothing was taken away
        }
        {
            auto user = CacheLock::tryAcquire(path, CacheLock::Kind::Use);
            QVERIFY(user);
            QVERIFY(!CacheClear::run(path, journal));
        }
        QVERIFY(CacheClear::run(path, journal));
        for (const QString& suffix : { QString(), u"-wal"_s, u"-shm"_s })
            QVERIFY2(!QFileInfo::exists(path + suffix), qPrintable(path + suffix));
        QVERIFY(QFileInfo::exists(journal)); // the journal is never cleared
        QVERIFY(CacheClear::run(path, journal)); // nothing left to clear is not a failure
        QVERIFY(TestFixtures::syncInto(u"mlflow/mlruns"_s, path));
    }

    void sqliteFailuresReadAsSentences()
    {
        const QString path = freshPath();
        QVERIFY(QDir().mkpath(QFileInfo(path).absolutePath()));
        auto db = SqliteDatabase::open(path, SqliteDatabase::Mode::ReadWrite);
        QVERIFY(db);
        QVERIFY(db->exec(u"CREATE TABLE t (k TEXT PRIMARY KEY)"_s));
        QVERIFY(db->exec(u"INSERT INTO t VALUES ('a')"_s));
        const Status duplicate = db->exec(u"INSERT INTO t VALUES ('a')"_s);
        QVERIFY(!duplicate);
        QCOMPARE(duplicate.error().location, path);
        QVERIFY2(!duplicate.error().message.contains(u"INSERT"_s), qPrintable(duplicate.error().message));
        QVERIFY2(!duplicate.error().message.contains(u"UNIQUE"_s), qPrintable(duplicate.error().message));
        const auto bad = db->prepare(u"SELECT nothing FROM nowhere"_s);
        QVERIFY(!bad);
        QVERIFY2(!bad.error().describe().contains(u"nowhere"_s), qPrintable(bad.error().describe()));

        auto other = SqliteDatabase::open(path, SqliteDatabase::Mode::ReadWrite);
        QVERIFY(other && other->exec(u"PRAGMA busy_timeout = 0"_s));
        QVERIFY(db->exec(u"BEGIN EXCLUSIVE"_s));
        const Status busy = other->exec(u"INSERT INTO t VALUES ('b')"_s);
        QVERIFY(!busy);
        QVERIFY(SqliteError::isBusy(busy.error()));
        QVERIFY(db->exec(u"ROLLBACK"_s));
    }
};

QTEST_GUILESS_MAIN(tst_CacheConcurrency)
#include "tst_CacheConcurrency.moc"
