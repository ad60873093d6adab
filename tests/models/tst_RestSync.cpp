#include "jobs/WorkerPool.h"
#include "query/CacheReader.h"
#include "query/RunTableExport.h"
#include "query/RunTableLoader.h"
#include "store/StoreLocation.h"
#include "store/rest/MlflowRestStore.h"
#include "sync/SyncEngine.h"

#include "MlflowTestServer.h"
#include "TestFixtures.h"

#include <QBuffer>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

#include <chrono>
#include <thread>

using namespace prov;
using namespace Qt::StringLiterals;

Q_DECLARE_METATYPE(TestFault::Kind)

// Specifies syncing a tracking server through everything a network and a server can do wrong:
// each fault either passes unnoticed (retried) or reaches the user as a sentence, the cache
// keeps only whole runs, and a later good sync brings it to exactly what a fault-free sync
// gives. Also: histories cut by the server's cap are completed, and re-syncs are incremental.
class tst_RestSync : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();

    void eachFaultIsReportedAndALaterSyncCompletes_data();
    void eachFaultIsReportedAndALaterSyncCompletes();
    void historiesCutAtTheServersCapAreCompleted();
    void aChangedHistoryIsTheOnlyOneReadAgain();
    void aFailedReadKeepsWhatTheCacheHad();
    void cancellingStopsRequestsInFlight();
    void aServerGoneMidSyncStopsItAndKeepsTheCache();

private:
    RestOptions options() const;
    Result<SyncSummary> sync(
        const QString& cachePath, const RestOptions& options, const CancellationToken& cancel = {});
    // The runs table as JSON and every cached history's summary: what a sync produced.
    static QByteArray contentOf(const QString& cachePath);
    static QStringList issuesOf(const QString& cachePath);

    QTemporaryDir m_dir;
    std::unique_ptr<MlflowTestServer> m_server;
    QByteArray m_reference;
    int m_caches = 0;
};

void tst_RestSync::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QString error;
    m_server = MlflowTestServer::start(TestFixtures::dataPath(u"mlflow/sqlite/mlflow.db"_s), &error);
    QVERIFY2(m_server, qPrintable(error));
    const QString cache = m_dir.filePath(u"reference.sqlite"_s);
    auto summary = sync(cache, options());
    QVERIFY2(summary, qPrintable(summary ? QString() : summary.error().describe()));
    m_reference = contentOf(cache);
    QVERIFY(m_reference.size() > 1000);
}

void tst_RestSync::init()
{
    m_server->clearFaults();
    m_server->content().bulkCap = 25'000;
    m_server->resetCounters();
}

RestOptions tst_RestSync::options() const
{
    RestOptions o;
    o.baseUrl = QUrl(m_server->url());
    // Generous, so that a loaded machine (or the sanitizer build) never times out a good answer;
    // the "slower than the timeout" case shortens it.
    o.timeoutMs = 10'000;
    o.maxRetries = 2;
    o.backoffMs = 10;
    return o;
}

Result<SyncSummary> tst_RestSync::sync(const QString& cachePath, const RestOptions& o, const CancellationToken& cancel)
{
    auto location = StoreLocation::fromArgument(m_server->url(), QString());
    if (!location)
        return location.error();
    WorkerPool workers;
    MlflowRestStore store(*location, o);
    return SyncEngine(store, cachePath, workers).run(cancel);
}

QByteArray tst_RestSync::contentOf(const QString& cachePath)
{
    auto cache = CacheReader::open(cachePath);
    if (!cache)
        return cache.error().describe().toUtf8();
    RunSelection all;
    all.includeDeleted = true;
    auto table = RunTableLoader(cache->database()).load(all);
    QBuffer json;
    json.open(QIODevice::WriteOnly);
    if (!table || !RunTableExport::writeJson(**table, json))
        return "unreadable runs";
    QByteArray content = json.data();
    auto rows = cache->database().prepare(
        u"SELECT run_id, key, step, timestamp, point_count, min_value, max_value FROM latest_metrics ORDER BY 1, 2"_s);
    if (!rows)
        return "unreadable histories";
    while (rows->step()) {
        for (int column = 0; column < 7; ++column)
            content += rows->text(column).toUtf8() + ' ';
        content += '\n';
    }
    return content;
}

QStringList tst_RestSync::issuesOf(const QString& cachePath)
{
    QStringList messages;
    auto cache = CacheReader::open(cachePath);
    if (!cache)
        return messages;
    auto rows = cache->database().prepare(u"SELECT message FROM issues"_s);
    while (rows && rows->step())
        messages << rows->text(0);
    return messages;
}

