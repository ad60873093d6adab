#include "jobs/JobRunner.h"
#include "jobs/WorkerGroup.h"

#include <QSignalSpy>
#include <QTest>
#include <QThread>

#include <atomic>
#include <mutex>
#include <semaphore>
#include <set>

using namespace prov;
using namespace Qt::StringLiterals;

// Specifies the one job runner: results arrive on the GUI thread, a newer job on a channel
// makes the older one stale (cancelled, result dropped), cancel() still delivers, a gone
// receiver gets nothing, progress is throttled, and fan-out never deadlocks on a busy pool.
class tst_JobRunner : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void deliversTheResultOnTheRunnersThread();
    void deliversErrorsAsValues();
    void aNewerJobMakesTheOlderStale();
    void cancelStillDeliversWhatTheJobReturns();
    void aGoneReceiverGetsNothing();
    void reportsRunningPerChannel();
    void throttlesProgressButKeepsForcedAndLastUpdates();
    void runHereRunsOnTheCallingThread();
    void fanOutUsesSeveralThreads();
    void fanOutCompletesWhenThePoolIsFull();
    void workerGroupStartsOnlyWhatIsFree();
};

void tst_JobRunner::deliversTheResultOnTheRunnersThread()
{
    JobRunner runner;
    QObject receiver;
    std::optional<int> delivered;
    QThread* workThread = nullptr;
    QThread* doneThread = nullptr;
    runner.run<int>(
        u"answer"_s,
        [&workThread](JobContext&) -> Result<int> {
            workThread = QThread::currentThread();
            return 42;
        },
        &receiver,
        [&](const Result<int>& result) {
            doneThread = QThread::currentThread();
            delivered = result.valueOr(-1);
        });
    QTRY_VERIFY(delivered.has_value());
    QCOMPARE(*delivered, 42);
    QCOMPARE(doneThread, QThread::currentThread());
    QVERIFY(workThread != QThread::currentThread());
}

void tst_JobRunner::deliversErrorsAsValues()
{
    JobRunner runner;
    QObject receiver;
    std::optional<Error> error;
    runner.run<int>(
        u"failing"_s,
        [](JobContext&) -> Result<int> { return makeError(ErrorCode::NotFound, u"no such run"_s, u"abc"_s); },
        &receiver,
        [&](const Result<int>& result) {
            if (!result)
                error = result.error();
        });
    QTRY_VERIFY(error.has_value());
    QCOMPARE(error->code, ErrorCode::NotFound);
    QCOMPARE(error->describe(), u"abc: no such run"_s);
}

void tst_JobRunner::aNewerJobMakesTheOlderStale()
{
    JobRunner runner;
    QObject receiver;
    std::binary_semaphore release(0);
    std::atomic_bool olderSawCancel = false;
    QList<int> delivered;
    runner.run<int>(
        u"query"_s,
        [&](JobContext& job) -> Result<int> {
            release.acquire();
            olderSawCancel = job.isCancelled();
            return 1;
        },
        &receiver, [&](const Result<int>& r) { delivered << r.valueOr(-1); });
    runner.run<int>(
        u"query"_s, [](JobContext&) -> Result<int> { return 2; }, &receiver,
        [&](const Result<int>& r) { delivered << r.valueOr(-1); });
    QTRY_COMPARE(delivered, QList<int> { 2 });
    release.release();
    QTRY_VERIFY(olderSawCancel);
    QTest::qWait(50); // the older result would arrive now: it must be dropped
    QCOMPARE(delivered, QList<int> { 2 });
}

void tst_JobRunner::cancelStillDeliversWhatTheJobReturns()
{
    JobRunner runner;
    QObject receiver;
    std::optional<ErrorCode> code;
    runner.run<int>(
        u"sync"_s,
        [](JobContext& job) -> Result<int> {
            while (!job.isCancelled())
                QThread::msleep(1);
            return makeError(ErrorCode::Cancelled, u"cancelled"_s);
        },
        &receiver,
        [&](const Result<int>& r) {
            if (!r)
                code = r.error().code;
        });
    QVERIFY(runner.isRunning(u"sync"_s));
    runner.cancel(u"sync"_s);
    QTRY_VERIFY(code.has_value());
    QCOMPARE(*code, ErrorCode::Cancelled);
    QVERIFY(!runner.isRunning(u"sync"_s));
}

void tst_JobRunner::aGoneReceiverGetsNothing()
{
    JobRunner runner;
    auto receiver = std::make_unique<QObject>();
    std::binary_semaphore release(0);
    std::atomic_bool finished = false;
    bool delivered = false;
    runner.run<int>(
        u"detail"_s,
        [&](JobContext&) -> Result<int> {
            release.acquire();
            finished = true;
            return 1;
        },
        receiver.get(), [&](const Result<int>&) { delivered = true; });
    receiver.reset();
    release.release();
    QTRY_VERIFY(finished);
    QTRY_VERIFY(!runner.isRunning(u"detail"_s));
    QVERIFY(!delivered);
}

