#include "CliTestCase.h"
#include "FixtureManifest.h"
#include "JsonDifference.h"
#include "MlflowTestServer.h"
#include "TestFixtures.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {

QJsonValue valueOf(const QJsonDocument& document)
{
    return document.isArray() ? QJsonValue(document.array()) : QJsonValue(document.object());
}

} // namespace

// Specifies the command line against a tracking server: the test server serves the shared
// fixture's SQLite backend over MLflow's REST API, and every listing verb answers exactly as it
// does for that backend read directly; a second sync is incremental; an unreachable server is
// answered from the cache, saying so.
class tst_CliRemote : public CliTestCase
{
    Q_OBJECT

public:
    tst_CliRemote()
        : CliTestCase(QStringLiteral(PROVENANCE_BINARY))
    { }

private Q_SLOTS:
    void initTestCase();

    void verbsAnswerAsForTheBackendReadDirectly_data();
    void verbsAnswerAsForTheBackendReadDirectly();
    void aSecondSyncReceivesAtMostFivePercent();
    void requestLinesStayUnderFourKilobytes();
    void anUnreachableServerIsAnsweredFromTheCache();
    void anUnreachableServerWithoutCacheFailsNamingIt();
    void noSyncAndMaxAgeAnswerWithoutAsking();
    void credentialsAreSentAndNeverStored_data();
    void credentialsAreSentAndNeverStored();

private:
    QJsonDocument listing(const QString& verb, const QString& store, const QString& cache, const QStringList& extra);

    std::unique_ptr<MlflowTestServer> m_server;
};

void tst_CliRemote::initTestCase()
{
    QVERIFY(setUp());
    // Retries of the fault-free tests never happen; keep any that do short.
    m_environment.insert(u"MLFLOW_HTTP_REQUEST_BACKOFF_FACTOR"_s, u"0.05"_s);
    QString error;
    m_server = MlflowTestServer::start(sharedSqliteStore(), &error);
    QVERIFY2(m_server, qPrintable(error));
}

QJsonDocument tst_CliRemote::listing(
    const QString& verb, const QString& store, const QString& cache, const QStringList& extra)
{
    const CliResult result = run(QStringList { verb, store, u"--cache"_s, cache, u"--format"_s, u"json"_s } + extra);
    if (!result.finished || result.exitCode != 0) {
        qWarning("provenance %s %s: %s", qPrintable(verb), qPrintable(store), result.describe().constData());
        return {};
    }
    return QJsonDocument::fromJson(result.out);
}

void tst_CliRemote::verbsAnswerAsForTheBackendReadDirectly_data()
{
    QTest::addColumn<QString>("verb");
    QTest::addColumn<QStringList>("extra");
    QTest::newRow("runs --all") << u"runs"_s << QStringList { u"--all"_s };
    QTest::newRow("runs filtered") << u"runs"_s << QStringList { u"--filter"_s, u"metrics.val_auc > 0.7"_s };
    QTest::newRow("experiments") << u"experiments"_s << QStringList();
    QTest::newRow("models") << u"models"_s << QStringList();
}

void tst_CliRemote::verbsAnswerAsForTheBackendReadDirectly()
{
    QFETCH(QString, verb);
    QFETCH(QStringList, extra);
    const QJsonDocument direct = listing(verb, sharedSqliteStore(), freshFolder(), extra);
    const QJsonDocument served = listing(verb, m_server->url(), freshFolder(), extra);
    QVERIFY(!direct.isNull());
    QVERIFY(!served.isNull());
    if (direct.isArray())
        QVERIFY(!direct.array().isEmpty());
    const QString difference = jsonDifference(valueOf(served), valueOf(direct), verb);
    QVERIFY2(difference.isEmpty(), qPrintable(difference));
}

