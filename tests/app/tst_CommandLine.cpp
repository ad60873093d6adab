#include "TestFixtures.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>
#include <QUrl>

#include <map>

using namespace Qt::StringLiterals;

namespace {

constexpr int processTimeoutMs = 180000;
constexpr int exitFailed = 1;
constexpr int exitUsage = 2;

// What one run of the `provenance` binary did.
struct CliResult
{
    bool finished = false;
    int exitCode = -1;
    QByteArray out;
    QByteArray err;

    QString errText() const { return QString::fromUtf8(err); }
    QString outText() const { return QString::fromUtf8(out); }
    // For failure messages: the exit code and what went to stderr.
    QByteArray describe() const { return "exit " + QByteArray::number(exitCode) + ", stderr: " + err; }
};

QString sharedFileStore()
{
    return TestFixtures::dataPath(u"mlflow/mlruns"_s);
}

QString sharedSqliteStore()
{
    return TestFixtures::dataPath(u"mlflow/sqlite/mlflow.db"_s);
}

QJsonObject readObject(const QString& relative)
{
    return TestFixtures::readJson(TestFixtures::dataPath(relative)).object();
}

// (experiment name, run name): how runs are matched across stores, whose ids differ.
using RunKey = std::pair<QString, QString>;

std::map<RunKey, QJsonObject> byName(const QJsonArray& runs)
{
    std::map<RunKey, QJsonObject> map;
    for (const QJsonValue& run : runs)
        map[{ run[u"experiment_name"_s].toString(), run[u"run_name"_s].toString() }] = run.toObject();
    return map;
}

std::map<QString, QJsonObject> byId(const QJsonArray& runs, const QString& idKey = u"run_id"_s)
{
    std::map<QString, QJsonObject> map;
    for (const QJsonValue& run : runs)
        map[run[idKey].toString()] = run.toObject();
    return map;
}

QStringList sorted(QStringList list)
{
    list.sort();
    return list;
}

// The first difference between two JSON values, or an empty string when they are equal.
// Numbers compare as doubles (480 and 480.0 are the same value).
QString jsonDifference(const QJsonValue& actual, const QJsonValue& expected, const QString& path)
{
    if (actual.isDouble() && expected.isDouble()) {
        return actual.toDouble() == expected.toDouble()
            ? QString()
            : u"%1: %2 != %3"_s.arg(path).arg(actual.toDouble(), 0, 'g', 17).arg(expected.toDouble(), 0, 'g', 17);
    }
    if (actual.type() != expected.type())
        return u"%1: type %2 != %3"_s.arg(path).arg(int(actual.type())).arg(int(expected.type()));
    if (actual.isObject()) {
        const QJsonObject a = actual.toObject();
        const QJsonObject e = expected.toObject();
        if (a.keys() != e.keys()) {
            return u"%1: keys [%2] != [%3]"_s.arg(path, a.keys().join(u", "_s), e.keys().join(u", "_s));
        }
        for (auto it = e.begin(); it != e.end(); ++it) {
            const QString difference = jsonDifference(a.value(it.key()), it.value(), path + u'.' + it.key());
            if (!difference.isEmpty())
                return difference;
        }
        return {};
    }
    if (actual.isArray()) {
        const QJsonArray a = actual.toArray();
        const QJsonArray e = expected.toArray();
        if (a.size() != e.size())
            return u"%1: %2 elements != %3"_s.arg(path).arg(a.size()).arg(e.size());
        for (qsizetype i = 0; i < a.size(); ++i) {
            const QString difference = jsonDifference(a[i], e[i], path + u'[' + QString::number(i) + u']');
            if (!difference.isEmpty())
                return difference;
        }
        return {};
    }
    return actual == expected
        ? QString()
        : u"%1: '%2' != '%3'"_s.arg(path, actual.toVariant().toString(), expected.toVariant().toString());
}

// RFC 4180: fields separated by commas, records by CRLF; a quoted field may hold commas,
// doubled quotes and line breaks.
QList<QStringList> parseCsv(const QString& text)
{
    QList<QStringList> records;
    QStringList record;
    QString field;
    bool quoted = false;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text[i];
        if (quoted) {
            if (c == u'"' && i + 1 < text.size() && text[i + 1] == u'"') {
                field += u'"';
                ++i;
            } else if (c == u'"') {
                quoted = false;
            } else {
                field += c;
            }
        } else if (c == u'"') {
            quoted = true;
        } else if (c == u',') {
            record << field;
            field.clear();
        } else if (c == u'\r' && i + 1 < text.size() && text[i + 1] == u'\n') {
            record << field;
            field.clear();
            records << record;
            record.clear();
            ++i;
        } else {
            field += c;
        }
    }
    if (!field.isEmpty() || !record.isEmpty()) {
        record << field;
        records << record;
    }
    return records;
}

