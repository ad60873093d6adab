#include "store/file/MlflowFileStore.h"

#include "jobs/WorkerPool.h"

#include "TestFixtures.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>

#include <map>
#include <sys/stat.h>
#include <unistd.h>

using namespace prov;
using namespace Qt::StringLiterals;

namespace {

// Paths inside a copy of tests/data/mlflow/mlruns (ids from manifest-filestore.json).
const QString logreg = u"642966678904196211/ad872d587b1a4f2e8985d41f578d6b70"_s;
const QString logregRunId = u"ad872d587b1a4f2e8985d41f578d6b70"_s;
const QString irisExperiment = u"642966678904196211"_s;
const QString churnExperiment = u"307062502267896864"_s;
const QString deletedExperiment = u".trash/850261292821361655"_s;
const QString logregModel = u"642966678904196211/models/m-ada1388fb6e44984821dd1d3f308ff56"_s;

struct StoreContent
{
    QList<Experiment> experiments;
    std::map<QString, RunStamp> stamps;
    std::map<QString, RunRecord> records;
    std::map<QString, QList<MetricHistoryRead>> histories;
    QList<LoggedModel> loggedModels;
    QList<RegisteredModel> registry;
    StoreIssueList issues;
    QList<Error> errors;
    bool complete = true;
};

// The pool readers fan out on; it outlives every store a test opens.
WorkerPool& workers()
{
    static WorkerPool pool;
    return pool;
}

MlflowFileStore openStore(const QString& path)
{
    StoreLocation location;
    location.kind = StoreLocation::Kind::FileStore;
    location.path = path;
    location.uri = u"file://"_s + path;
    return MlflowFileStore(location, workers());
}

QStringList keysOf(const QList<MetricStamp>& stamps)
{
    QStringList keys;
    for (const MetricStamp& stamp : stamps)
        keys << stamp.key;
    return keys;
}

template<typename T> bool take(Result<T> result, StoreContent& content, T& out)
{
    if (!result) {
        content.errors << result.error();
        return false;
    }
    out = std::move(result).value();
    return true;
}

void readRuns(const MlflowFileStore& store, const Experiment& experiment, StoreContent& content)
{
    RunScan scan;
    if (!take(store.scanRuns(experiment, {}), content, scan))
        return;
    content.issues << scan.issues;
    content.complete = content.complete && scan.complete;
    for (const RunStamp& stamp : std::as_const(scan.runs)) {
        content.stamps[stamp.runId] = stamp;
        RunRecord record;
        MetricRead metrics;
        if (!take(store.readRun(stamp), content, record))
            continue;
        content.issues << record.issues;
        if (take(store.readMetrics(stamp, keysOf(record.metrics)), content, metrics)) {
            content.issues << metrics.issues;
            content.histories[stamp.runId] = metrics.histories;
        }
        content.records[stamp.runId] = record;
    }
}

// Every verb of the reader over the whole store, as a full sync calls them.
StoreContent readStore(const MlflowFileStore& store)
{
    StoreContent content;
    ExperimentScan experiments;
    if (!take(store.scanExperiments({}), content, experiments))
        return content;
    content.experiments = experiments.experiments;
    content.issues << experiments.issues;
    for (const Experiment& experiment : std::as_const(content.experiments)) {
        readRuns(store, experiment, content);
        LoggedModelScan models;
        if (take(store.scanLoggedModels(experiment), content, models)) {
            content.loggedModels << models.models;
            content.issues << models.issues;
        }
    }
    RegistryScan registry;
    if (take(store.scanRegistry(), content, registry)) {
        content.registry = registry.models;
        content.issues << registry.issues;
    }
    (void)store.describe();
    return content;
}

QString describe(const StoreContent& content)
{
    QStringList lines;
    for (const StoreIssue& issue : content.issues)
        lines << u"issue "_s + issue.location + u": "_s + issue.message;
    for (const Error& error : content.errors)
        lines << u"error "_s + error.describe();
    return lines.join(u'\n');
}

bool writeFile(const QString& path, const QByteArray& bytes)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly | QIODevice::Truncate) && file.write(bytes) == bytes.size();
}