void tst_JobRunner::reportsRunningPerChannel()
{
    JobRunner runner;
    QObject receiver;
    QSignalSpy changes(&runner, &JobRunner::runningChanged);
    std::binary_semaphore release(0);
    bool done = false;
    runner.run<int>(
        u"layout"_s,
        [&](JobContext&) -> Result<int> {
            release.acquire();
            return 1;
        },
        &receiver, [&](const Result<int>&) { done = true; });
    QVERIFY(runner.isRunning(u"layout"_s));
    QVERIFY(!runner.isRunning(u"other"_s));
    release.release();
    QTRY_VERIFY(done);
    QVERIFY(!runner.isRunning(u"layout"_s));
    QCOMPARE(changes.size(), 2);
    QCOMPARE(changes.at(0), (QVariantList { u"layout"_s, true }));
    QCOMPARE(changes.at(1), (QVariantList { u"layout"_s, false }));
}

void tst_JobRunner::throttlesProgressButKeepsForcedAndLastUpdates()
{
    JobRunner runner;
    QObject receiver;
    QList<JobProgress> seen;
    bool done = false;
    runner.run<int>(
        u"decimate"_s,
        [](JobContext& job) -> Result<int> {
            job.setProgress({ 0, 1000, u"phase one"_s, {} }, true);
            for (int i = 1; i < 1000; ++i)
                job.setProgress({ i, 1000, u"phase one"_s, {} });
            job.setProgress({ 1000, 1000, u"phase one"_s, {} });
            job.setProgress({ 0, 0, u"phase two"_s, {} }, true);
            return 1;
        },
        &receiver, [&](const Result<int>&) { done = true; }, [&](const JobProgress& p) { seen << p; });
    QTRY_VERIFY(done);
    QVERIFY2(seen.size() <= 6, qPrintable(QString::number(seen.size())));
    QCOMPARE(seen.first().done, 0);
    const auto last = std::find_if(seen.begin(), seen.end(), [](const JobProgress& p) { return p.done == 1000; });
    QVERIFY(last != seen.end());
    QCOMPARE(seen.last().message, u"phase two"_s);
}

void tst_JobRunner::runHereRunsOnTheCallingThread()
{
    JobRunner runner;
    QList<qint64> progress;
    const Result<QThread*> thread = runner.runHere<QThread*>(
        [](JobContext& job) -> Result<QThread*> {
            job.setProgress({ 1, 1, u"done"_s, {} });
            return QThread::currentThread();
        },
        [&](const JobProgress& p) { progress << p.done; });
    QVERIFY(thread);
    QCOMPARE(*thread, QThread::currentThread());
    QCOMPARE(progress, QList<qint64> { 1 });
}

void tst_JobRunner::fanOutUsesSeveralThreads()
{
    WorkerPool pool(4);
    std::mutex mutex;
    std::set<QThread*> threads;
    std::atomic<int> next = 0;
    std::atomic<int> sum = 0;
    pool.runWorkers(4, [&] {
        for (int i = next++; i < 400; i = next++) {
            sum += i;
            QThread::usleep(200);
            const std::lock_guard lock(mutex);
            threads.insert(QThread::currentThread());
        }
    });
    QCOMPARE(sum.load(), 399 * 400 / 2);
    QVERIFY(threads.size() >= 2);
}

void tst_JobRunner::fanOutCompletesWhenThePoolIsFull()
{
    // One thread, taken by the job itself: the fan-out inside it must still finish.
    JobRunner runner(nullptr, 1);
    QObject receiver;
    std::optional<int> total;
    runner.run<int>(
        u"sync"_s,
        [](JobContext& job) -> Result<int> {
            std::atomic<int> next = 0;
            std::atomic<int> count = 0;
            job.workers().runWorkers(8, [&] {
                for (int i = next++; i < 100; i = next++)
                    ++count;
            });
            return count.load();
        },
        &receiver, [&](const Result<int>& r) { total = r.valueOr(-1); });
    QTRY_VERIFY(total.has_value());
    QCOMPARE(*total, 100);
}

void tst_JobRunner::workerGroupStartsOnlyWhatIsFree()
{
    WorkerPool pool(2);
    std::binary_semaphore release(0);
    std::atomic<int> ran = 0;
    {
        WorkerGroup blockers(pool, 2, [&] {
            ++ran;
            release.acquire();
            release.release();
        });
        QCOMPARE(blockers.started(), 2);
        WorkerGroup none(pool, 3, [&] { ++ran; });
        QCOMPARE(none.started(), 0);
        release.release();
    }
    QCOMPARE(ran.load(), 2);
}

QTEST_GUILESS_MAIN(tst_JobRunner)
#include "tst_JobRunner.moc"