// Runs the manifest lists for a store: all, or only active runs of active experiments.
QJsonObject manifestRuns(const QJsonObject& manifest, bool all)
{
    QSet<QString> deletedExperiments;
    for (const QJsonValue& experiment : manifest.value(u"experiments"_s).toObject()) {
        if (experiment[u"lifecycle_stage"_s].toString() == u"deleted"_s)
            deletedExperiments.insert(experiment[u"id"_s].toString());
    }
    QJsonObject runs;
    const QJsonObject listed = manifest.value(u"runs"_s).toObject();
    for (auto it = listed.begin(); it != listed.end(); ++it) {
        const bool deleted = it.value()[u"lifecycle_stage"_s].toString() == u"deleted"_s
            || deletedExperiments.contains(it.value()[u"experiment_id"_s].toString());
        if (all || !deleted)
            runs.insert(it.key(), it.value());
    }
    return runs;
}

QString manifestExperimentName(const QJsonObject& manifest, const QString& experimentId)
{
    const QJsonObject experiments = manifest.value(u"experiments"_s).toObject();
    for (auto it = experiments.begin(); it != experiments.end(); ++it) {
        if (it.value()[u"id"_s].toString() == experimentId)
            return it.key();
    }
    return experimentId == u"0"_s ? u"Default"_s : QString();
}

// Newest start time first, as MLflow lists runs.
bool newestFirst(const QJsonArray& runs)
{
    for (qsizetype i = 1; i < runs.size(); ++i) {
        if (runs[i - 1][u"start_time"_s].toInteger() < runs[i][u"start_time"_s].toInteger())
            return false;
    }
    return true;
}

} // namespace

class tst_CommandLine : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();

    void syncPrintsOneSummaryLine_data();
    void syncPrintsOneSummaryLine();
    void syncUsesTheXdgCacheFolderByDefault();

    void runsAgreeBetweenFileStoreAndSqlite();
    void runsMatchTheGeneratorsManifest_data();
    void runsMatchTheGeneratorsManifest();
    void runsReportNonFiniteMetricsAsStrings_data();
    void runsReportNonFiniteMetricsAsStrings();
    void mlflow2RunsMatchMlflowsOwnClient_data();
    void mlflow2RunsMatchMlflowsOwnClient();
    void csvHoldsTheSameValuesAsJson_data();
    void csvHoldsTheSameValuesAsJson();
    void tablePrintsAHeaderAndTheRunCount();

    void filterSelectsRuns_data();
    void filterSelectsRuns();
    void badFilterIsAUsageErrorNamingTheColumn_data();
    void badFilterIsAUsageErrorNamingTheColumn();
    void unknownFormatIsAUsageError();
    void missingStoreIsAUsageError_data();
    void missingStoreIsAUsageError();
    void trackingUriFromTheEnvironment_data();
    void trackingUriFromTheEnvironment();
    void notAStoreFailsNamingThePath();

    void modelsListVersionsStagesAndAliases_data();
    void modelsListVersionsStagesAndAliases();
    void mlflow2ModelsMatchMlflowsOwnClient_data();
    void mlflow2ModelsMatchMlflowsOwnClient();
    void experimentsListEveryExperimentWithActiveRunCounts_data();
    void experimentsListEveryExperimentWithActiveRunCounts();
    void issuesListNothingForACleanStore();
    void issuesListADamagedMetricFile();

    void answersFromTheCacheWhenTheStoreIsGone_data();
    void answersFromTheCacheWhenTheStoreIsGone();
    void neverModifiesTheStore_data();
    void neverModifiesTheStore();

private:
    CliResult run(const QStringList& arguments, const QProcessEnvironment& environment) const;
    CliResult run(const QStringList& arguments) const { return run(arguments, m_environment); }
    // `provenance runs <store> --cache <shared cache> --format json [extra]`, parsed.
    QJsonArray runsJson(const QString& store, const QStringList& extra = {}) const;
    QString freshFolder();

    QTemporaryDir m_scratch;
    QString m_cache; // shared by tests that only read unchanged fixtures
    QProcessEnvironment m_environment;
    int m_folders = 0;
};