bool appendFile(const QString& path, const QByteArray& bytes)
{
    QFile file(path);
    return file.open(QIODevice::Append) && file.write(bytes) == bytes.size();
}

bool truncateFile(const QString& path, qint64 size)
{
    QFile file(path);
    return file.resize(size);
}

bool replaceByFolder(const QString& path)
{
    return QFile::remove(path) && QDir().mkpath(path);
}

bool symlink(const QString& target, const QString& link)
{
    return ::symlink(QFile::encodeName(target).constData(), QFile::encodeName(link).constData()) == 0;
}

bool fifo(const QString& path)
{
    return ::mkfifo(QFile::encodeName(path).constData(), 0644) == 0;
}

bool nestFolders(const QString& path, int depth)
{
    QString p = path;
    for (int i = 0; i < depth; ++i)
        p += u"/d"_s;
    return QDir().mkpath(p);
}

using PathIn = std::function<QString(const QString&)>; // relative path -> path in the copy
using Damage = std::function<bool(const PathIn&)>;

// Ways to damage a store, by data tag of damagedStoreStillReads.
const std::map<QString, Damage>& damages()
{
    static const std::map<QString, Damage> damages {
        { u"run meta truncated"_s, [](auto at) { return truncateFile(at(logreg + u"/meta.yaml"_s), 200); } },
        { u"run meta empty"_s, [](auto at) { return writeFile(at(logreg + u"/meta.yaml"_s), {}); } },
        { u"run meta is a folder"_s, [](auto at) { return replaceByFolder(at(logreg + u"/meta.yaml"_s)); } },
        { u"run meta missing"_s, [](auto at) { return QFile::remove(at(logreg + u"/meta.yaml"_s)); } },
        { u"run meta binary"_s,
            [](auto at) {
                return writeFile(at(logreg + u"/meta.yaml"_s),
                    QByteArray("\x7f"
                               "ELF\0\0\x01",
                        7));
            } },
        { u"run meta unknown status"_s,
            [](auto at) {
                QFile f(at(logreg + u"/meta.yaml"_s));
                f.open(QIODevice::ReadOnly);
                const QByteArray text = f.readAll().replace("status: 3", "status: 42");
                f.close();
                return writeFile(f.fileName(), text);
            } },
        { u"experiment meta corrupt"_s,
            [](auto at) { return writeFile(at(churnExperiment + u"/meta.yaml"_s), "name: [unclosed\n"); } },
        { u"experiment meta missing"_s, [](auto at) { return QFile::remove(at(churnExperiment + u"/meta.yaml"_s)); } },
        { u"experiment meta is a folder"_s,
            [](auto at) { return replaceByFolder(at(churnExperiment + u"/meta.yaml"_s)); } },
        { u"experiment folder links to itself"_s,
            [](auto at) { return symlink(u"."_s, at(churnExperiment + u"/loop"_s)); } },
        { u"deleted experiment meta corrupt"_s,
            [](auto at) { return writeFile(at(deletedExperiment + u"/meta.yaml"_s), "{"); } },
        { u"param binary"_s,
            [](auto at) { return writeFile(at(logreg + u"/params/C"_s), QByteArray("\0\x01\x02", 3)); } },
        { u"param invalid UTF-8"_s,
            [](auto at) { return writeFile(at(logreg + u"/params/solver"_s), "lbfgs\xff\xfe"); } },
        { u"param FIFO"_s, [](auto at) { return fifo(at(logreg + u"/params/fifo"_s)); } },
        { u"param dangling symlink"_s, [](auto at) { return symlink(u"nowhere"_s, at(logreg + u"/params/gone"_s)); } },
        { u"params folder is a file"_s,
            [](auto at) {
                return QDir(at(logreg + u"/params"_s)).removeRecursively() && writeFile(at(logreg + u"/params"_s), "x");
            } },
        { u"tag symlink loop"_s, [](auto at) { return symlink(u"loop"_s, at(logreg + u"/tags/loop"_s)); } },
        { u"params folder links to its parent"_s,
            [](auto at) { return symlink(u".."_s, at(logreg + u"/params/up"_s)); } },
        { u"metric garbage line"_s,
            [](auto at) { return appendFile(at(logreg + u"/metrics/train_loss"_s), "oops not a metric\n"); } },
        { u"metric cut line"_s,
            [](auto at) {
                return appendFile(at(logreg + u"/metrics/train_loss"_s), "1741001999999 0.12\n1741002000000 0.1 99\n");
            } },
        // No newline yet: a training job is writing this line right now.
        { u"metric line in progress"_s,
            [](auto at) { return appendFile(at(logreg + u"/metrics/train_loss"_s), "1741001999999 0.12"); } },
        { u"metric binary"_s,
            [](auto at) {
                return writeFile(at(logreg + u"/metrics/val_accuracy"_s), QByteArray("\0\x01\n\x02\xff\n", 6));
            } },
        { u"metric FIFO"_s, [](auto at) { return fifo(at(logreg + u"/metrics/fifo"_s)); } },
        { u"input meta corrupt"_s,
            [](auto at) {
                return writeFile(
                    at(logreg + u"/inputs/91ec40e7c1325c73b5ac2cc2fc2af4e4/meta.yaml"_s), "source_type: [\n");
            } },
        { u"dataset meta missing"_s,
            [](auto at) {
                return QFile::remove(at(irisExperiment + u"/datasets/afb2abf4b4edf1928a9527fc15f4e128/meta.yaml"_s));
            } },
        { u"output meta corrupt"_s,
            [](auto at) {
                return writeFile(at(logreg + u"/outputs/m-ada1388fb6e44984821dd1d3f308ff56/meta.yaml"_s), "[");
            } },
        { u"artifact folder links to itself"_s,
            [](auto at) { return symlink(u"."_s, at(logreg + u"/artifacts/loop"_s)); } },
        { u"artifacts nested too deeply"_s, [](auto at) { return nestFolders(at(logreg + u"/artifacts"_s), 40); } },
        { u"logged model meta corrupt"_s,
            [](auto at) { return writeFile(at(logregModel + u"/meta.yaml"_s), "status: [2\n"); } },
        { u"logged model metric garbage"_s,
            [](auto at) { return appendFile(at(logregModel + u"/metrics/test_accuracy"_s), "nope\n"); } },
        { u"MLmodel corrupt"_s,
            [](auto at) { return writeFile(at(logregModel + u"/artifacts/MLmodel"_s), "flavors: [\n"); } },
        { u"version meta corrupt"_s,
            [](auto at) {
                return writeFile(at(u"models/iris-classifier/version-2/meta.yaml"_s), "current_stage: [\n");
            } },
        { u"alias not a number"_s,
            [](auto at) { return writeFile(at(u"models/iris-classifier/aliases/champion"_s), "two"); } },
        { u"registered model meta corrupt"_s,
            [](auto at) { return writeFile(at(u"models/churn-model/meta.yaml"_s), "\t- ["); } },
        { u"registered model tag binary"_s,
            [](auto at) { return writeFile(at(u"models/churn-model/tags/task"_s), QByteArray("\0", 1)); } },
        { u"store root links to itself"_s, [](auto at) { return symlink(u"."_s, at(u"self"_s)); } },
        { u"stray file in store root"_s, [](auto at) { return writeFile(at(u"README.txt"_s), "notes"); } },
        { u"unrelated folder in store root"_s, [](auto at) { return QDir().mkpath(at(u"notes/drafts"_s)); } },
        { u"dangling link in store root"_s, [](auto at) { return symlink(u"loop"_s, at(u"loop"_s)); } },
    };
    return damages;
}

