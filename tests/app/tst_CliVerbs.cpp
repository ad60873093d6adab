#include "CliTestCase.h"
#include "FixtureManifest.h"
#include "JsonDifference.h"
#include "RunIndex.h"
#include "Sorted.h"
#include "TestFixtures.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcessEnvironment>
#include <QTemporaryDir>
#include <QTest>

#include <map>

using namespace Qt::StringLiterals;

// Specifies the listing verbs besides `runs`: `models` (versions, stages, aliases), `experiments`
// (with active run counts) and `issues` (damaged store files, while the rest still lists).
class tst_CliVerbs : public CliTestCase
{
    Q_OBJECT

public:
    tst_CliVerbs()
        : CliTestCase(QStringLiteral(PROVENANCE_BINARY))
    { }

private Q_SLOTS:
    void initTestCase();

    void modelsListVersionsStagesAndAliases_data();
    void modelsListVersionsStagesAndAliases();
    void mlflow2ModelsMatchMlflowsOwnClient_data();
    void mlflow2ModelsMatchMlflowsOwnClient();
    void experimentsListEveryExperimentWithActiveRunCounts_data();
    void experimentsListEveryExperimentWithActiveRunCounts();

    void issuesListNothingForACleanStore();
    void issuesListADamagedMetricFile();
};

void tst_CliVerbs::initTestCase()
{
    QVERIFY(setUp());
}

void tst_CliVerbs::modelsListVersionsStagesAndAliases_data()
{
    QTest::addColumn<QString>("store");
    QTest::addColumn<QString>("manifest");
    QTest::newRow("file store") << sharedFileStore() << u"mlflow/manifest-filestore.json"_s;
    QTest::newRow("sqlite") << sharedSqliteStore() << u"mlflow/manifest-sqlite.json"_s;
}

void tst_CliVerbs::modelsListVersionsStagesAndAliases()
{
    QFETCH(QString, store);
    QFETCH(QString, manifest);

    const CliResult result = run({ u"models"_s, store, u"--cache"_s, m_cache, u"--format"_s, u"json"_s });
    QVERIFY2(result.finished && result.exitCode == 0, result.describe().constData());
    const auto models = byId(QJsonDocument::fromJson(result.out).array(), u"name"_s);
    const QJsonObject expected = readObject(manifest).value(u"registered_models"_s).toObject();
    QCOMPARE(models.size(), std::size_t(expected.size()));

    for (auto it = expected.begin(); it != expected.end(); ++it) {
        const auto model = models.find(it.key());
        QVERIFY2(model != models.end(), qPrintable(it.key()));
        const QJsonObject aliases = it.value()[u"aliases"_s].toObject();
        QCOMPARE(model->second[u"aliases"_s].toObject(), aliases);
        const QJsonObject expectedVersions = it.value()[u"versions"_s].toObject();
        const QJsonArray versions = model->second[u"versions"_s].toArray();
        QCOMPARE(versions.size(), expectedVersions.size());
        for (const QJsonValue& version : versions) {
            const QString number = version[u"version"_s].toString();
            const QJsonObject want = expectedVersions.value(number).toObject();
            QVERIFY2(!want.isEmpty(), qPrintable(it.key() + u" v"_s + number));
            QCOMPARE(version[u"stage"_s].toString(), want[u"stage"_s].toString());
            QCOMPARE(version[u"run_id"_s].toString(), want[u"run_id"_s].toString());
            QCOMPARE(version[u"source"_s].toString(), want[u"source"_s].toString());
            QStringList wantAliases;
            for (auto a = aliases.begin(); a != aliases.end(); ++a) {
                if (a.value().toString() == number)
                    wantAliases << a.key();
            }
            QStringList haveAliases;
            for (const QJsonValue& alias : version[u"aliases"_s].toArray())
                haveAliases << alias.toString();
            QCOMPARE(sorted(haveAliases), sorted(wantAliases));
        }
    }

    // Spelled out for the registry's main model.
    const QJsonArray iris = models.at(u"iris-classifier"_s)[u"versions"_s].toArray();
    QCOMPARE(iris.size(), 3);
    QStringList numbers, stages;
    for (const QJsonValue& version : iris) {
        numbers << version[u"version"_s].toString();
        stages << version[u"stage"_s].toString();
    }
    QCOMPARE(numbers, (QStringList { u"1"_s, u"2"_s, u"3"_s }));
    QCOMPARE(stages, (QStringList { u"Archived"_s, u"Production"_s, u"Staging"_s }));
    QCOMPARE(models.at(u"iris-classifier"_s)[u"aliases"_s][u"champion"_s].toString(), u"2"_s);
    QCOMPARE(iris[1][u"aliases"_s].toArray(), QJsonArray { u"champion"_s });
    QCOMPARE(iris[1][u"run_name"_s].toString(), u"logreg-final"_s);
}