void tst_CommandLine::initTestCase()
{
    QVERIFY(m_scratch.isValid());
    QVERIFY(QFileInfo(QStringLiteral(PROVENANCE_BINARY)).isExecutable());
    m_cache = freshFolder();
    m_environment = QProcessEnvironment::systemEnvironment();
    m_environment.insert(u"QT_QPA_PLATFORM"_s, u"offscreen"_s);
    m_environment.insert(u"LC_ALL"_s, u"C.UTF-8"_s);
    // Nothing may touch the user's own cache or settings.
    m_environment.insert(u"HOME"_s, freshFolder());
    m_environment.insert(u"XDG_CACHE_HOME"_s, freshFolder());
    m_environment.insert(u"XDG_CONFIG_HOME"_s, freshFolder());
    m_environment.remove(u"MLFLOW_TRACKING_URI"_s);
}

QString tst_CommandLine::freshFolder()
{
    const QString path = m_scratch.filePath(u"folder-"_s + QString::number(++m_folders));
    QDir().mkpath(path);
    return path;
}

CliResult tst_CommandLine::run(const QStringList& arguments, const QProcessEnvironment& environment) const
{
    QProcess process;
    process.setProcessEnvironment(environment);
    process.setWorkingDirectory(m_scratch.path());
    process.start(QStringLiteral(PROVENANCE_BINARY), arguments);
    CliResult result;
    if (!process.waitForStarted())
        return result;
    process.closeWriteChannel();
    result.finished = process.waitForFinished(processTimeoutMs) && process.exitStatus() == QProcess::NormalExit;
    result.exitCode = process.exitCode();
    result.out = process.readAllStandardOutput();
    result.err = process.readAllStandardError();
    return result;
}

QJsonArray tst_CommandLine::runsJson(const QString& store, const QStringList& extra) const
{
    const CliResult result
        = run(QStringList { u"runs"_s, store, u"--cache"_s, m_cache, u"--format"_s, u"json"_s } + extra);
    if (!result.finished || result.exitCode != 0) {
        qWarning("provenance runs %s: %s", qPrintable(store), result.describe().constData());
        return {};
    }
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(result.out, &error);
    if (error.error != QJsonParseError::NoError || !document.isArray()) {
        qWarning("provenance runs %s: not a JSON array: %s", qPrintable(store), qPrintable(error.errorString()));
        return {};
    }
    return document.array();
}

void tst_CommandLine::syncPrintsOneSummaryLine_data()
{
    QTest::addColumn<QString>("store");
    QTest::newRow("file store") << sharedFileStore();
    QTest::newRow("sqlite") << sharedSqliteStore();
}

void tst_CommandLine::syncPrintsOneSummaryLine()
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

void tst_CommandLine::syncUsesTheXdgCacheFolderByDefault()
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

void tst_CommandLine::runsAgreeBetweenFileStoreAndSqlite()
{
    const QJsonArray fileRuns = runsJson(sharedFileStore(), { u"--all"_s });
    const QJsonArray sqliteRuns = runsJson(sharedSqliteStore(), { u"--all"_s });
    QCOMPARE(fileRuns.size(), 30);
    QCOMPARE(sqliteRuns.size(), 30);
    const auto fileByName = byName(fileRuns);
    const auto sqliteByName = byName(sqliteRuns);
    QCOMPARE(fileByName.size(), 30u); // (experiment, run name) is unique in the fixture
    QCOMPARE(sqliteByName.size(), 30u);

    // Parents are ids, which differ between the stores: compare the parents' names.
    const auto parentName = [](const std::map<QString, QJsonObject>& runsById, const QJsonObject& run) {
        const QJsonValue parent = run[u"parent_run_id"_s];
        if (parent.isNull())
            return u"(none)"_s;
        const auto it = runsById.find(parent.toString());
        return it == runsById.end() ? u"(unknown id)"_s : it->second[u"run_name"_s].toString();
    };
    const auto fileById = byId(fileRuns);
    const auto sqliteById = byId(sqliteRuns);

    for (const auto& [key, fileRun] : fileByName) {
        const QString where = key.first + u" / "_s + key.second;
        const auto match = sqliteByName.find(key);
        QVERIFY2(match != sqliteByName.end(), qPrintable(where));
        const QJsonObject& sqliteRun = match->second;
        for (const QString& field : { u"status"_s, u"lifecycle_stage"_s, u"start_time"_s, u"end_time"_s, u"user"_s,
                 u"params"_s, u"metrics"_s }) {
            const QString difference = jsonDifference(fileRun[field], sqliteRun[field], where + u": "_s + field);
            QVERIFY2(difference.isEmpty(), qPrintable(difference));
        }
        QJsonObject fileTags = fileRun[u"tags"_s].toObject();
        QJsonObject sqliteTags = sqliteRun[u"tags"_s].toObject();
        fileTags.remove(u"mlflow.parentRunId"_s);
        sqliteTags.remove(u"mlflow.parentRunId"_s);
        const QString difference = jsonDifference(fileTags, sqliteTags, where + u": tags"_s);
        QVERIFY2(difference.isEmpty(), qPrintable(difference));
        QCOMPARE(parentName(fileById, fileRun), parentName(sqliteById, sqliteRun));
    }
    QCOMPARE(parentName(fileById, fileByName.at({ u"iris-classifier"_s, u"trial-03"_s })), u"hpo-logreg-sweep"_s);
}