// Damages a copy of the store at `root`; false when the damage could not be made.
bool damage(const QString& name, const QString& root)
{
    const auto it = damages().find(name);
    return it != damages().end()
        && it->second([&](const QString& relative) -> QString { return root + u'/' + relative; });
}

} // namespace

// Bad input never crashes, hangs or hides the rest of the store: each damaged copy of the
// MLflow 3 fixture still reads, with an issue (or a failed run) naming the damaged file.
// Also: fingerprints follow changes, and reading never writes.
class tst_MlflowFileStoreRobustness : public QObject
{
    Q_OBJECT

private:
    // Scratch copies (~1,100 files each) go to tmpfs when there is one: on a slow disk,
    // creating and deleting forty copies of the store takes minutes instead of seconds.
    static QString scratchTemplate()
    {
        const QFileInfo shm(u"/dev/shm"_s);
        return shm.isDir() && shm.isWritable() ? u"/dev/shm/tst_MlflowFileStoreRobustness-XXXXXX"_s : QString();
    }

    QTemporaryDir m_scratch { scratchTemplate() };
    QString m_copy;

    QString freshCopy(const QString& name)
    {
        m_copy = m_scratch.filePath(name);
        if (!TestFixtures::copyTree(TestFixtures::dataPath(u"mlflow/mlruns"_s), m_copy))
            return {};
        return m_copy;
    }

private Q_SLOTS:
    void initTestCase() { QVERIFY(m_scratch.isValid()); }

