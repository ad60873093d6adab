#include "CliTestCase.h"
#include "JsonDifference.h"
#include "TestFixtures.h"
#include "core/SqliteDatabase.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>
#include <QThread>

using namespace Qt::StringLiterals;

namespace {

// The part of a registry answer that --at reports as it was: per model, its aliases and, per
// version that existed, its stage and aliases.
QJsonArray bindingsOf(const QJsonArray& registry)
{
    QJsonArray models;
    for (const QJsonValue& m : registry) {
        QJsonArray versions;
        for (const QJsonValue& v : m.toObject().value(u"versions"_s).toArray()) {
            const QJsonObject version = v.toObject();
            versions.append(QJsonObject { { u"version"_s, version.value(u"version"_s) },
                { u"stage"_s, version.value(u"stage"_s) }, { u"aliases"_s, version.value(u"aliases"_s) } });
        }
        models.append(QJsonObject { { u"name"_s, m.toObject().value(u"name"_s) },
            { u"aliases"_s, m.toObject().value(u"aliases"_s) }, { u"versions"_s, versions } });
    }
    return models;
}

} // namespace

// `provenance registry`: over a sequence of snapshots of a store whose aliases and stages move
// (made with MLflow's own client, tests/data/registry-sequence), the registry after each sync
// and the registry --at each moment afterwards equal what MLflow's client answered at that
// step, for a file store and an SQLite backend; the history survives clearing the cache.
class tst_CliRegistry : public CliTestCase
{
    Q_OBJECT

public:
    tst_CliRegistry()
        : CliTestCase(QStringLiteral(PROVENANCE_BINARY))
    { }

private:
    QJsonObject m_answers;

    // Replaces the store at `live` with the snapshot of `step`.
    static bool putStep(const QString& kind, int step, const QString& live)
    {
        const QString snapshot = TestFixtures::dataPath(u"registry-sequence/%1/step-%2"_s.arg(kind).arg(step));
        if (kind == u"filestore"_s) {
            QDir(live).removeRecursively();
            return TestFixtures::copyTree(snapshot + u"/mlruns"_s, live);
        }
        QFile::remove(live);
        return QFile::copy(snapshot + u"/mlflow.db"_s, live);
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(setUp());
        m_answers = TestFixtures::readJson(TestFixtures::dataPath(u"registry-sequence/answers.json"_s)).object();
        QVERIFY(!m_answers.isEmpty());
    }

    void registryAndHistoryMatchMlflowAtEveryStep_data()
    {
        QTest::addColumn<QString>("kind");
        QTest::newRow("file store") << u"filestore"_s;
        QTest::newRow("sqlite") << u"sqlite"_s;
    }
    void registryAndHistoryMatchMlflowAtEveryStep()
    {
        QFETCH(QString, kind);
        const QJsonArray steps = m_answers.value(kind).toArray();
        QCOMPARE(steps.size(), 6);
        const QString live = freshFolder() + (kind == u"filestore"_s ? u"/mlruns"_s : u"/mlflow.db"_s);
        const QString cache = freshFolder();
        QList<qint64> after;
        for (int step = 0; step < steps.size(); ++step) {
            QVERIFY(putStep(kind, step, live));
            if (step == 3) // Clear Cached Data half way: the history lives in the journal
                QVERIFY(QDir(cache).removeRecursively());
            const CliResult r = run({ u"registry"_s, live, u"--cache"_s, cache, u"--format"_s, u"json"_s });
            QVERIFY2(r.finished && r.exitCode == 0, r.describe().constData());
            const QJsonArray expected = steps[step].toObject().value(u"registry"_s).toArray();
            const QString difference
                = jsonDifference(QJsonDocument::fromJson(r.out).array(), expected, u"step %1"_s.arg(step));
            QVERIFY2(difference.isEmpty(), qPrintable(difference));
            after << QDateTime::currentMSecsSinceEpoch();
            QThread::msleep(5);
        }
        for (int step = 0; step < steps.size(); ++step) {
            const CliResult r = run({ u"registry"_s, live, u"--cache"_s, cache, u"--format"_s, u"json"_s, u"--at"_s,
                QString::number(after[step]) });
            QVERIFY2(r.finished && r.exitCode == 0, r.describe().constData());
            const QJsonArray answer = QJsonDocument::fromJson(r.out).array();
            const QJsonArray expected = steps[step].toObject().value(u"registry"_s).toArray();
            const QString difference
                = jsonDifference(bindingsOf(answer), bindingsOf(expected), u"--at step %1"_s.arg(step));
            QVERIFY2(difference.isEmpty(), qPrintable(difference));
            for (const QJsonValue& m : answer) {
                const qint64 observed = m.toObject().value(u"observed_at"_s).toInteger();
                QVERIFY(observed <= after[step] && (step == 0 || observed > after[step - 1]));
            }
            QVERIFY(r.errText().contains(u"as observed by the sync at"_s));
        }
    }