void tst_CommandLine::runsMatchTheGeneratorsManifest_data()
{
    QTest::addColumn<QString>("store");
    QTest::addColumn<QString>("manifest");
    QTest::addColumn<bool>("all");
    QTest::addColumn<int>("count");

    QTest::newRow("file store, default: active runs of active experiments")
        << sharedFileStore() << u"mlflow/manifest-filestore.json"_s << false << 27;
    QTest::newRow("file store, --all") << sharedFileStore() << u"mlflow/manifest-filestore.json"_s << true << 30;
    QTest::newRow("sqlite, default") << sharedSqliteStore() << u"mlflow/manifest-sqlite.json"_s << false << 27;
    QTest::newRow("sqlite, --all") << sharedSqliteStore() << u"mlflow/manifest-sqlite.json"_s << true << 30;
}

void tst_CommandLine::runsMatchTheGeneratorsManifest()
{
    QFETCH(QString, store);
    QFETCH(QString, manifest);
    QFETCH(bool, all);
    QFETCH(int, count);

    const QJsonObject generator = readObject(manifest);
    const QJsonObject expected = manifestRuns(generator, all);
    QCOMPARE(expected.size(), count);
    const QJsonArray runs = runsJson(store, all ? QStringList { u"--all"_s } : QStringList {});
    QCOMPARE(runs.size(), count);
    QVERIFY(newestFirst(runs));

    // The manifest's ids are this store's ids.
    const auto actual = byId(runs);
    for (const QJsonValue& entry : expected) {
        const QString runId = entry[u"run_id"_s].toString();
        const QString name = entry[u"run_name"_s].toString();
        const auto it = actual.find(runId);
        QVERIFY2(it != actual.end(), qPrintable(name));
        const QJsonObject& run = it->second;
        QCOMPARE(run[u"run_name"_s].toString(), name);
        QCOMPARE(run[u"experiment_id"_s].toString(), entry[u"experiment_id"_s].toString());
        QCOMPARE(run[u"experiment_name"_s].toString(),
            manifestExperimentName(generator, entry[u"experiment_id"_s].toString()));
        QCOMPARE(run[u"status"_s].toString(), entry[u"status"_s].toString());
        QCOMPARE(run[u"lifecycle_stage"_s].toString(), entry[u"lifecycle_stage"_s].toString());
        QCOMPARE(run[u"parent_run_id"_s], entry[u"parent"_s]);
        QCOMPARE(run[u"params"_s].toObject().size(), entry[u"n_params"_s].toInt());
        QCOMPARE(sorted(run[u"metrics"_s].toObject().keys()), sorted(entry[u"metrics"_s].toObject().keys()));
        QCOMPARE(run[u"end_time"_s].isNull(), entry[u"status"_s].toString() == u"RUNNING"_s);
    }
}

void tst_CommandLine::runsReportNonFiniteMetricsAsStrings_data()
{
    QTest::addColumn<QString>("store");
    QTest::newRow("file store") << sharedFileStore();
    QTest::newRow("sqlite") << sharedSqliteStore();
}

void tst_CommandLine::runsReportNonFiniteMetricsAsStrings()
{
    QFETCH(QString, store);
    const auto runs = byName(runsJson(store));
    const auto diverged = runs.find({ u"churn-prediction"_s, u"gbm-lr1.0-diverged"_s });
    QVERIFY(diverged != runs.end());
    const QJsonObject metrics = diverged->second[u"metrics"_s].toObject();
    // Latest values (highest step) in the store's metric histories.
    QCOMPARE(metrics[u"val_auc"_s], QJsonValue(u"NaN"_s));
    QCOMPARE(metrics[u"train_logloss"_s], QJsonValue(u"Infinity"_s));
    QCOMPARE(metrics[u"grad_norm"_s], QJsonValue(u"Infinity"_s));
    QCOMPARE(metrics[u"min_hessian"_s], QJsonValue(u"-Infinity"_s));
    QVERIFY(metrics[u"train_auc"_s].isDouble());
    QCOMPARE(diverged->second[u"status"_s].toString(), u"FAILED"_s);
}