void tst_CliVerbs::mlflow2ModelsMatchMlflowsOwnClient_data()
{
    QTest::addColumn<QString>("store");
    QTest::addColumn<QString>("storeKey");
    QTest::newRow("file store") << TestFixtures::dataPath(u"mlflow2/mlruns"_s) << u"filestore"_s;
    QTest::newRow("sqlite") << TestFixtures::dataPath(u"mlflow2/sqlite/mlflow.db"_s) << u"sqlite"_s;
}

void tst_CliVerbs::mlflow2ModelsMatchMlflowsOwnClient()
{
    QFETCH(QString, store);
    QFETCH(QString, storeKey);

    const QJsonObject expected = TestFixtures::mlflow2Expected(storeKey);
    const CliResult result = run({ u"models"_s, store, u"--cache"_s, m_cache, u"--format"_s, u"json"_s });
    QVERIFY2(result.finished && result.exitCode == 0, result.describe().constData());
    const QJsonArray models = QJsonDocument::fromJson(result.out).array();
    const QJsonArray expectedModels = expected.value(u"registered_models"_s).toArray();
    QCOMPARE(models.size(), expectedModels.size());
    const auto byModelName = byId(models, u"name"_s);
    for (const QJsonValue& want : expectedModels) {
        const auto model = byModelName.find(want[u"name"_s].toString());
        QVERIFY(model != byModelName.end());
        for (const QString& field : { u"description"_s, u"tags"_s, u"aliases"_s }) {
            const QString difference = jsonDifference(model->second[field], want[field], u"model."_s + field);
            QVERIFY2(difference.isEmpty(), qPrintable(difference));
        }
    }

    const QJsonArray expectedVersions = expected.value(u"model_versions"_s).toArray();
    QCOMPARE(expectedVersions.size(), 3);
    for (const QJsonValue& want : expectedVersions) {
        const auto model = byModelName.find(want[u"name"_s].toString());
        QVERIFY(model != byModelName.end());
        const auto versions = byId(model->second[u"versions"_s].toArray(), u"version"_s);
        const auto version = versions.find(want[u"version"_s].toString());
        QVERIFY2(version != versions.end(), qPrintable(want[u"version"_s].toString()));
        for (const QString& field : { u"run_id"_s, u"source"_s, u"stage"_s, u"description"_s, u"tags"_s }) {
            const QString difference = jsonDifference(
                version->second[field], want[field], u"v"_s + want[u"version"_s].toString() + u'.' + field);
            QVERIFY2(difference.isEmpty(), qPrintable(difference));
        }
        QStringList haveAliases, wantAliases;
        for (const QJsonValue& alias : version->second[u"aliases"_s].toArray())
            haveAliases << alias.toString();
        for (const QJsonValue& alias : want[u"aliases"_s].toArray())
            wantAliases << alias.toString();
        QCOMPARE(sorted(haveAliases), sorted(wantAliases));
    }
}

void tst_CliVerbs::experimentsListEveryExperimentWithActiveRunCounts_data()
{
    QTest::addColumn<QString>("store");
    QTest::addColumn<QString>("manifest");
    QTest::newRow("file store") << sharedFileStore() << u"mlflow/manifest-filestore.json"_s;
    QTest::newRow("sqlite") << sharedSqliteStore() << u"mlflow/manifest-sqlite.json"_s;
}

