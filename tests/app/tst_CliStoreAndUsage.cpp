#include "CliTestCase.h"
#include "FixtureManifest.h"
#include "TestFixtures.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QProcessEnvironment>
#include <QTemporaryDir>
#include <QTest>
#include <QUrl>

using namespace Qt::StringLiterals;

namespace {

// The binary's exit codes besides 0 (app/CommandLine.h).
constexpr int exitFailed = 1;
constexpr int exitUsage = 2;

} // namespace

// Specifies how the command line treats stores and its own arguments: one summary line per sync, the
// cache in XDG_CACHE_HOME, the store from MLFLOW_TRACKING_URI, one-line usage errors, answers from
// the cache when the store is gone, and a store that is never modified.
class tst_CliStoreAndUsage : public CliTestCase
{
    Q_OBJECT

public:
    tst_CliStoreAndUsage()
        : CliTestCase(QStringLiteral(PROVENANCE_BINARY))
    { }

private Q_SLOTS:
    void initTestCase();

    void syncPrintsOneSummaryLine_data();
    void syncPrintsOneSummaryLine();
    void syncUsesTheXdgCacheFolderByDefault();

    void badFilterIsAUsageErrorNamingTheColumn_data();
    void badFilterIsAUsageErrorNamingTheColumn();
    void unknownFormatIsAUsageError();
    void unknownCommandOrOptionIsAUsageError_data();
    void unknownCommandOrOptionIsAUsageError();
    void missingStoreIsAUsageError_data();
    void missingStoreIsAUsageError();
    void trackingUriFromTheEnvironment_data();
    void trackingUriFromTheEnvironment();
    void notAStoreFailsNamingThePath();

    void answersFromTheCacheWhenTheStoreIsGone_data();
    void answersFromTheCacheWhenTheStoreIsGone();
    void neverModifiesTheStore_data();
    void neverModifiesTheStore();
};

void tst_CliStoreAndUsage::initTestCase()
{
    QVERIFY(setUp());
}

void tst_CliStoreAndUsage::syncPrintsOneSummaryLine_data()
{
    QTest::addColumn<QString>("store");
    QTest::newRow("file store") << sharedFileStore();
    QTest::newRow("sqlite") << sharedSqliteStore();
}

void tst_CliStoreAndUsage::syncPrintsOneSummaryLine()
{
    QFETCH(QString, store);
    const QString cache = freshFolder();

    const CliResult first = run({ u"sync"_s, store, u"--cache"_s, cache });
    QVERIFY(first.finished);
    QVERIFY2(first.exitCode == 0, first.describe().constData());
    const QStringList lines = first.outText().split(u'\n', Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), 1);
    // Counts from the fixture's README and manifest: 5 experiments (incl. Default), 30 runs,
    // 13,970 distinct metric points.
    QVERIFY2(lines[0].contains(u"5 experiments, 30 runs"_s), qPrintable(lines[0]));
    QVERIFY2(lines[0].contains(u"(30 read, 0 unchanged)"_s), qPrintable(lines[0]));
    QVERIFY2(lines[0].contains(u"13970 metric points"_s), qPrintable(lines[0]));

    // Nothing changed in the store: nothing is read again.
    const CliResult second = run({ u"sync"_s, store, u"--cache"_s, cache });
    QVERIFY2(second.exitCode == 0, second.describe().constData());
    QCOMPARE(second.outText().count(u'\n'), 1);
    QVERIFY2(second.outText().contains(u"5 experiments, 30 runs (0 read, 30 unchanged)"_s), second.out.constData());
}

void tst_CliStoreAndUsage::syncUsesTheXdgCacheFolderByDefault()
{
    QProcessEnvironment environment = m_environment;
    const QString xdgCache = freshFolder();
    environment.insert(u"XDG_CACHE_HOME"_s, xdgCache);
    const CliResult result = run({ u"sync"_s, TestFixtures::dataPath(u"mlflow2/mlruns"_s) }, environment);
    QVERIFY2(result.finished && result.exitCode == 0, result.describe().constData());
    const QStringList caches = QDir(xdgCache + u"/provenance/stores"_s).entryList({ u"*.sqlite"_s }, QDir::Files);
    QCOMPARE(caches.size(), 1);
    QVERIFY2(caches[0].startsWith(u"mlruns-"_s), qPrintable(caches[0]));
    QVERIFY(QDir(environment.value(u"HOME"_s)).isEmpty());
}

void tst_CliStoreAndUsage::badFilterIsAUsageErrorNamingTheColumn_data()
{
    QTest::addColumn<QString>("filter");
    QTest::addColumn<int>("column");

    QTest::newRow("param value must be quoted: the 4") << u"params.max_depth = 4"_s << 20;
    QTest::newRow("MLflow has no OR: the or") << u"metrics.val_auc > 0.8 or params.x = '1'"_s << 23;
    QTest::newRow("unknown entity: the key") << u"metric.val_auc > 0.8 and weights.x = 1"_s << 26;
}