void tst_CommandLine::mlflow2RunsMatchMlflowsOwnClient_data()
{
    QTest::addColumn<QString>("store");
    QTest::addColumn<QString>("storeKey");
    QTest::addColumn<bool>("all");

    const QString fileStore = TestFixtures::dataPath(u"mlflow2/mlruns"_s);
    const QString sqlite = TestFixtures::dataPath(u"mlflow2/sqlite/mlflow.db"_s);
    QTest::newRow("file store, active runs") << fileStore << u"filestore"_s << false;
    QTest::newRow("file store, --all") << fileStore << u"filestore"_s << true;
    QTest::newRow("sqlite, active runs") << sqlite << u"sqlite"_s << false;
    QTest::newRow("sqlite, --all") << sqlite << u"sqlite"_s << true;
}

void tst_CommandLine::mlflow2RunsMatchMlflowsOwnClient()
{
    QFETCH(QString, store);
    QFETCH(QString, storeKey);
    QFETCH(bool, all);

    const QJsonArray expected = readObject(u"mlflow2/expected.json"_s)
                                    .value(u"stores"_s)
                                    .toObject()
                                    .value(storeKey)
                                    .toObject()
                                    .value(all ? u"runs_all"_s : u"runs"_s)
                                    .toArray();
    QCOMPARE(expected.size(), all ? 12 : 11);
    const QJsonArray runs = runsJson(store, all ? QStringList { u"--all"_s } : QStringList {});
    QCOMPARE(runs.size(), expected.size());
    QVERIFY(newestFirst(runs));
    const auto actual = byId(runs);
    for (const QJsonValue& entry : expected) {
        const QString runId = entry[u"run_id"_s].toString();
        const auto it = actual.find(runId);
        QVERIFY2(it != actual.end(), qPrintable(entry[u"run_name"_s].toString()));
        // Every field MLflow's client reported, compared exactly (ids included: same store).
        const QJsonObject expectedRun = entry.toObject();
        for (auto field = expectedRun.begin(); field != expectedRun.end(); ++field) {
            const QString difference = jsonDifference(
                it->second.value(field.key()), field.value(), entry[u"run_name"_s].toString() + u'.' + field.key());
            QVERIFY2(difference.isEmpty(), qPrintable(difference));
        }
    }
}

void tst_CommandLine::csvHoldsTheSameValuesAsJson_data()
{
    QTest::addColumn<QString>("fixture");
    QTest::addColumn<bool>("multiLineValues"); // a copy with values that span lines

    // Both fixtures have values with commas (feature lists, notes) and quotes (JSON in tags).
    QTest::newRow("shared file store") << u"mlflow/mlruns"_s << false;
    QTest::newRow("mlflow2 sqlite") << u"mlflow2/sqlite/mlflow.db"_s << false;
    QTest::newRow("mlflow2 file store with multi-line values") << u"mlflow2/mlruns"_s << true;
}