    void cleanup()
    {
        if (!m_copy.isEmpty())
            QDir(m_copy).removeRecursively();
        m_copy.clear();
    }

    void damagedStoreStillReads_data()
    {
        QTest::addColumn<QString>("file"); // relative to the store root; '/'-suffixed: any path below
        QTest::addColumn<QString>("outcome"); // runError | issue | none
        QTest::addColumn<int>("readableRuns");

        const auto row = [](const char* name, const QString& file, const char* outcome, int readable = 30) {
            QTest::newRow(name) << file << QString::fromLatin1(outcome) << readable;
        };
        row("run meta truncated", logreg + u"/meta.yaml"_s, "runError", 29);
        row("run meta empty", logreg + u"/meta.yaml"_s, "runError", 29);
        row("run meta is a folder", logreg + u"/meta.yaml"_s, "runError", 29);
        row("run meta missing", logreg + u"/meta.yaml"_s, "runError", 29);
        row("run meta binary", logreg + u"/meta.yaml"_s, "runError", 29);
        row("run meta unknown status", logreg + u"/meta.yaml"_s, "runError", 29);
        row("experiment meta corrupt", churnExperiment + u"/meta.yaml"_s, "issue");
        row("experiment meta missing", churnExperiment + u"/meta.yaml"_s, "issue");
        row("experiment meta is a folder", churnExperiment + u"/meta.yaml"_s, "issue");
        row("experiment folder links to itself", churnExperiment + u"/loop"_s, "issue");
        row("deleted experiment meta corrupt", deletedExperiment + u"/meta.yaml"_s, "issue");
        row("param binary", logreg + u"/params/C"_s, "issue");
        row("param invalid UTF-8", logreg + u"/params/solver"_s, "issue");
        row("param FIFO", logreg + u"/params/fifo"_s, "issue");
        row("param dangling symlink", logreg + u"/params/gone"_s, "issue");
        row("params folder is a file", logreg + u"/params"_s, "issue");
        row("tag symlink loop", logreg + u"/tags/loop"_s, "issue");
        row("params folder links to its parent", logreg + u"/params/up"_s, "issue");
        row("metric garbage line", logreg + u"/metrics/train_loss"_s, "issue");
        row("metric cut line", logreg + u"/metrics/train_loss"_s, "issue");
        row("metric line in progress", logreg + u"/metrics/train_loss"_s, "none");
        row("metric binary", logreg + u"/metrics/val_accuracy"_s, "issue");
        row("metric FIFO", logreg + u"/metrics/fifo"_s, "issue");
        row("input meta corrupt", logreg + u"/inputs/91ec40e7c1325c73b5ac2cc2fc2af4e4/meta.yaml"_s, "issue");
        row("dataset meta missing", irisExperiment + u"/datasets/afb2abf4b4edf1928a9527fc15f4e128/meta.yaml"_s,
            "issue");
        row("output meta corrupt", logreg + u"/outputs/m-ada1388fb6e44984821dd1d3f308ff56/meta.yaml"_s, "issue");
        row("artifact folder links to itself", logreg + u"/artifacts/loop"_s, "issue");
        row("artifacts nested too deeply", logreg + u"/artifacts/d/d/"_s, "issue");
        row("logged model meta corrupt", logregModel + u"/meta.yaml"_s, "issue");
        row("logged model metric garbage", logregModel + u"/metrics/test_accuracy"_s, "issue");
        row("MLmodel corrupt", logregModel + u"/artifacts/MLmodel"_s, "issue");
        row("version meta corrupt", u"models/iris-classifier/version-2/meta.yaml"_s, "issue");
        row("alias not a number", u"models/iris-classifier/aliases/champion"_s, "issue");
        row("registered model meta corrupt", u"models/churn-model/meta.yaml"_s, "issue");
        row("registered model tag binary", u"models/churn-model/tags/task"_s, "issue");
        row("store root links to itself", u"self"_s, "issue");
        row("stray file in store root", QString(), "none");
        row("unrelated folder in store root", QString(), "none");
        row("dangling link in store root", QString(), "none");
    }

