#include "CliTestCase.h"
#include "FixtureManifest.h"

#include "cache/CacheLocator.h"
#include "cache/CacheLock.h"
#include "query/CacheReader.h"
#include "store/StoreLocation.h"

#include <QDir>
#include <QFileInfo>
#include <QHash>
#include <QProcess>
#include <QRegularExpression>
#include <QTest>

#include <memory>
#include <vector>

using namespace prov;
using namespace Qt::StringLiterals;

namespace {

constexpr int rounds = 20;
constexpr int processTimeoutMs = 180000;

// What a person must never read: SQL text or SQLite's own phrases.
const QRegularExpression sqlText(
    u"\\b(SELECT|INSERT|CREATE|UPDATE|DELETE|PRAGMA|UNIQUE constraint|no such table)\\b"_s);

} // namespace

// Specifies what happens when several command-line processes use one cache at the same moment
// (a cron job syncing while someone lists runs, the app open beside a script): the first open
// of a new cache migrates it once, syncs of one store take turns, a clear is refused while the
// cache is in use, and every process answers exactly what a lone process answers.
class tst_CliConcurrency : public CliTestCase
{
    Q_OBJECT

public:
    tst_CliConcurrency()
        : CliTestCase(QStringLiteral(PROVENANCE_BINARY))
    { }

private Q_SLOTS:
    void initTestCase();

    void firstOpenBySyncAndRunsTogether_data();
    void firstOpenBySyncAndRunsTogether();
    void twoSyncsTogether_data();
    void twoSyncsTogether();
    void threeRunsOnANewCache_data();
    void threeRunsOnANewCache();
    void clearWhileSyncing_data();
    void clearWhileSyncing();
    void clearIsRefusedWhileTheCacheIsOpen();

private:
    void addStores();
    // Starts every command at once in one fresh environment (its own journal folder), then
    // waits for all of them.
    QList<CliResult> runTogether(const QList<QStringList>& commands, const QProcessEnvironment& environment) const;
    QProcessEnvironment freshEnvironment() { return CliRunner::isolatedEnvironment(freshFolder()); }
    // `runs --format json --all` from a cache that a lone process synced.
    QByteArray reference(const QString& store);
    QByteArray runsJson(const QString& store, const QString& cache, const QProcessEnvironment& environment) const;

    QHash<QString, QByteArray> m_reference;
};

void tst_CliConcurrency::initTestCase()
{
    QVERIFY(setUp());
}

void tst_CliConcurrency::addStores()
{
    QTest::addColumn<QString>("store");
    QTest::newRow("file store") << sharedFileStore();
    QTest::newRow("sqlite") << sharedSqliteStore();
}

QList<CliResult> tst_CliConcurrency::runTogether(
    const QList<QStringList>& commands, const QProcessEnvironment& environment) const
{
    std::vector<std::unique_ptr<QProcess>> processes;
    for (const QStringList& arguments : commands) {
        auto process = std::make_unique<QProcess>();
        process->setProcessEnvironment(environment);
        process->setWorkingDirectory(workingDirectory());
        process->start(QStringLiteral(PROVENANCE_BINARY), arguments);
        processes.push_back(std::move(process));
    }
    QList<CliResult> results;
    for (const auto& process : processes) {
        CliResult result;
        if (process->waitForStarted()) {
            process->closeWriteChannel();
            result.finished
                = process->waitForFinished(processTimeoutMs) && process->exitStatus() == QProcess::NormalExit;
            result.exitCode = process->exitCode();
            result.out = process->readAllStandardOutput();
            result.err = process->readAllStandardError();
        }
        results << result;
    }
    return results;
}

QByteArray tst_CliConcurrency::runsJson(
    const QString& store, const QString& cache, const QProcessEnvironment& environment) const
{
    const CliResult result
        = run({ u"runs"_s, store, u"--cache"_s, cache, u"--format"_s, u"json"_s, u"--all"_s }, environment);
    return result.finished && result.exitCode == 0 ? result.out : "failed: " + result.describe();
}

QByteArray tst_CliConcurrency::reference(const QString& store)
{
    if (!m_reference.contains(store))
        m_reference.insert(store, runsJson(store, freshFolder(), freshEnvironment()));
    return m_reference.value(store);
}

#define VERIFY_CLEAN(result)                                                                                           \
    do {                                                                                                               \
        QVERIFY2((result).finished && (result).exitCode == 0, (result).describe().constData());                        \
        QVERIFY2(!(result).errText().contains(sqlText), (result).err.constData());                                     \
    } while (false)

void tst_CliConcurrency::firstOpenBySyncAndRunsTogether_data()
{
    addStores();
}

void tst_CliConcurrency::firstOpenBySyncAndRunsTogether()
{
    QFETCH(QString, store);
    const QByteArray expected = reference(store);
    QVERIFY2(expected.startsWith('['), expected.constData());
    for (int round = 0; round < rounds; ++round) {
        const QString cache = freshFolder();
        const QProcessEnvironment environment = freshEnvironment();
        const auto results
            = runTogether({ { u"sync"_s, store, u"--cache"_s, cache },
                              { u"runs"_s, store, u"--cache"_s, cache, u"--format"_s, u"json"_s, u"--all"_s } },
                environment);
        VERIFY_CLEAN(results[0]);
        VERIFY_CLEAN(results[1]);
        QCOMPARE(results[1].out, expected);
        QCOMPARE(runsJson(store, cache, environment), expected);
    }
}