void tst_CommandLine::csvHoldsTheSameValuesAsJson()
{
    QFETCH(QString, fixture);
    QFETCH(bool, multiLineValues);

    QString store = TestFixtures::dataPath(fixture);
    const QString note = u"First line, with a comma\nSecond \"quoted\" line"_s;
    const QString path = u"C:\\data\r\nnext"_s;
    if (multiLineValues) {
        // MLflow keeps a tag or param value verbatim in its file, line breaks included.
        store = freshFolder() + u"/mlruns"_s;
        QVERIFY(TestFixtures::copyTree(TestFixtures::dataPath(fixture), store));
        const QString run = store + u"/0/598490197f394ed2a82f2a3004ce9df7"_s;
        QVERIFY(QFileInfo(run).isDir());
        QFile tag(run + u"/tags/review.note"_s);
        QVERIFY(tag.open(QIODevice::WriteOnly));
        tag.write(note.toUtf8());
        tag.close();
        QFile param(run + u"/params/windows_path"_s);
        QVERIFY(param.open(QIODevice::WriteOnly));
        param.write(path.toUtf8());
        param.close();
    }
    const QJsonArray json = runsJson(store);
    QVERIFY(!json.isEmpty());
    const CliResult result = run({ u"runs"_s, store, u"--cache"_s, m_cache, u"--format"_s, u"csv"_s });
    QVERIFY2(result.finished && result.exitCode == 0, result.describe().constData());
    const QList<QStringList> records = parseCsv(result.outText());
    QCOMPARE(records.size(), 1 + json.size());

    // Header: the run attributes, then one column per param, metric and tag key, by key.
    QSet<QString> paramKeys, metricKeys, tagKeys;
    for (const QJsonValue& run : json) {
        for (const QString& key : run[u"params"_s].toObject().keys())
            paramKeys.insert(key);
        for (const QString& key : run[u"metrics"_s].toObject().keys())
            metricKeys.insert(key);
        for (const QString& key : run[u"tags"_s].toObject().keys())
            tagKeys.insert(key);
    }
    QStringList header { u"run_id"_s, u"experiment_id"_s, u"experiment_name"_s, u"run_name"_s, u"status"_s,
        u"lifecycle_stage"_s, u"start_time"_s, u"end_time"_s, u"user"_s, u"parent_run_id"_s };
    const qsizetype fixedColumns = header.size();
    for (const QString& key : sorted(paramKeys.values()))
        header << u"params."_s + key;
    for (const QString& key : sorted(metricKeys.values()))
        header << u"metrics."_s + key;
    for (const QString& key : sorted(tagKeys.values()))
        header << u"tags."_s + key;
    QCOMPARE(records[0], header);

    const auto runs = byId(json);
    bool sawComma = false, sawQuote = false, sawLineBreak = false;
    for (qsizetype r = 1; r < records.size(); ++r) {
        const QStringList& record = records[r];
        QCOMPARE(record.size(), header.size());
        const auto it = runs.find(record[0]);
        QVERIFY2(it != runs.end(), qPrintable(record[0]));
        const QJsonObject& run = it->second;
        for (qsizetype c = 1; c < fixedColumns; ++c) {
            const QJsonValue value = run[header[c]];
            const QString text = value.isNull() ? QString()
                : value.isDouble()              ? QString::number(value.toInteger())
                                                : value.toString();
            QCOMPARE(record[c], text);
        }
        for (qsizetype c = fixedColumns; c < header.size(); ++c) {
            const qsizetype dot = header[c].indexOf(u'.');
            const QJsonValue value = run[header[c].left(dot)][header[c].mid(dot + 1)];
            const QString& field = record[c];
            if (value.isUndefined())
                QVERIFY2(field.isEmpty(), qPrintable(header[c] + u": "_s + field));
            else if (value.isDouble())
                QCOMPARE(field.toDouble(), value.toDouble()); // written to round-trip exactly
            else
                QCOMPARE(field, value.toString());
            sawComma = sawComma || field.contains(u',');
            sawQuote = sawQuote || field.contains(u'"');
            sawLineBreak = sawLineBreak || field.contains(u'\n');
        }
    }
    // Values that need quoting came through intact above.
    QVERIFY(sawComma);
    QVERIFY(sawQuote);
    QCOMPARE(sawLineBreak, multiLineValues);
    if (multiLineValues) {
        const qsizetype noteColumn = header.indexOf(u"tags.review.note"_s);
        const qsizetype pathColumn = header.indexOf(u"params.windows_path"_s);
        QVERIFY(noteColumn > 0 && pathColumn > 0);
        const auto envCheck = std::find_if(records.cbegin() + 1, records.cend(),
            [](const QStringList& record) { return record[3] == u"env-check"_s; });
        QVERIFY(envCheck != records.cend());
        QCOMPARE(envCheck->at(noteColumn), note);
        QCOMPARE(envCheck->at(pathColumn), path);
    }
}

void tst_CommandLine::tablePrintsAHeaderAndTheRunCount()
{
    const QJsonArray json = runsJson(sharedFileStore());
    const CliResult result = run({ u"runs"_s, sharedFileStore(), u"--cache"_s, m_cache });
    QVERIFY2(result.finished && result.exitCode == 0, result.describe().constData());
    const QStringList lines = result.outText().split(u'\n', Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), 1 + 27 + 1);
    QVERIFY2(lines.first().startsWith(u"RUN ID"_s), qPrintable(lines.first()));
    for (const QString& column : { u"EXPERIMENT"_s, u"NAME"_s, u"STATUS"_s, u"STARTED"_s, u"DURATION"_s, u"USER"_s })
        QVERIFY2(lines.first().contains(column), qPrintable(column));
    QCOMPARE(lines.last(), u"27 runs"_s);
    for (const QJsonValue& run : json) {
        const QString id = run[u"run_id"_s].toString();
        QCOMPARE(
            std::count_if(lines.cbegin(), lines.cend(), [&id](const QString& line) { return line.startsWith(id); }), 1);
    }
}