    void damagedStoreStillReads()
    {
        QFETCH(QString, file);
        QFETCH(QString, outcome);
        QFETCH(int, readableRuns);
        const QString root = freshCopy(QString::fromLatin1(QTest::currentDataTag()));
        QVERIFY(!root.isEmpty());
        QVERIFY(damage(QString::fromLatin1(QTest::currentDataTag()), root));

        const StoreContent content = readStore(openStore(root));
        const QString path = root + u'/' + file;
        const auto names = [&](const QString& location) {
            return location == path || (path.endsWith(u'/') && location.startsWith(path));
        };
        QCOMPARE(content.experiments.size(), 5);
        QCOMPARE(int(content.stamps.size()), 30);
        QCOMPARE(int(content.records.size()), readableRuns);
        QVERIFY(content.complete);
        if (outcome == u"runError") {
            QCOMPARE(content.errors.size(), 1);
            QVERIFY2(names(content.errors[0].location), qPrintable(content.errors[0].describe()));
            QCOMPARE(content.errors[0].code == ErrorCode::NotFound, QTest::currentDataTag() == "run meta missing"_ba);
        } else {
            QVERIFY2(content.errors.isEmpty(), qPrintable(describe(content)));
        }
        if (outcome == u"issue") {
            const auto issue = std::find_if(
                content.issues.begin(), content.issues.end(), [&](const StoreIssue& i) { return names(i.location); });
            QVERIFY2(issue != content.issues.end(), qPrintable(describe(content)));
            QVERIFY(!issue->message.isEmpty());
            if (file.startsWith(logreg))
                QCOMPARE(issue->runId, logregRunId);
        } else {
            QVERIFY2(content.issues.isEmpty(), qPrintable(describe(content)));
        }
    }

    void damagedParamLeavesTheOthers()
    {
        const QString root = freshCopy(u"param"_s);
        QVERIFY(damage(u"param binary"_s, root));
        const StoreContent content = readStore(openStore(root));
        const RunRecord& record = content.records.at(logregRunId);
        QCOMPARE(record.params.size(), 5);
        QVERIFY(valueOf(record.params, u"C").isNull());
        QCOMPARE(valueOf(record.params, u"solver"), u"lbfgs"_s);
        QCOMPARE(record.issues.size(), 1);
        QVERIFY(record.issues[0].message.contains(u"NUL"_s));
    }