void tst_RestSync::eachFaultIsReportedAndALaterSyncCompletes_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<TestFault::Kind>("kind");
    QTest::addColumn<int>("times");
    QTest::addColumn<int>("failsWith"); // ErrorCode, or -1: the sync completes
    QTest::addColumn<QString>("says"); // in the error, or in an issue; empty: nothing to say
    using K = TestFault::Kind;
    const int completes = -1;
    QTest::newRow("500 listing experiments")
        << u"experiments/search"_s << K::ServerError << -1 << static_cast<int>(ErrorCode::Unreachable) << u"HTTP 500"_s;
    QTest::newRow("500 once, retried") << u"runs/search"_s << K::ServerError << 1 << completes << QString();
    QTest::newRow("429 with Retry-After, retried")
        << u"runs/search"_s << K::TooManyRequests << 1 << completes << QString();
    QTest::newRow("slower than the timeout")
        << u"get-history-bulk"_s << K::Slow << -1 << completes << u"no answer within 0.5 s"_s;
    QTest::newRow("malformed JSON") << u"runs/search"_s << K::MalformedJson << -1 << completes << u"not valid JSON"_s;
    QTest::newRow("truncated JSON") << u"get-history-bulk"_s << K::TruncatedJson << -1 << completes
                                    << u"not valid JSON"_s;
    QTest::newRow("wrong content type") << u"experiments/search"_s << K::WrongContentType << -1
                                        << static_cast<int>(ErrorCode::Corrupt) << u"web page"_s;
    QTest::newRow("page-token loop") << u"runs/search"_s << K::PageTokenLoop << -1 << completes
                                     << u"same page token twice"_s;
    QTest::newRow("reset mid-body once, retried")
        << u"get-history-bulk"_s << K::ResetMidBody << 1 << completes << QString();
    QTest::newRow("reset mid-body always")
        << u"artifacts/list"_s << K::ResetMidBody << -1 << completes << u"closed the connection"_s;
    QTest::newRow("401") << u"experiments/search"_s << K::Unauthorized << -1
                         << static_cast<int>(ErrorCode::AccessDenied) << u"401: the server asks for credentials"_s;
    QTest::newRow("403") << u"runs/search"_s << K::Forbidden << -1 << completes
                         << u"403: these credentials are not allowed"_s;
}

void tst_RestSync::eachFaultIsReportedAndALaterSyncCompletes()
{
    QFETCH(QString, path);
    QFETCH(TestFault::Kind, kind);
    QFETCH(int, times);
    QFETCH(int, failsWith);
    QFETCH(QString, says);
    const QString cache = m_dir.filePath(u"cache-%1.sqlite"_s.arg(++m_caches));
    TestFault fault;
    fault.pathContains = path;
    fault.kind = kind;
    fault.times = times;
    fault.delayMs = 1500;
    m_server->addFault(fault);

    RestOptions faultyOptions = options();
    if (kind == TestFault::Kind::Slow)
        faultyOptions.timeoutMs = 500;
    auto faulty = sync(cache, faultyOptions);
    if (failsWith >= 0) {
        QVERIFY(!faulty);
        QCOMPARE(static_cast<int>(faulty.error().code), failsWith);
        QVERIFY2(faulty.error().message.contains(says), qPrintable(faulty.error().describe()));
        QCOMPARE(faulty.error().location, m_server->url());
    } else {
        QVERIFY2(faulty, qPrintable(faulty ? QString() : faulty.error().describe()));
        const QStringList issues = issuesOf(cache);
        if (says.isEmpty()) {
            QVERIFY2(issues.isEmpty(), qPrintable(issues.join(u'\n')));
            QCOMPARE(contentOf(cache), m_reference);
        } else {
            QVERIFY2(!issues.filter(says).isEmpty(), qPrintable(issues.join(u'\n')));
            QVERIFY2(issues.filter(u"<"_s).isEmpty(), qPrintable(issues.join(u'\n'))); // no raw page
        }
    }
    m_server->clearFaults();
    auto good = sync(cache, options());
    QVERIFY2(good, qPrintable(good ? QString() : good.error().describe()));
    QCOMPARE(contentOf(cache), m_reference);
    QVERIFY2(issuesOf(cache).isEmpty(), qPrintable(issuesOf(cache).join(u'\n')));
}

void tst_RestSync::historiesCutAtTheServersCapAreCompleted()
{
    m_server->content().bulkCap = 150; // fewer points than most histories of a batch hold
    const QString cache = m_dir.filePath(u"capped.sqlite"_s);
    auto summary = sync(cache, options());
    QVERIFY2(summary, qPrintable(summary ? QString() : summary.error().describe()));
    QCOMPARE(contentOf(cache), m_reference);
    const QStringList log = m_server->requestLog();
    QVERIFY(!log.filter(u"get-history-bulk"_s).isEmpty());
    QVERIFY(!log.filter(QRegularExpression(u"metrics/get-history$"_s)).isEmpty()); // completed page by page
}