void tst_CommandLine::filterSelectsRuns_data()
{
    QTest::addColumn<QString>("store");
    QTest::addColumn<QString>("filter");
    QTest::addColumn<QStringList>("names");

    // Worked out from the fixture's metric and param files (latest value = highest step).
    for (const QString& store : { sharedFileStore(), sharedSqliteStore() }) {
        const char* kind = store.endsWith(u".db"_s) ? "sqlite" : "file store";
        QTest::addRow("%s: metrics.val_auc > 0.8", kind)
            << store << u"metrics.val_auc > 0.8"_s << QStringList { u"gbm-lr0.1-d8"_s };
        QTest::addRow("%s: params.max_depth = '4'", kind)
            << store << u"params.max_depth = '4'"_s
            << QStringList { u"gbm-lr0.05-d4"_s, u"gbm-lr0.1-d4"_s, u"gbm-lr0.2-d4"_s };
        QTest::addRow("%s: attributes.status = 'FAILED'", kind)
            << store << u"attributes.status = 'FAILED'"_s << QStringList { u"gbm-lr1.0-diverged"_s, u"trial-03"_s };
    }
}

void tst_CommandLine::filterSelectsRuns()
{
    QFETCH(QString, store);
    QFETCH(QString, filter);
    QFETCH(QStringList, names);

    const QJsonArray runs = runsJson(store, { u"--filter"_s, filter });
    QStringList actual;
    for (const QJsonValue& run : runs)
        actual << run[u"run_name"_s].toString();
    QCOMPARE(sorted(actual), sorted(names));
}

void tst_CommandLine::badFilterIsAUsageErrorNamingTheColumn_data()
{
    QTest::addColumn<QString>("filter");
    QTest::addColumn<int>("column");

    QTest::newRow("param value must be quoted: the 4") << u"params.max_depth = 4"_s << 20;
    QTest::newRow("MLflow has no OR: the or") << u"metrics.val_auc > 0.8 or params.x = '1'"_s << 23;
    QTest::newRow("unknown entity: the key") << u"metric.val_auc > 0.8 and weights.x = 1"_s << 26;
}

void tst_CommandLine::badFilterIsAUsageErrorNamingTheColumn()
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

void tst_CommandLine::unknownFormatIsAUsageError()
{
    const CliResult result = run({ u"runs"_s, sharedFileStore(), u"--cache"_s, m_cache, u"--format"_s, u"xml"_s });
    QVERIFY(result.finished);
    QCOMPARE(result.exitCode, exitUsage);
    QVERIFY(result.out.isEmpty());
    QVERIFY2(result.errText().contains(u"xml"_s), result.err.constData());
}

void tst_CommandLine::missingStoreIsAUsageError_data()
{
    QTest::addColumn<bool>("setEmptyVariable");
    QTest::newRow("MLFLOW_TRACKING_URI unset") << false;
    QTest::newRow("MLFLOW_TRACKING_URI empty") << true;
}

void tst_CommandLine::missingStoreIsAUsageError()
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

void tst_CommandLine::trackingUriFromTheEnvironment_data()
{
    QTest::addColumn<QString>("uri");
    QTest::newRow("mlruns path") << sharedFileStore();
    QTest::newRow("file: URI") << QUrl::fromLocalFile(sharedFileStore()).toString();
    QTest::newRow("sqlite: URI, absolute") << u"sqlite:///"_s + sharedSqliteStore();
    // Relative forms are read against the working directory (the scratch folder here).
    const QDir workingDirectory(m_scratch.path());
    QTest::newRow("relative path") << workingDirectory.relativeFilePath(sharedFileStore());
    QTest::newRow("sqlite: URI, relative") << u"sqlite:///"_s + workingDirectory.relativeFilePath(sharedSqliteStore());
}

void tst_CommandLine::trackingUriFromTheEnvironment()
{
    QFETCH(QString, uri);
    QProcessEnvironment environment = m_environment;
    environment.insert(u"MLFLOW_TRACKING_URI"_s, uri);
    const CliResult result = run({ u"runs"_s, u"--cache"_s, m_cache, u"--format"_s, u"json"_s }, environment);
    QVERIFY2(result.finished && result.exitCode == 0, result.describe().constData());
    QCOMPARE(QJsonDocument::fromJson(result.out).array().size(), 27);
}