    void anOfflineStoresOldCacheIsUpgradedAndItsHistoryKept()
    {
        const QString store = copyOfFixture(u"mlflow/mlruns"_s);
        const QString cache = freshFolder();
        const QProcessEnvironment environment = CliRunner::isolatedEnvironment(freshFolder());
        CliResult r = run({ u"sync"_s, store, u"--cache"_s, cache }, environment);
        QVERIFY2(r.exitCode == 0, r.describe().constData());
        // Turn the cache into one an older Provenance wrote (schema 1, the history inside it,
        // no journal yet), then lose the store.
        QVERIFY(QDir(environment.value(u"XDG_DATA_HOME"_s)).removeRecursively());
        const QString cacheFile = QDir(cache + u"/stores"_s).entryInfoList({ u"*.sqlite"_s }).value(0).filePath();
        {
            auto db = prov::SqliteDatabase::open(cacheFile, prov::SqliteDatabase::Mode::ReadWrite);
            QVERIFY(db);
            QVERIFY(db->exec(
                u"ALTER TABLE logged_models DROP COLUMN signature_inputs;"
                "ALTER TABLE logged_models DROP COLUMN signature_outputs;"
                "CREATE TABLE binding_observations (id INTEGER PRIMARY KEY, name TEXT NOT NULL, kind TEXT "
                "NOT NULL, binding TEXT NOT NULL, version INTEGER NOT NULL, first_seen INTEGER NOT NULL, "
                "last_seen INTEGER NOT NULL, ended_seen INTEGER, how TEXT NOT NULL DEFAULT 'observed-at-sync');"
                "INSERT INTO binding_observations (name, kind, binding, version, first_seen, last_seen, "
                "ended_seen) VALUES ('churn-model', 'alias', 'champion', 1, 1000, 2000, 3000);"
                "PRAGMA user_version = 1;"_s));
        }
        QVERIFY(QDir().rename(store, store + u".gone"_s));
        r = run({ u"registry"_s, store, u"--cache"_s, cache, u"--format"_s, u"json"_s, u"--at"_s, u"1500"_s,
                    u"--model"_s, u"churn-model"_s },
            environment);
        QVERIFY2(r.exitCode == 0, r.describe().constData());
        QVERIFY(r.errText().contains(u"answering from the cache"_s));
        const QJsonArray models = QJsonDocument::fromJson(r.out).array();
        QCOMPARE(models.size(), 1);
        QCOMPARE(models[0].toObject().value(u"aliases"_s).toObject().value(u"champion"_s).toString(), u"1"_s);
        QCOMPARE(models[0].toObject().value(u"observed_at"_s).toInteger(), 1000);
    }

    void atBeforeTheFirstSyncIsAClearError()
    {
        const QString store = copyOfFixture(u"mlflow/mlruns"_s);
        const CliResult r
            = run({ u"registry"_s, store, u"--cache"_s, freshFolder(), u"--at"_s, u"2020-01-01T00:00"_s });
        QVERIFY(r.finished);
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(
            r.errText().contains(u"is before the first sync that recorded the registry"_s), r.describe().constData());
        QVERIFY(r.out.isEmpty());
    }

    void badArgumentsAreNamed_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<int>("exitCode");
        QTest::addColumn<QString>("sentence");
        QTest::newRow("time") << QStringList { u"--at"_s, u"yesterday-ish"_s } << 2
                              << u"“yesterday-ish” is not a time"_s;
        QTest::newRow("format") << QStringList { u"--format"_s, u"csv"_s } << 2 << u"use table or json"_s;
        QTest::newRow("model") << QStringList { u"--model"_s, u"nope"_s } << 1 << u"no registered model “nope”"_s;
    }
    void badArgumentsAreNamed()
    {
        QFETCH(QStringList, arguments);
        QFETCH(int, exitCode);
        QFETCH(QString, sentence);
        const CliResult r
            = run(QStringList { u"registry"_s, TestFixtures::dataPath(u"mlflow/mlruns"_s), u"--cache"_s, m_cache }
                + arguments);
        QVERIFY(r.finished);
        QCOMPARE(r.exitCode, exitCode);
        QVERIFY2(r.errText().contains(sentence), r.describe().constData());
    }

    void modelOptionListsOneModel()
    {
        const CliResult r = run({ u"registry"_s, TestFixtures::dataPath(u"mlflow/sqlite/mlflow.db"_s), u"--cache"_s,
            m_cache, u"--model"_s, u"churn-model"_s, u"--format"_s, u"json"_s });
        QVERIFY2(r.finished && r.exitCode == 0, r.describe().constData());
        const QJsonArray models = QJsonDocument::fromJson(r.out).array();
        QCOMPARE(models.size(), 1);
        QCOMPARE(models[0].toObject().value(u"aliases"_s).toObject().value(u"champion"_s).toString(), u"2"_s);
        QCOMPARE(models[0].toObject().value(u"versions"_s).toArray().size(), 2);
    }
};

QTEST_GUILESS_MAIN(tst_CliRegistry)
#include "tst_CliRegistry.moc"