void tst_CliVerbs::experimentsListEveryExperimentWithActiveRunCounts()
{
    QFETCH(QString, store);
    QFETCH(QString, manifest);

    const QJsonObject generator = readObject(manifest);
    QHash<QString, qint64> activeRuns;
    for (const QJsonValue& run : generator.value(u"runs"_s).toObject()) {
        if (run[u"lifecycle_stage"_s].toString() == u"active"_s)
            ++activeRuns[run[u"experiment_id"_s].toString()];
    }

    const CliResult result = run({ u"experiments"_s, store, u"--cache"_s, m_cache, u"--format"_s, u"json"_s });
    QVERIFY2(result.finished && result.exitCode == 0, result.describe().constData());
    const auto experiments = byId(QJsonDocument::fromJson(result.out).array(), u"name"_s);
    QCOMPARE(experiments.size(), 5u);
    QCOMPARE(experiments.count(u"Default"_s), 1u);
    QCOMPARE(experiments.at(u"Default"_s)[u"experiment_id"_s].toString(), u"0"_s);
    const QJsonObject expected = generator.value(u"experiments"_s).toObject();
    for (auto it = expected.begin(); it != expected.end(); ++it) {
        const auto experiment = experiments.find(it.key());
        QVERIFY2(experiment != experiments.end(), qPrintable(it.key()));
        const QString id = it.value()[u"id"_s].toString();
        QCOMPARE(experiment->second[u"experiment_id"_s].toString(), id);
        QCOMPARE(experiment->second[u"lifecycle_stage"_s].toString(), it.value()[u"lifecycle_stage"_s].toString());
        QCOMPARE(experiment->second[u"active_runs"_s].toInteger(), activeRuns.value(id));
    }

    const CliResult table = run({ u"experiments"_s, store, u"--cache"_s, m_cache });
    QVERIFY2(table.finished && table.exitCode == 0, table.describe().constData());
    const QStringList lines = table.outText().split(u'\n', Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), 1 + 5);
    QVERIFY(lines.first().startsWith(u"EXPERIMENT ID"_s));
    QVERIFY(table.outText().contains(u"Prévision des ventes — 売上予測 📈"_s));
}

void tst_CliVerbs::issuesListNothingForACleanStore()
{
    for (const QString& store : { sharedFileStore(), sharedSqliteStore() }) {
        const CliResult result = run({ u"issues"_s, store, u"--cache"_s, m_cache, u"--format"_s, u"json"_s });
        QVERIFY2(result.finished && result.exitCode == 0, result.describe().constData());
        QJsonParseError error;
        const QJsonDocument document = QJsonDocument::fromJson(result.out, &error);
        QCOMPARE(error.error, QJsonParseError::NoError);
        QVERIFY(document.isArray());
        QVERIFY2(document.array().isEmpty(), result.out.constData());
    }
}

void tst_CliVerbs::issuesListADamagedMetricFile()
{
    const QString store = copyOfFixture(u"mlflow2/mlruns"_s);
    QVERIFY(!store.isEmpty());
    QString runId, experimentId;
    const QJsonArray expectedRuns = TestFixtures::mlflow2Expected(u"filestore"_s).value(u"runs"_s).toArray();
    for (const QJsonValue& run : expectedRuns) {
        if (run[u"run_name"_s].toString() == u"rf-final"_s) {
            runId = run[u"run_id"_s].toString();
            experimentId = run[u"experiment_id"_s].toString();
        }
    }
    QVERIFY(!runId.isEmpty());
    QFile metric(store + u'/' + experimentId + u'/' + runId + u"/metrics/val_rmse"_s);
    QVERIFY(metric.open(QIODevice::Append));
    metric.write("this is not a metric line\n");
    metric.close();

    const QString cache = freshFolder();
    const CliResult result = run({ u"issues"_s, store, u"--cache"_s, cache, u"--format"_s, u"json"_s });
    QVERIFY2(result.finished && result.exitCode == 0, result.describe().constData());
    const QJsonArray issues = QJsonDocument::fromJson(result.out).array();
    QCOMPARE(issues.size(), 1);
    QCOMPARE(issues[0][u"run_id"_s].toString(), runId);
    QCOMPARE(issues[0][u"experiment_id"_s].toString(), experimentId);
    QVERIFY2(issues[0][u"location"_s].toString().endsWith(u"metrics/val_rmse"_s),
        qPrintable(issues[0][u"location"_s].toString()));
    QVERIFY(!issues[0][u"message"_s].toString().isEmpty());

    // The rest of the store is still listed.
    const CliResult runs = run({ u"runs"_s, store, u"--cache"_s, cache, u"--format"_s, u"json"_s });
    QVERIFY2(runs.finished && runs.exitCode == 0, runs.describe().constData());
    QCOMPARE(QJsonDocument::fromJson(runs.out).array().size(), 11);

    const CliResult table = run({ u"issues"_s, store, u"--cache"_s, cache });
    QVERIFY2(table.finished && table.exitCode == 0, table.describe().constData());
    QVERIFY(table.outText().startsWith(u"SEVERITY"_s));
    QVERIFY(table.outText().contains(runId));
}

QTEST_GUILESS_MAIN(tst_CliVerbs)
#include "tst_CliVerbs.moc"