void tst_CommandLine::notAStoreFailsNamingThePath()
{
    const QString notes = m_scratch.filePath(u"notes.txt"_s);
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

void tst_CommandLine::modelsListVersionsStagesAndAliases_data()
{
    QTest::addColumn<QString>("store");
    QTest::addColumn<QString>("manifest");
    QTest::newRow("file store") << sharedFileStore() << u"mlflow/manifest-filestore.json"_s;
    QTest::newRow("sqlite") << sharedSqliteStore() << u"mlflow/manifest-sqlite.json"_s;
}

void tst_CommandLine::modelsListVersionsStagesAndAliases()
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

void tst_CommandLine::mlflow2ModelsMatchMlflowsOwnClient_data()
{
    QTest::addColumn<QString>("store");
    QTest::addColumn<QString>("storeKey");
    QTest::newRow("file store") << TestFixtures::dataPath(u"mlflow2/mlruns"_s) << u"filestore"_s;
    QTest::newRow("sqlite") << TestFixtures::dataPath(u"mlflow2/sqlite/mlflow.db"_s) << u"sqlite"_s;
}

void tst_CommandLine::mlflow2ModelsMatchMlflowsOwnClient()
{
    QFETCH(QString, store);
    QFETCH(QString, storeKey);

    const QJsonObject expected
        = readObject(u"mlflow2/expected.json"_s).value(u"stores"_s).toObject().value(storeKey).toObject();
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

void tst_CommandLine::experimentsListEveryExperimentWithActiveRunCounts_data()
{
    QTest::addColumn<QString>("store");
    QTest::addColumn<QString>("manifest");
    QTest::newRow("file store") << sharedFileStore() << u"mlflow/manifest-filestore.json"_s;
    QTest::newRow("sqlite") << sharedSqliteStore() << u"mlflow/manifest-sqlite.json"_s;
}

void tst_CommandLine::experimentsListEveryExperimentWithActiveRunCounts()
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

void tst_CommandLine::issuesListNothingForACleanStore()
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

void tst_CommandLine::issuesListADamagedMetricFile()
{
    const QString root = freshFolder();
    const QString store = root + u"/mlruns"_s;
    QVERIFY(TestFixtures::copyTree(TestFixtures::dataPath(u"mlflow2/mlruns"_s), store));
    QString runId, experimentId;
    const QJsonArray expectedRuns = readObject(u"mlflow2/expected.json"_s)
                                        .value(u"stores"_s)
                                        .toObject()
                                        .value(u"filestore"_s)
                                        .toObject()
                                        .value(u"runs"_s)
                                        .toArray();
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

void tst_CommandLine::answersFromTheCacheWhenTheStoreIsGone_data()
{
    QTest::addColumn<QString>("fixture"); // folder copied
    QTest::addColumn<QString>("store"); // the store inside the copy
    QTest::newRow("file store") << u"mlflow/mlruns"_s << u"mlruns"_s;
    QTest::newRow("sqlite") << u"mlflow/sqlite"_s << u"sqlite/mlflow.db"_s;
}

void tst_CommandLine::answersFromTheCacheWhenTheStoreIsGone()
{
    QFETCH(QString, fixture);
    QFETCH(QString, store);

    const QString root = freshFolder();
    const QString copy = root + u'/' + fixture.section(u'/', -1);
    QVERIFY(TestFixtures::copyTree(TestFixtures::dataPath(fixture), copy));
    const QString storePath = root + u'/' + store;
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

void tst_CommandLine::neverModifiesTheStore_data()
{
    QTest::addColumn<QString>("fixture");
    QTest::addColumn<QString>("store");
    QTest::newRow("file store") << u"mlflow/mlruns"_s << u"mlruns"_s;
    QTest::newRow("sqlite") << u"mlflow/sqlite"_s << u"sqlite/mlflow.db"_s;
    QTest::newRow("mlflow2 file store") << u"mlflow2/mlruns"_s << u"mlruns"_s;
    QTest::newRow("mlflow2 sqlite") << u"mlflow2/sqlite"_s << u"sqlite/mlflow.db"_s;
}

void tst_CommandLine::neverModifiesTheStore()
{
    QFETCH(QString, fixture);
    QFETCH(QString, store);

    const QString root = freshFolder();
    const QString copy = root + u'/' + fixture.section(u'/', -1);
    QVERIFY(TestFixtures::copyTree(TestFixtures::dataPath(fixture), copy));
    const QString storePath = root + u'/' + store;
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

QTEST_GUILESS_MAIN(tst_CommandLine)
#include "tst_CommandLine.moc"