void tst_CliStoreAndUsage::badFilterIsAUsageErrorNamingTheColumn()
{
    QFETCH(QString, filter);
    QFETCH(int, column);

    const CliResult result
        = run({ u"runs"_s, sharedFileStore(), u"--cache"_s, m_cache, u"--format"_s, u"json"_s, u"--filter"_s, filter });
    QVERIFY(result.finished);
    QCOMPARE(result.exitCode, exitUsage);
    QVERIFY2(result.out.isEmpty(), result.out.constData());
    QVERIFY2(result.errText().contains(u"column %1"_s.arg(column)), result.err.constData());
    QCOMPARE(result.errText().count(u'\n'), 1); // one line, no usage dump
}

void tst_CliStoreAndUsage::unknownFormatIsAUsageError()
{
    const CliResult result = run({ u"runs"_s, sharedFileStore(), u"--cache"_s, m_cache, u"--format"_s, u"xml"_s });
    QVERIFY(result.finished);
    QCOMPARE(result.exitCode, exitUsage);
    QVERIFY(result.out.isEmpty());
    QVERIFY2(result.errText().contains(u"xml"_s), result.err.constData());
}

void tst_CliStoreAndUsage::unknownCommandOrOptionIsAUsageError_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("named");
    QTest::newRow("misspelt verb") << QStringList { u"snyc"_s } << u"unknown command 'snyc'"_s;
    QTest::newRow("unknown option") << QStringList { u"runs"_s, u"--colour"_s, sharedFileStore() } << u"colour"_s;
}

void tst_CliStoreAndUsage::unknownCommandOrOptionIsAUsageError()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, named);
    const CliResult result = run(arguments);
    QVERIFY(result.finished);
    QCOMPARE(result.exitCode, exitUsage);
    QVERIFY(result.out.isEmpty());
    QVERIFY2(result.errText().contains(named), result.err.constData());
    QVERIFY2(result.errText().contains(u"Usage:"_s), result.err.constData());
}

void tst_CliStoreAndUsage::missingStoreIsAUsageError_data()
{
    QTest::addColumn<bool>("setEmptyVariable");
    QTest::newRow("MLFLOW_TRACKING_URI unset") << false;
    QTest::newRow("MLFLOW_TRACKING_URI empty") << true;
}

void tst_CliStoreAndUsage::missingStoreIsAUsageError()
{
    QFETCH(bool, setEmptyVariable);
    QProcessEnvironment environment = m_environment;
    if (setEmptyVariable)
        environment.insert(u"MLFLOW_TRACKING_URI"_s, QString());
    for (const QString& verb : { u"sync"_s, u"runs"_s, u"models"_s }) {
        const CliResult result = run({ verb, u"--cache"_s, freshFolder() }, environment);
        QVERIFY(result.finished);
        QCOMPARE(result.exitCode, exitUsage);
        QVERIFY(result.out.isEmpty());
        QVERIFY2(result.errText().contains(u"MLFLOW_TRACKING_URI"_s), result.err.constData());
    }
}

void tst_CliStoreAndUsage::trackingUriFromTheEnvironment_data()
{
    QTest::addColumn<QString>("uri");
    QTest::newRow("mlruns path") << sharedFileStore();
    QTest::newRow("file: URI") << QUrl::fromLocalFile(sharedFileStore()).toString();
    QTest::newRow("sqlite: URI, absolute") << u"sqlite:///"_s + sharedSqliteStore();
    // Relative forms are read against the working directory (the scratch folder here).
    const QDir workingDirectory(this->workingDirectory());
    QTest::newRow("relative path") << workingDirectory.relativeFilePath(sharedFileStore());
    QTest::newRow("sqlite: URI, relative") << u"sqlite:///"_s + workingDirectory.relativeFilePath(sharedSqliteStore());
}

void tst_CliStoreAndUsage::trackingUriFromTheEnvironment()
{
    QFETCH(QString, uri);
    QProcessEnvironment environment = m_environment;
    environment.insert(u"MLFLOW_TRACKING_URI"_s, uri);
    const CliResult result = run({ u"runs"_s, u"--cache"_s, m_cache, u"--format"_s, u"json"_s }, environment);
    QVERIFY2(result.finished && result.exitCode == 0, result.describe().constData());
    QCOMPARE(QJsonDocument::fromJson(result.out).array().size(), 27);
}

void tst_CliStoreAndUsage::notAStoreFailsNamingThePath()
{
    const QString notes = QDir(workingDirectory()).filePath(u"notes.txt"_s);
    QFile file(notes);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("just some notes, not an MLflow store\n");
    file.close();

    for (const QString& verb : { u"sync"_s, u"runs"_s }) {
        const CliResult result = run({ verb, notes, u"--cache"_s, freshFolder() });
        QVERIFY(result.finished);
        QVERIFY2(result.exitCode != 0, result.describe().constData());
        QVERIFY(result.out.isEmpty());
        QVERIFY2(result.errText().contains(notes), result.err.constData());
        QVERIFY2(result.errText().contains(u"not an MLflow store"_s), result.err.constData());
    }
    // The file is left alone.
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(file.readAll(), QByteArray("just some notes, not an MLflow store\n"));
}