void tst_RestSync::aChangedHistoryIsTheOnlyOneReadAgain()
{
    const QString cache = m_dir.filePath(u"incremental.sqlite"_s);
    QVERIFY(sync(cache, options()));
    const QString runId = m_server->content().runIds().first();
    MlflowTestContent& content = m_server->content();
    const QByteArray before = contentOf(cache);
    content.appendPoint(runId, u"late_metric"_s, MetricPoint { 7, 1741999999000, 0.5 });
    m_server->resetCounters();
    auto summary = sync(cache, options());
    QVERIFY2(summary, qPrintable(summary ? QString() : summary.error().describe()));
    QCOMPARE(summary->record.runsRead, 1);
    const QStringList histories = m_server->requestLog().filter(u"history"_s);
    QCOMPARE(histories.size(), 1);
    QVERIFY(contentOf(cache) != before);
    QVERIFY(contentOf(cache).contains("late_metric"));
}

void tst_RestSync::aFailedReadKeepsWhatTheCacheHad()
{
    const QString cache = m_dir.filePath(u"kept.sqlite"_s);
    QVERIFY(sync(cache, options()));
    const QByteArray before = contentOf(cache);
    const QString runId = m_server->content().runIds().last();
    m_server->content().appendPoint(runId, u"extra"_s, MetricPoint { 1, 1741999999000, 1.0 });
    m_server->addFault(TestFault { u"get-history"_s, TestFault::Kind::ServerError, -1, 0, 1 });
    auto summary = sync(cache, options());
    QVERIFY(summary); // the run could not be read: an issue, and its cached copy stays
    QCOMPARE(contentOf(cache), before);
    QVERIFY(!issuesOf(cache).filter(u"HTTP 500"_s).isEmpty());
    m_server->clearFaults();
    QVERIFY(sync(cache, options()));
    QVERIFY(contentOf(cache).contains("extra"));
}

void tst_RestSync::cancellingStopsRequestsInFlight()
{
    m_server->addFault(TestFault { u"experiments/search"_s, TestFault::Kind::Slow, -1, 30'000, 1 });
    RestOptions patient = options();
    patient.timeoutMs = 120'000;
    const CancellationToken cancel;
    std::thread canceller([cancel] {
        std::this_thread::sleep_for(std::chrono::milliseconds(200));
        cancel.cancel();
    });
    QElapsedTimer timer;
    timer.start();
    auto summary = sync(m_dir.filePath(u"cancelled.sqlite"_s), patient, cancel);
    canceller.join();
    QVERIFY(!summary);
    QCOMPARE(summary.error().code, ErrorCode::Cancelled);
    QVERIFY2(timer.elapsed() < 20'000, "the sync waited for the slow answer instead of giving up");
}


void tst_RestSync::aServerGoneMidSyncStopsItAndKeepsTheCache()
{
    // The fixture's own content (tests before this one add points), on the same port.
    const QString fixture = TestFixtures::dataPath(u"mlflow/sqlite/mlflow.db"_s);
    const quint16 port = m_server->port();
    QString error;
    const auto restart = [&] {
        m_server.reset();
        m_server = MlflowTestServer::start(fixture, &error, port);
        return m_server != nullptr;
    };
    QVERIFY2(restart(), qPrintable(error));
    const QString cache = m_dir.filePath(u"gone.sqlite"_s);
    QVERIFY(sync(cache, options()));
    QCOMPARE(contentOf(cache), m_reference);
    // Every run logs a new metric of two points (one point would come with the runs search),
    // and the server stops as the histories are being read.
    const auto touchEveryRun = [this] {
        for (const QString& runId : m_server->content().runIds()) {
            m_server->content().appendPoint(runId, u"gone_metric"_s, MetricPoint { 1, 1741999998000, 0.5 });
            m_server->content().appendPoint(runId, u"gone_metric"_s, MetricPoint { 2, 1741999999000, 0.25 });
        }
    };
    touchEveryRun();
    m_server->addFault(TestFault { u"get-history"_s, TestFault::Kind::GoneAway, 1, 0, 1 });
    m_server->resetCounters();
    auto gone = sync(cache, options());
    QVERIFY(!gone);
    QVERIFY2(gone.error().message.contains(u"connection was refused"_s), qPrintable(gone.error().describe()));
    QCOMPARE(static_cast<int>(gone.error().code), static_cast<int>(ErrorCode::Unreachable));
    QCOMPARE(gone.error().location, m_server->url());
    QCOMPARE(contentOf(cache), m_reference); // nothing half-written, nothing lost
    QVERIFY2(issuesOf(cache).isEmpty(), qPrintable(issuesOf(cache).join(u'\n'))); // not an issue per run

    // Back where it was: the next sync completes, with the new points.
    QVERIFY2(restart(), qPrintable(error));
    touchEveryRun();
    auto back = sync(cache, options());
    QVERIFY2(back, qPrintable(back ? QString() : back.error().describe()));
    QVERIFY(contentOf(cache).contains("gone_metric"));
    QVERIFY(issuesOf(cache).isEmpty());
    QVERIFY2(restart(), qPrintable(error)); // the fixture's own content for any later test
}

QTEST_GUILESS_MAIN(tst_RestSync)
#include "tst_RestSync.moc"