    void damagedExperimentKeepsItsRuns()
    {
        const QString root = freshCopy(u"experiment"_s);
        QVERIFY(damage(u"experiment meta corrupt"_s, root));
        const MlflowFileStore store = openStore(root);
        auto scan = store.scanExperiments({});
        QVERIFY(scan.ok());
        QCOMPARE(scan->issues.size(), 1);
        QCOMPARE(scan->issues[0].experimentId, churnExperiment);
        QVERIFY(scan->issues[0].message.contains(u"YAML"_s));
        const auto churn = std::find_if(scan->experiments.begin(), scan->experiments.end(),
            [](const Experiment& e) { return e.experimentId == churnExperiment; });
        QVERIFY(churn != scan->experiments.end());
        QCOMPARE(churn->name, churnExperiment);
        auto runs = store.scanRuns(*churn, {});
        QVERIFY(runs.ok());
        QCOMPARE(runs->runs.size(), 9);
        for (const RunStamp& stamp : std::as_const(runs->runs))
            QVERIFY(store.readRun(stamp).ok());
    }

    void badMetricLinesAreNamedAndSkipped()
    {
        const QString root = freshCopy(u"metric"_s);
        QVERIFY(damage(u"metric garbage line"_s, root));
        const StoreContent content = readStore(openStore(root));
        const auto& histories = content.histories.at(logregRunId);
        const auto loss = std::find_if(
            histories.begin(), histories.end(), [](const MetricHistoryRead& h) { return h.key == u"train_loss"; });
        QCOMPARE(loss->history.size(), 200);
        QCOMPARE(content.issues.size(), 1);
        QVERIFY2(content.issues[0].message.contains(u"line 201"_s), qPrintable(content.issues[0].message));
        QVERIFY(content.issues[0].message.contains(u"oops not a metric"_s));
        QCOMPARE(content.issues[0].runId, logregRunId);
        QCOMPARE(content.issues[0].experimentId, irisExperiment);
    }