void tst_CliRemote::aSecondSyncReceivesAtMostFivePercent()
{
    const QString cache = freshFolder();
    m_server->resetCounters();
    const CliResult first = run({ u"sync"_s, m_server->url(), u"--cache"_s, cache });
    QVERIFY2(first.finished && first.exitCode == 0, first.describe().constData());
    const qint64 firstBytes = m_server->bytesSent();
    QVERIFY2(first.outText().contains(u"requests"_s) && first.outText().contains(u"received"_s), first.out.constData());
    m_server->resetCounters();
    const CliResult second = run({ u"sync"_s, m_server->url(), u"--cache"_s, cache });
    QVERIFY2(second.finished && second.exitCode == 0, second.describe().constData());
    const qint64 secondBytes = m_server->bytesSent();
    qInfo("first sync %lld bytes, second %lld bytes (%.1f %%)", firstBytes, secondBytes,
        100.0 * static_cast<double>(secondBytes) / static_cast<double>(firstBytes));
    QVERIFY(firstBytes > 0);
    QVERIFY2(secondBytes * 20 <= firstBytes, second.out.constData());
    QVERIFY2(second.outText().contains(u"0 read"_s), second.out.constData());
}

void tst_CliRemote::requestLinesStayUnderFourKilobytes()
{
    m_server->resetCounters();
    const CliResult result = run({ u"sync"_s, m_server->url(), u"--cache"_s, freshFolder() });
    QVERIFY2(result.finished && result.exitCode == 0, result.describe().constData());
    QVERIFY(m_server->longestRequestLine() > 0);
    QVERIFY(m_server->longestRequestLine() < 4096);
    // Histories came in bulk, never from the sampling endpoints.
    const QStringList log = m_server->requestLog();
    QVERIFY(log.filter(u"get-history-bulk"_s).size() > 0);
    QVERIFY(log.filter(u"interval"_s).isEmpty());
}

void tst_CliRemote::anUnreachableServerIsAnsweredFromTheCache()
{
    QString error;
    auto server = MlflowTestServer::start(sharedSqliteStore(), &error);
    QVERIFY2(server, qPrintable(error));
    const QString url = server->url();
    const QString cache = freshFolder();
    const QJsonDocument online = listing(u"runs"_s, url, cache, {});
    QVERIFY(!online.isNull());
    server.reset(); // the server goes away
    const CliResult offline = run({ u"runs"_s, url, u"--cache"_s, cache, u"--format"_s, u"json"_s });
    QVERIFY(offline.finished);
    QVERIFY2(offline.exitCode == 0, offline.describe().constData());
    QCOMPARE(QJsonDocument::fromJson(offline.out), online);
    QVERIFY2(offline.errText().contains(u"offline"_s), offline.err.constData());
    QVERIFY2(offline.errText().contains(u"last synced"_s), offline.err.constData());
    QVERIFY2(offline.errText().contains(url), offline.err.constData());
}

void tst_CliRemote::anUnreachableServerWithoutCacheFailsNamingIt()
{
    QString error;
    auto server = MlflowTestServer::start(sharedSqliteStore(), &error);
    QVERIFY2(server, qPrintable(error));
    const QString url = server->url();
    server.reset();
    const CliResult result = run({ u"runs"_s, url, u"--cache"_s, freshFolder() });
    QVERIFY(result.finished);
    QVERIFY(result.exitCode != 0);
    QVERIFY(result.out.isEmpty());
    QVERIFY2(result.errText().contains(url), result.err.constData());
    QVERIFY2(result.errText().contains(u"refused"_s), result.err.constData());
}