void tst_CliConcurrency::twoSyncsTogether_data()
{
    addStores();
}

void tst_CliConcurrency::twoSyncsTogether()
{
    QFETCH(QString, store);
    const QByteArray expected = reference(store);
    for (int round = 0; round < rounds; ++round) {
        const QString cache = freshFolder();
        const QProcessEnvironment environment = freshEnvironment();
        const QStringList sync { u"sync"_s, store, u"--cache"_s, cache };
        const auto results = runTogether({ sync, sync }, environment);
        VERIFY_CLEAN(results[0]);
        VERIFY_CLEAN(results[1]);
        QCOMPARE(runsJson(store, cache, environment), expected);
    }
}

void tst_CliConcurrency::threeRunsOnANewCache_data()
{
    addStores();
}

void tst_CliConcurrency::threeRunsOnANewCache()
{
    QFETCH(QString, store);
    const QByteArray expected = reference(store);
    for (int round = 0; round < rounds; ++round) {
        const QString cache = freshFolder();
        const QStringList runs { u"runs"_s, store, u"--cache"_s, cache, u"--format"_s, u"json"_s, u"--all"_s };
        const auto results = runTogether({ runs, runs, runs }, freshEnvironment());
        for (const CliResult& result : results) {
            VERIFY_CLEAN(result);
            QCOMPARE(result.out, expected);
        }
    }
}

void tst_CliConcurrency::clearWhileSyncing_data()
{
    addStores();
}

void tst_CliConcurrency::clearWhileSyncing()
{
    QFETCH(QString, store);
    const QByteArray expected = reference(store);
    int refused = 0;
    for (int round = 0; round < rounds; ++round) {
        const QString cache = freshFolder();
        const QProcessEnvironment environment = freshEnvironment();
        if (round % 2 == 1) // half the rounds clear a cache that exists, half a new one
            QCOMPARE(runsJson(store, cache, environment), expected);
        const auto results = runTogether(
            { { u"sync"_s, store, u"--cache"_s, cache }, { u"clear"_s, store, u"--cache"_s, cache } }, environment);
        VERIFY_CLEAN(results[0]);
        const CliResult& clear = results[1];
        QVERIFY(clear.finished);
        QVERIFY2(!clear.errText().contains(sqlText), clear.err.constData());
        if (clear.exitCode != 0) {
            ++refused;
            QCOMPARE(clear.exitCode, 1);
            QVERIFY2(clear.errText().contains(u"in use by another Provenance process"_s), clear.err.constData());
        }
        QCOMPARE(runsJson(store, cache, environment), expected);
    }
    qInfo() << refused << "of" << rounds << "clears were refused while a sync ran";
}

void tst_CliConcurrency::clearIsRefusedWhileTheCacheIsOpen()
{
    const QString store = sharedFileStore();
    const QString cacheFolder = freshFolder();
    const QProcessEnvironment environment = freshEnvironment();
    QCOMPARE(runsJson(store, cacheFolder, environment), reference(store));
    auto location = StoreLocation::fromArgument(store, workingDirectory());
    QVERIFY(location);
    const QString cachePath = CacheLocator::databasePath(cacheFolder, *location);
    const QStringList clear { u"clear"_s, store, u"--cache"_s, cacheFolder };
    {
        // Another process using the cache (as the app does while it shows the store).
        auto use = CacheLock::tryAcquire(cachePath, CacheLock::Kind::Use);
        QVERIFY(use);
        const CliResult refused = run(clear, environment);
        QCOMPARE(refused.exitCode, 1);
        QVERIFY2(refused.errText().contains(u"in use by another Provenance process"_s), refused.err.constData());
        QVERIFY(QFileInfo::exists(cachePath));
    }
    {
        // A reader that takes no lock: SQLite's own locks still show the file is open.
        auto reader = CacheReader::open(cachePath);
        QVERIFY(reader);
        QVERIFY(reader->info());
        const CliResult refused = run(clear, environment);
        QCOMPARE(refused.exitCode, 1);
        QVERIFY2(refused.errText().contains(u"in use by another Provenance process"_s), refused.err.constData());
        QVERIFY(QFileInfo::exists(cachePath));
        QVERIFY(reader->info()); // its -wal is still there
    }
    const CliResult cleared = run(clear, environment);
    VERIFY_CLEAN(cleared);
    QVERIFY(!QFileInfo::exists(cachePath));
    QVERIFY(!QFileInfo::exists(cachePath + u"-wal"_s));
    QCOMPARE(runsJson(store, cacheFolder, environment), reference(store));
}

QTEST_GUILESS_MAIN(tst_CliConcurrency)
#include "tst_CliConcurrency.moc"