void tst_CliStoreAndUsage::answersFromTheCacheWhenTheStoreIsGone_data()
{
    QTest::addColumn<QString>("fixture"); // folder copied
    QTest::addColumn<QString>("store"); // the store inside the copy; empty: the copy itself
    QTest::newRow("file store") << u"mlflow/mlruns"_s << QString();
    QTest::newRow("sqlite") << u"mlflow/sqlite"_s << u"mlflow.db"_s;
}

void tst_CliStoreAndUsage::answersFromTheCacheWhenTheStoreIsGone()
{
    QFETCH(QString, fixture);
    QFETCH(QString, store);

    const QString copy = copyOfFixture(fixture);
    QVERIFY(!copy.isEmpty());
    const QString storePath = store.isEmpty() ? copy : copy + u'/' + store;
    const QString cache = freshFolder();

    const CliResult sync = run({ u"sync"_s, storePath, u"--cache"_s, cache });
    QVERIFY2(sync.finished && sync.exitCode == 0, sync.describe().constData());
    const CliResult online = run({ u"runs"_s, storePath, u"--cache"_s, cache, u"--format"_s, u"json"_s });
    QVERIFY2(online.finished && online.exitCode == 0, online.describe().constData());
    QCOMPARE(QJsonDocument::fromJson(online.out).array().size(), 27);

    QVERIFY(QDir(copy).removeRecursively());
    const CliResult offline = run({ u"runs"_s, storePath, u"--cache"_s, cache, u"--format"_s, u"json"_s });
    QVERIFY(offline.finished);
    QVERIFY2(offline.exitCode == 0, offline.describe().constData());
    QCOMPARE(QJsonDocument::fromJson(offline.out), QJsonDocument::fromJson(online.out));
    QVERIFY2(offline.errText().contains(u"not reachable"_s), offline.err.constData());
    QVERIFY2(offline.errText().contains(u"from the cache"_s), offline.err.constData());

    // The same gone store with an empty cache folder: nothing to answer from.
    const CliResult noCache = run({ u"runs"_s, storePath, u"--cache"_s, freshFolder(), u"--format"_s, u"json"_s });
    QVERIFY(noCache.finished);
    QCOMPARE(noCache.exitCode, exitFailed);
    QVERIFY(noCache.out.isEmpty());
    QVERIFY2(noCache.errText().contains(u"no cache"_s), noCache.err.constData());
}

void tst_CliStoreAndUsage::neverModifiesTheStore_data()
{
    QTest::addColumn<QString>("fixture"); // folder copied
    QTest::addColumn<QString>("store"); // the store inside the copy; empty: the copy itself
    QTest::newRow("file store") << u"mlflow/mlruns"_s << QString();
    QTest::newRow("sqlite") << u"mlflow/sqlite"_s << u"mlflow.db"_s;
    QTest::newRow("mlflow2 file store") << u"mlflow2/mlruns"_s << QString();
    QTest::newRow("mlflow2 sqlite") << u"mlflow2/sqlite"_s << u"mlflow.db"_s;
}

void tst_CliStoreAndUsage::neverModifiesTheStore()
{
    QFETCH(QString, fixture);
    QFETCH(QString, store);

    const QString copy = copyOfFixture(fixture);
    QVERIFY(!copy.isEmpty());
    const QString storePath = store.isEmpty() ? copy : copy + u'/' + store;
    const QByteArray before = TestFixtures::treeDigest(copy);
    const QString cache = freshFolder();

    const QList<QStringList> commands {
        { u"sync"_s, storePath, u"--cache"_s, cache },
        { u"sync"_s, storePath, u"--cache"_s, cache },
        { u"runs"_s, storePath, u"--cache"_s, cache, u"--all"_s, u"--format"_s, u"csv"_s },
        { u"runs"_s, storePath, u"--cache"_s, cache, u"--filter"_s, u"metrics.x > 1"_s },
        { u"experiments"_s, storePath, u"--cache"_s, cache },
        { u"models"_s, storePath, u"--cache"_s, cache, u"--format"_s, u"json"_s },
        { u"issues"_s, storePath, u"--cache"_s, cache },
    };
    for (const QStringList& command : commands) {
        const CliResult result = run(command);
        QVERIFY2(result.finished && result.exitCode == 0, qPrintable(command.join(u' ') + u": "_s + result.errText()));
    }
    QCOMPARE(TestFixtures::treeDigest(copy), before);
    // The cache went where it was told to, not beside the store.
    QVERIFY(!QDir(cache + u"/stores"_s).entryList({ u"*.sqlite"_s }, QDir::Files).isEmpty());
}

QTEST_GUILESS_MAIN(tst_CliStoreAndUsage)
#include "tst_CliStoreAndUsage.moc"