void tst_CliRemote::noSyncAndMaxAgeAnswerWithoutAsking()
{
    const QString cache = freshFolder();
    const CliResult never = run({ u"runs"_s, m_server->url(), u"--cache"_s, cache, u"--no-sync"_s });
    QVERIFY(never.finished);
    QVERIFY2(never.exitCode != 0 && never.errText().contains(u"no sync"_s), never.describe().constData());
    const QJsonDocument synced = listing(u"runs"_s, m_server->url(), cache, {});
    m_server->resetCounters();
    QCOMPARE(listing(u"runs"_s, m_server->url(), cache, { u"--no-sync"_s }), synced);
    QCOMPARE(listing(u"runs"_s, m_server->url(), cache, { u"--max-age"_s, u"3600"_s }), synced);
    QCOMPARE(m_server->requestCount(), 0);
    QCOMPARE(listing(u"runs"_s, m_server->url(), cache, { u"--max-age"_s, u"0"_s }), synced);
    QVERIFY(m_server->requestCount() > 0);
    const CliResult bad = run({ u"runs"_s, m_server->url(), u"--cache"_s, cache, u"--max-age"_s, u"soon"_s });
    QCOMPARE(bad.exitCode, 2);
}

void tst_CliRemote::credentialsAreSentAndNeverStored_data()
{
    QTest::addColumn<QByteArray>("header");
    QTest::addColumn<QStringList>("good"); // variable=value
    QTest::addColumn<QStringList>("wrong");
    QTest::addColumn<QByteArray>("secret");
    QTest::newRow("basic") << QByteArray("Basic ") + QByteArray("alice:s3cret-Pw").toBase64()
                           << QStringList { u"MLFLOW_TRACKING_USERNAME=alice"_s,
                                  u"MLFLOW_TRACKING_PASSWORD=s3cret-Pw"_s }
                           << QStringList { u"MLFLOW_TRACKING_USERNAME=alice"_s, u"MLFLOW_TRACKING_PASSWORD=guess"_s }
                           << QByteArray("s3cret-Pw");
    QTest::newRow("token") << QByteArray("Bearer tok-9f8e7d") << QStringList { u"MLFLOW_TRACKING_TOKEN=tok-9f8e7d"_s }
                           << QStringList { u"MLFLOW_TRACKING_TOKEN=expired"_s } << QByteArray("tok-9f8e7d");
}

void tst_CliRemote::credentialsAreSentAndNeverStored()
{
    QFETCH(QByteArray, header);
    QFETCH(QStringList, good);
    QFETCH(QStringList, wrong);
    QFETCH(QByteArray, secret);
    const auto environment = [this](const QStringList& variables) {
        QProcessEnvironment e = m_environment;
        for (const QString& v : variables)
            e.insert(v.section(u'=', 0, 0), v.section(u'=', 1));
        return e;
    };
    m_server->requireAuthorization(header);
    const QString cache = freshFolder();
    const QStringList arguments { u"runs"_s, m_server->url(), u"--cache"_s, cache, u"--format"_s, u"json"_s };
    const CliResult anonymous = run(arguments);
    const CliResult refused = run(arguments, environment(wrong));
    const CliResult accepted = run(arguments, environment(good));
    // After a wrong password the cache does not answer: a refusal is not "offline".
    const CliResult again = run(arguments, environment(wrong));
    m_server->requireAuthorization({});
    QVERIFY(anonymous.exitCode != 0);
    QVERIFY2(anonymous.errText().contains(u"asks for credentials"_s), anonymous.err.constData());
    QVERIFY(refused.exitCode != 0);
    QVERIFY2(refused.errText().contains(u"401: the server refused these credentials"_s), refused.err.constData());
    QVERIFY2(accepted.exitCode == 0, accepted.describe().constData());
    QVERIFY(QJsonDocument::fromJson(accepted.out).array().size() > 0);
    QVERIFY(again.exitCode != 0);
    for (const QByteArray& output : { anonymous.err, refused.err, accepted.err, accepted.out, again.err })
        QVERIFY(!output.contains(secret));
    QDirIterator files(cache, QDir::Files, QDirIterator::Subdirectories);
    while (files.hasNext()) {
        QFile file(files.next());
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray bytes = file.readAll();
        QVERIFY2(!bytes.contains(secret) && !bytes.contains(header), qPrintable(file.fileName()));
    }
}

QTEST_GUILESS_MAIN(tst_CliRemote)
#include "tst_CliRemote.moc"