    void unreadableFolders()
    {
        if (::geteuid() == 0)
            QSKIP("running as root: permissions do not block reads (the 'is a folder' rows cover unreadable files)");
        const QString root = freshCopy(u"unreadable"_s);
        QVERIFY(QFile::setPermissions(root + u'/' + logreg + u"/params"_s, {}));
        QVERIFY(QFile::setPermissions(root + u'/' + churnExperiment + u"/9637c1e629f04211831a322ae0e05dd0"_s, {}));
        const StoreContent content = readStore(openStore(root));
        QVERIFY(!content.complete); // a run folder could not be looked into: sync must keep its cached copy
        QCOMPARE(int(content.stamps.size()), 29);
        QVERIFY(std::any_of(content.issues.begin(), content.issues.end(),
            [&](const StoreIssue& i) { return i.location == root + u'/' + logreg + u"/params"_s; }));
        QFile::setPermissions(
            root + u'/' + logreg + u"/params"_s, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
        QFile::setPermissions(root + u'/' + churnExperiment + u"/9637c1e629f04211831a322ae0e05dd0"_s,
            QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
    }

    void missingStoreIsAnError()
    {
        const MlflowFileStore store = openStore(m_scratch.filePath(u"no-such-store"_s));
        auto scan = store.scanExperiments({});
        QVERIFY(!scan.ok());
        QCOMPARE(scan.error().code, ErrorCode::NotFound);
        QVERIFY(!store.scanRegistry().ok());
    }

    void missingExperimentFolderIsAnIncompleteScan()
    {
        const MlflowFileStore store = openStore(TestFixtures::dataPath(u"mlflow/mlruns"_s));
        Experiment gone;
        gone.experimentId = u"123"_s;
        gone.locator = m_scratch.filePath(u"gone"_s);
        auto scan = store.scanRuns(gone, {});
        QVERIFY(scan.ok());
        QVERIFY(!scan->complete);
        QCOMPARE(scan->issues.size(), 1);
        QCOMPARE(scan->issues[0].experimentId, u"123"_s);
        QCOMPARE(scan->issues[0].location, gone.locator);
    }

    void cancelledScanStops()
    {
        const MlflowFileStore store = openStore(TestFixtures::dataPath(u"mlflow/mlruns"_s));
        CancellationToken cancel;
        cancel.cancel();
        auto experiments = store.scanExperiments(cancel);
        QVERIFY(!experiments.ok());
        QCOMPARE(experiments.error().code, ErrorCode::Cancelled);
        auto all = store.scanExperiments({});
        QVERIFY(all.ok());
        auto runs = store.scanRuns(all->experiments.first(), cancel);
        QVERIFY(!runs.ok());
        QCOMPARE(runs.error().code, ErrorCode::Cancelled);
    }

    void stampsWithoutLocatorAreFoundByIds()
    {
        // A sync may rebuild stamps from its cache: ids only, for live and deleted experiments.
        const MlflowFileStore store = openStore(TestFixtures::dataPath(u"mlflow/mlruns"_s));
        RunStamp live { logregRunId, irisExperiment, {}, {} };
        auto record = store.readRun(live);
        QVERIFY(record.ok());
        QCOMPARE(record->info.runName, u"logreg-final"_s);
        RunStamp trashed { u"d994e52ce5a047fe9abb0f5f5d6ed604"_s, u"850261292821361655"_s, {}, {} };
        auto old = store.readRun(trashed);
        QVERIFY(old.ok());
        QCOMPARE(old->info.runName, u"old-baseline-0"_s);
        QCOMPARE(old->info.lifecycleStage, LifecycleStage::Deleted);
        auto metrics = store.readMetrics(trashed, { u"accuracy"_s });
        QVERIFY(metrics.ok());
        QCOMPARE(metrics->histories.size(), 1);
        RunStamp escaping { u".."_s, irisExperiment, {}, {} };
        QVERIFY(!store.readRun(escaping).ok());
        QVERIFY(!store.readRun(RunStamp { u"nope"_s, irisExperiment, {}, {} }).ok());
    }

    void metricKeysCannotLeaveTheRun()
    {
        const MlflowFileStore store = openStore(TestFixtures::dataPath(u"mlflow/mlruns"_s));
        const RunStamp run { logregRunId, irisExperiment, {}, {} };
        auto read
            = store.readMetrics(run, { u"../meta.yaml"_s, u"/etc/passwd"_s, u"train_loss"_s, u"no_such_metric"_s });
        QVERIFY(read.ok());
        QCOMPARE(read->histories.size(), 1);
        QCOMPARE(read->histories[0].key, u"train_loss"_s);
        QCOMPARE(read->issues.size(), 3);
    }

    void readsNestedKeys()
    {
        const QString root = freshCopy(u"nested"_s);
        const QString run = root + u'/' + logreg;
        QVERIFY(QDir().mkpath(run + u"/params/optimizer/adam"_s));
        QVERIFY(writeFile(run + u"/params/optimizer/adam/beta1"_s, "0.9"));
        QVERIFY(QDir().mkpath(run + u"/tags/team"_s));
        QVERIFY(writeFile(run + u"/tags/team/ラベル"_s, "  spaced value\n"));
        QVERIFY(QDir().mkpath(run + u"/metrics/loss"_s));
        QVERIFY(writeFile(run + u"/metrics/loss/train"_s, "1 0.5 0\n2 0.25 1\n"));
        QVERIFY(QDir().mkpath(run + u"/metrics/empty-folder"_s));

        const StoreContent content = readStore(openStore(root));
        QVERIFY2(content.issues.isEmpty(), qPrintable(describe(content)));
        const RunRecord& record = content.records.at(logregRunId);
        QCOMPARE(valueOf(record.params, u"optimizer/adam/beta1"), u"0.9"_s);
        QCOMPARE(valueOf(record.tags, u"team/ラベル"), u"  spaced value\n"_s); // verbatim, not trimmed
        QVERIFY(keysOf(record.metrics).contains(u"loss/train"_s));
        QVERIFY(std::is_sorted(record.params.begin(), record.params.end(),
            [](const KeyValue& a, const KeyValue& b) { return a.key < b.key; }));
        const auto& histories = content.histories.at(logregRunId);
        const auto loss = std::find_if(
            histories.begin(), histories.end(), [](const MetricHistoryRead& h) { return h.key == u"loss/train"; });
        QVERIFY(loss != histories.end());
        QCOMPARE(loss->history.size(), 2);
        QCOMPARE(loss->history.latest()->value, 0.25);
    }

    void fingerprintsFollowChanges()
    {
        const QString root = freshCopy(u"fingerprints"_s);
        const MlflowFileStore store = openStore(root);
        const StoreContent first = readStore(store);
        const StoreContent second = readStore(store);
        QCOMPARE(int(first.stamps.size()), 30);
        for (const auto& [id, stamp] : first.stamps)
            QCOMPARE(second.stamps.at(id).fingerprint, stamp.fingerprint);

        QVERIFY(appendFile(root + u'/' + logreg + u"/metrics/train_loss"_s, "1741009999999 0.01 200\n"));
        const StoreContent appended = readStore(store);
        for (const auto& [id, stamp] : first.stamps) {
            const bool changed = appended.stamps.at(id).fingerprint != stamp.fingerprint;
            QCOMPARE(changed, id == logregRunId);
        }
        const auto stampOf = [](const StoreContent& c, const QString& key) {
            for (const MetricStamp& s : c.records.at(logregRunId).metrics) {
                if (s.key == key)
                    return s.fingerprint;
            }
            return QByteArray();
        };
        QVERIFY(stampOf(appended, u"train_loss"_s) != stampOf(first, u"train_loss"_s));
        QCOMPARE(stampOf(appended, u"val_accuracy"_s), stampOf(first, u"val_accuracy"_s));

        // Any other change too: a new tag, a new artifact.
        QVERIFY(writeFile(root + u'/' + logreg + u"/tags/reviewed"_s, "yes"));
        const StoreContent tagged = readStore(store);
        QVERIFY(tagged.stamps.at(logregRunId).fingerprint != appended.stamps.at(logregRunId).fingerprint);
        QVERIFY(writeFile(root + u'/' + logreg + u"/artifacts/new.txt"_s, "x"));
        QVERIFY(readStore(store).stamps.at(logregRunId).fingerprint != tagged.stamps.at(logregRunId).fingerprint);
    }

    void readingNeverWrites_data()
    {
        QTest::addColumn<QString>("fixture");
        QTest::newRow("MLflow 3.2") << u"mlflow/mlruns"_s;
        QTest::newRow("MLflow 2.22") << u"mlflow2/mlruns"_s;
    }

    void readingNeverWrites()
    {
        QFETCH(QString, fixture);
        m_copy = m_scratch.filePath(u"untouched"_s);
        const QString root = m_copy;
        QVERIFY(TestFixtures::copyTree(TestFixtures::dataPath(fixture), root));
        const QByteArray before = TestFixtures::treeDigest(root);
        QVERIFY(!before.isEmpty());
        for (int pass = 0; pass < 2; ++pass) {
            const StoreContent content = readStore(openStore(root));
            QVERIFY2(content.errors.isEmpty() && content.issues.isEmpty(), qPrintable(describe(content)));
            QVERIFY(!content.records.empty());
        }
        QCOMPARE(TestFixtures::treeDigest(root), before);
    }
};

QTEST_GUILESS_MAIN(tst_MlflowFileStoreRobustness)
#include "tst_MlflowFileStoreRobustness.moc"
