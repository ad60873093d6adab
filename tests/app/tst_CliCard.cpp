#include "CliTestCase.h"
#include "FixtureManifest.h"
#include "StoreSnapshot.h"
#include "TestFixtures.h"
#include "core/SqliteDatabase.h"
#include "journal/CardDraftStore.h"
#include "journal/JournalDatabase.h"
#include "journal/JournalLocator.h"
#include "journal/Outbox.h"
#include "registry/ModelCardTags.h"
#include "store/StoreLocation.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTest>

using namespace prov;
using namespace Qt::StringLiterals;

namespace {

QJsonObject objectAt(const QJsonObject& root, const QString& path)
{
    QJsonObject o = root;
    for (const QString& part : path.split(u'.'))
        o = o.value(part).toObject();
    return o;
}

const QJsonObject* findBy(const QJsonArray& array, const QString& key, const QString& value, QJsonObject& out)
{
    for (const QJsonValue& v : array) {
        if (v.toObject().value(key).toString() == value) {
            out = v.toObject();
            return &out;
        }
    }
    return nullptr;
}

} // namespace

// `provenance card`: a version's model card holds the auto-filled facts of the fixture (field by
// field, in JSON and Markdown; a PDF is written); --set and --save write the hand-written
// fields to each store kind, read back identically by a fresh sync with a new cache and
// journal, changing nothing else; bad input is named; an unreachable store queues the save;
// killing the process while an edit is unsaved or a write is queued loses nothing.
class tst_CliCard : public CliTestCase
{
    Q_OBJECT

public:
    tst_CliCard()
        : CliTestCase(QStringLiteral(PROVENANCE_BINARY))
    { }

private:
    QString journalOf(const QProcessEnvironment& environment, const QString& store) const
    {
        auto location = StoreLocation::fromArgument(store, workingDirectory(), StoreLocation::Existence::MayBeMissing);
        return JournalLocator::databasePath(environment.value(u"XDG_DATA_HOME"_s) + u"/provenance"_s, *location);
    }

    QJsonObject cardJson(const QString& store, const QString& model, qint64 version, const QStringList& extra,
        const QProcessEnvironment& environment, CliResult* result = nullptr)
    {
        const CliResult r = run(QStringList { u"card"_s, store, u"--cache"_s, freshFolder(), u"--model"_s, model,
                                    u"--version"_s, QString::number(version), u"--format"_s, u"json"_s }
                + extra,
            environment);
        if (result)
            *result = r;
        return QJsonDocument::fromJson(r.out).object();
    }

private Q_SLOTS:
    void initTestCase() { QVERIFY(setUp()); }

    void exportsHoldTheVersionsFacts_data();
    void exportsHoldTheVersionsFacts();
    void markdownHoldsTheSameFacts();
    void setAndSaveRoundTripThroughEachStore_data();
    void setAndSaveRoundTripThroughEachStore();
    void aLongCardIsStoredInPartsAndShrinksCleanly();
    void badCardArgumentsAreNamed_data();
    void badCardArgumentsAreNamed();
    void anOfflineSaveIsQueuedAndWrittenOnReconnect();
    void killedWhileEditingLosesNothing();
    void killedWhileAWriteIsQueuedLosesNothing();
};

void tst_CliCard::exportsHoldTheVersionsFacts_data()
{
    QTest::addColumn<QString>("store");
    QTest::addColumn<QString>("manifest");
    QTest::newRow("file store") << sharedFileStore() << u"mlflow/manifest-filestore.json"_s;
    QTest::newRow("sqlite") << sharedSqliteStore() << u"mlflow/manifest-sqlite.json"_s;
}

void tst_CliCard::exportsHoldTheVersionsFacts()
{
    QFETCH(QString, store);
    QFETCH(QString, manifest);
    const QJsonObject m = readObject(manifest);
    CliResult r;
    const QJsonObject card = cardJson(store, u"iris-classifier"_s, 2, {}, m_environment, &r);
    QVERIFY2(r.finished && r.exitCode == 0, r.describe().constData());
    const QString runId
        = m.value(u"runs"_s).toObject().value(u"logreg-final"_s).toObject().value(u"run_id"_s).toString();
    const QString modelId
        = m.value(u"logged_models"_s).toObject().value(u"logreg-final"_s).toObject().value(u"model_id"_s).toString();

    const QJsonObject details = card.value(u"model_details"_s).toObject();
    QCOMPARE(card.value(u"schema_version"_s).toString(), u"0.0.2"_s);
    QCOMPARE(details.value(u"name"_s).toString(), u"iris-classifier"_s);
    QCOMPARE(objectAt(details, u"version"_s).value(u"name"_s).toString(), u"2"_s);
    QCOMPARE(objectAt(details, u"version"_s).value(u"diff"_s).toString(),
        u"Logistic regression C=1.0; promoted after weekly eval."_s);
    QCOMPARE(details.value(u"path"_s).toString(), u"models:/"_s + modelId);
    const QJsonObject lineage = objectAt(details, u"lineage"_s);
    QCOMPARE(lineage.value(u"run_id"_s).toString(), runId);
    QCOMPARE(lineage.value(u"run_name"_s).toString(), u"logreg-final"_s);
    QCOMPARE(lineage.value(u"experiment"_s).toString(), u"iris-classifier"_s);
    QCOMPARE(lineage.value(u"logged_model_id"_s).toString(), modelId);
    QCOMPARE(lineage.value(u"trained_by"_s).toString(), u"alice"_s);
    QCOMPARE(lineage.value(u"code_commit"_s).toString(), u"1a3d1fa7bc8960a923b8c1e9392456de3eb13b90"_s);
    QCOMPARE(lineage.value(u"stage"_s).toString(), u"Production"_s);
    QCOMPARE(lineage.value(u"aliases"_s).toArray(), QJsonArray { u"champion"_s });

    // Dataset inputs with digest, schema and profile, as the manifest says.
    const QJsonArray data = objectAt(card, u"model_parameters"_s).value(u"data"_s).toArray();
    QCOMPARE(data.size(), 2);
    const QJsonObject datasets = m.value(u"datasets"_s).toObject();
    for (const QString& name : { u"iris-train"_s, u"iris-test"_s }) {
        QJsonObject d;
        QVERIFY(findBy(data, u"name"_s, name, d));
        QCOMPARE(d.value(u"digest"_s).toString(), datasets.value(name).toObject().value(u"digest"_s).toString());
        QCOMPARE(d.value(u"source"_s).toString(), datasets.value(name).toObject().value(u"source"_s).toString());
        QVERIFY(d.value(u"schema"_s).toString().contains(u"\"sepal_length\""_s));
        QVERIFY(d.value(u"profile"_s)
                    .toString()
                    .contains(u"\"num_rows\": %1"_s.arg(datasets.value(name).toObject().value(u"rows"_s).toInt())));
        QCOMPARE(d.value(u"description"_s).toString(), name == u"iris-train"_s ? u"training"_s : u"evaluation"_s);
    }
    // The signature from the MLmodel file.
    const QJsonArray inputs = objectAt(card, u"model_parameters"_s).value(u"input_format_map"_s).toArray();
    QCOMPARE(inputs.size(), 4);
    QCOMPARE(inputs[0].toObject().value(u"key"_s).toString(), u"sepal_length"_s);
    QCOMPARE(inputs[0].toObject().value(u"value"_s).toString(), u"double"_s);
    QCOMPARE(objectAt(card, u"model_parameters"_s).value(u"output_format"_s).toString(), u"long"_s);
    // Parameters of the logged model.
    QJsonObject c;
    QVERIFY(findBy(objectAt(card, u"model_parameters"_s).value(u"parameters"_s).toArray(), u"key"_s, u"C"_s, c));
    QCOMPARE(c.value(u"value"_s).toString(), u"1.0"_s);
    // The model-linked evaluation metric with its dataset.
    QJsonObject accuracy;
    QVERIFY(findBy(objectAt(card, u"quantitative_analysis"_s).value(u"performance_metrics"_s).toArray(), u"slice"_s,
        u"iris-test"_s, accuracy));
    QCOMPARE(accuracy.value(u"type"_s).toString(), u"test_accuracy"_s);
    QCOMPARE(accuracy.value(u"value"_s).toDouble(), 0.9333333333333333);
    QCOMPARE(accuracy.value(u"dataset_digest"_s).toString(), u"e761a872"_s);
    // Nothing hand-written yet.
    QCOMPARE(details.value(u"owners"_s).toArray().size(), 0);
    QVERIFY(!objectAt(card, u"considerations"_s).contains(u"risk_rating"_s));
}

void tst_CliCard::markdownHoldsTheSameFacts()
{
    const QString out = freshFolder() + u"/card.md"_s;
    const QString pdf = freshFolder() + u"/card.pdf"_s;
    const QStringList base { u"card"_s, sharedFileStore(), u"--cache"_s, m_cache, u"--model"_s, u"iris-classifier"_s,
        u"--version"_s, u"2"_s };
    CliResult r = run(base + QStringList { u"--format"_s, u"md"_s, u"--out"_s, out });
    QVERIFY2(r.finished && r.exitCode == 0, r.describe().constData());
    QFile file(out);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QString md = QString::fromUtf8(file.readAll());
    QVERIFY(md.startsWith(u"---\nlibrary_name: \"sklearn\"\ntags:\n- \"mlflow\"\n"_s));
    QVERIFY(md.contains(u"datasets:\n- \"iris-test\"\n- \"iris-train\"\n"_s));
    QVERIFY(md.contains(u"# Model Card for iris-classifier version 2\n"_s));
    QVERIFY(md.contains(u"- **Commit:** 1a3d1fa7bc8960a923b8c1e9392456de3eb13b90\n"_s));
    QVERIFY(md.contains(u"| iris-train | training | 27c44172 | s3 |"_s));
    QVERIFY(md.contains(u"| test_accuracy | 0.9333333333333333 | iris-test | e761a872 | logged model |"_s));
    QVERIFY(md.contains(u"| input | sepal_length | double | yes |"_s));
    QVERIFY(md.contains(u"- **Run:** logreg-final (ad872d587b1a4f2e8985d41f578d6b70)"_s));
    QVERIFY(md.contains(u"mlflow.pyfunc.load_model(\"models:/iris-classifier/2\")"_s));
    QVERIFY(md.contains(u"- **License:** [More Information Needed]"_s));

    r = run(base + QStringList { u"--format"_s, u"pdf"_s, u"--out"_s, pdf });
    QVERIFY2(r.finished && r.exitCode == 0, r.describe().constData());
    QFile written(pdf);
    QVERIFY(written.open(QIODevice::ReadOnly));
    QVERIFY(written.read(5) == "%PDF-");
    QVERIFY(written.size() > 10000);
    r = run(base + QStringList { u"--format"_s, u"pdf"_s });
    QCOMPARE(r.exitCode, 2);
    QVERIFY(r.errText().contains(u"a PDF needs --out FILE"_s));
}

void tst_CliCard::setAndSaveRoundTripThroughEachStore_data()
{
    QTest::addColumn<QString>("fixture");
    QTest::newRow("file store") << u"mlflow/mlruns"_s;
    QTest::newRow("sqlite") << u"mlflow/sqlite"_s;
}

void tst_CliCard::setAndSaveRoundTripThroughEachStore()
{
    QFETCH(QString, fixture);
    const QString folder = copyOfFixture(fixture);
    const QString store = fixture.endsWith(u"sqlite"_s) ? folder + u"/mlflow.db"_s : folder;
    const QString original = copyOfFixture(fixture) + (fixture.endsWith(u"sqlite"_s) ? u"/mlflow.db"_s : QString());
    const auto filesBefore = StoreSnapshot::files(folder);
    CliResult r;
    const QJsonObject saved = cardJson(store, u"iris-classifier"_s, 2,
        { u"--set"_s, u"owners=Risk team <risk@example.com>\\nDörte"_s, u"--set"_s, u"license=Apache-2.0"_s, u"--set"_s,
            u"intended_use=Ranking iris images for review"_s, u"--set"_s, u"risk_rating=medium"_s, u"--set"_s,
            u"limitations=Only three species"_s, u"--set"_s,
            u"ethical_considerations=Misuse on rare species — flagged"_s, u"--save"_s },
        m_environment, &r);
    QVERIFY2(r.finished && r.exitCode == 0, r.describe().constData());
    QVERIFY(r.errText().contains(u"saved to the store"_s));
    QCOMPARE(objectAt(saved, u"considerations"_s).value(u"risk_rating"_s).toString(), u"Medium"_s);
    QCOMPARE(objectAt(saved, u"model_details"_s).value(u"owners"_s).toArray().size(), 2);

    // A fresh cache and a fresh journal: the card comes from the store alone.
    const QProcessEnvironment elsewhere = CliRunner::isolatedEnvironment(freshFolder());
    const QJsonObject reread = cardJson(store, u"iris-classifier"_s, 2, {}, elsewhere, &r);
    QVERIFY2(r.finished && r.exitCode == 0, r.describe().constData());
    QCOMPARE(reread, saved);
    QCOMPARE(objectAt(reread, u"model_details"_s)
                 .value(u"licenses"_s)
                 .toArray()
                 .at(0)
                 .toObject()
                 .value(u"identifier"_s)
                 .toString(),
        u"Apache-2.0"_s);

    // Nothing else in the store changed.
    if (fixture.endsWith(u"sqlite"_s)) {
        const QJsonObject changes = StoreSnapshot::registryChanges(original, store);
        QCOMPARE(changes.keys(), QStringList { u"model_version_tags"_s });
        const QJsonArray added = changes.value(u"model_version_tags"_s).toObject().value(u"added"_s).toArray();
        QCOMPARE(added.size(), 1);
        QCOMPARE(added[0].toArray().at(0).toString(), ModelCardTags::Key);
        auto before = StoreSnapshot::tables(original);
        auto after = StoreSnapshot::tables(store);
        before.remove(u"model_version_tags"_s);
        after.remove(u"model_version_tags"_s);
        QCOMPARE(after, before);
    } else {
        const auto changed = StoreSnapshot::changedFiles(filesBefore, StoreSnapshot::files(folder));
        QCOMPARE(changed.keys(),
            (QStringList {
                u"models/iris-classifier/meta.yaml"_s, u"models/iris-classifier/version-2/tags/provenance.card"_s }));
        const QByteArray meta = filesBefore.value(u"models/iris-classifier/meta.yaml"_s);
        QByteArray now = changed.value(u"models/iris-classifier/meta.yaml"_s);
        now.replace(
            QRegularExpression(u"last_updated_timestamp: \\d+"_s).match(QString::fromUtf8(now)).captured().toUtf8(),
            "last_updated_timestamp: 1795321789022");
        QCOMPARE(now, meta); // only the timestamp moved, as MLflow moves it
    }
}

void tst_CliCard::aLongCardIsStoredInPartsAndShrinksCleanly()
{
    const QString store = copyOfFixture(u"mlflow/mlruns"_s);
    const QString tags = store + u"/models/churn-model/version-1/tags/"_s;
    QString documentation;
    for (int i = 0; documentation.size() < 12000; ++i)
        documentation += u"Paragraph %1: the model scores churn risk — “quoted”, ünïcödé, 日本語, 📈.\\n"_s.arg(i);
    CliResult r;
    const QJsonObject saved = cardJson(store, u"churn-model"_s, 1,
        { u"--set"_s, u"documentation="_s + documentation, u"--save"_s }, m_environment, &r);
    QVERIFY2(r.finished && r.exitCode == 0, r.describe().constData());
    QVERIFY(QFile::exists(tags + u"provenance.card"_s));
    QVERIFY(QFile::exists(tags + u"provenance.card.1"_s));
    QVERIFY(QFile::exists(tags + u"provenance.card.3"_s));
    const QJsonObject reread
        = cardJson(store, u"churn-model"_s, 1, {}, CliRunner::isolatedEnvironment(freshFolder()), &r);
    QCOMPARE(reread, saved);
    QCOMPARE(objectAt(reread, u"model_details"_s).value(u"documentation"_s).toString(),
        documentation.replace(u"\\n"_s, u"\n"_s).trimmed());

    cardJson(store, u"churn-model"_s, 1, { u"--set"_s, u"documentation=Short now."_s, u"--save"_s }, m_environment, &r);
    QVERIFY2(r.finished && r.exitCode == 0, r.describe().constData());
    QVERIFY(QFile::exists(tags + u"provenance.card"_s));
    QVERIFY(!QFile::exists(tags + u"provenance.card.1"_s)); // stale parts go
    QVERIFY(!QFile::exists(tags + u"provenance.card.3"_s));
}

void tst_CliCard::badCardArgumentsAreNamed_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QString>("sentence");
    const QStringList v2 { u"--model"_s, u"iris-classifier"_s, u"--version"_s, u"2"_s };
    QTest::newRow("field") << v2 + QStringList { u"--set"_s, u"colour=red"_s } << 2
                           << u"“colour” is not a model card field"_s;
    QTest::newRow("rating") << v2 + QStringList { u"--set"_s, u"risk_rating=scary"_s } << 2
                            << u"risk_rating must be one of Low, Medium, High, Unknown"_s;
    QTest::newRow("no value") << v2 + QStringList { u"--set"_s, u"owners"_s } << 2 << u"needs a value"_s;
    QTest::newRow("no version") << QStringList { u"--model"_s, u"iris-classifier"_s } << 2 << u"--version N"_s;
    QTest::newRow("format") << v2 + QStringList { u"--format"_s, u"docx"_s } << 2 << u"use md, json or pdf"_s;
    QTest::newRow("version") << QStringList { u"--model"_s, u"iris-classifier"_s, u"--version"_s, u"9"_s } << 1
                             << u"“iris-classifier” has no version 9 (its versions are 1, 2, 3)"_s;
    QTest::newRow("model") << QStringList { u"--model"_s, u"<script>"_s, u"--version"_s, u"1"_s } << 1
                           << u"there is no registered model “<script>”"_s;
}

void tst_CliCard::badCardArgumentsAreNamed()
{
    QFETCH(QStringList, arguments);
    QFETCH(int, exitCode);
    QFETCH(QString, sentence);
    const CliResult r = run(QStringList { u"card"_s, sharedFileStore(), u"--cache"_s, m_cache } + arguments);
    QVERIFY(r.finished);
    QCOMPARE(r.exitCode, exitCode);
    QVERIFY2(r.errText().contains(sentence), r.describe().constData());
    QVERIFY(r.out.isEmpty());
}

void tst_CliCard::anOfflineSaveIsQueuedAndWrittenOnReconnect()
{
    const QString store = copyOfFixture(u"mlflow/mlruns"_s);
    const QString cache = freshFolder();
    const QStringList card { u"card"_s, store, u"--cache"_s, cache, u"--model"_s, u"churn-model"_s, u"--version"_s,
        u"2"_s };
    CliResult r = run(card);
    QVERIFY2(r.exitCode == 0, r.describe().constData());
    QVERIFY(QDir().rename(store, store + u".away"_s)); // the store's disk is gone
    r = run(card + QStringList { u"--set"_s, u"users=Retention analysts"_s, u"--save"_s });
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.errText().contains(u"queued in the journal"_s), r.describe().constData());
    QVERIFY(r.outText().contains(u"Retention analysts"_s)); // shown from the cache all the same
    {
        auto journal = JournalDatabase::open(journalOf(m_environment, store), JournalDatabase::Access::Read);
        QVERIFY(journal);
        QCOMPARE(Outbox(*journal).pendingCount().valueOr(-1), qint64(1));
    }
    QVERIFY(QDir().rename(store + u".away"_s, store));
    r = run({ u"sync"_s, store, u"--cache"_s, cache });
    QVERIFY2(r.exitCode == 0, r.describe().constData());
    QVERIFY2(r.errText().contains(u"wrote 1 queued change(s) to the store"_s), r.describe().constData());
    QVERIFY(QFile::exists(store + u"/models/churn-model/version-2/tags/provenance.card"_s));
    const QJsonObject reread
        = cardJson(store, u"churn-model"_s, 2, {}, CliRunner::isolatedEnvironment(freshFolder()), &r);
    QCOMPARE(objectAt(reread, u"considerations"_s)
                 .value(u"users"_s)
                 .toArray()
                 .at(0)
                 .toObject()
                 .value(u"description"_s)
                 .toString(),
        u"Retention analysts"_s);
}

void tst_CliCard::killedWhileEditingLosesNothing()
{
    const QString store = copyOfFixture(u"mlflow/mlruns"_s);
    QString text;
    // More than a pipe holds (so the process blocks writing its output), less than one
    // command-line argument may be (128 KiB).
    while (text.size() < 100000)
        text += u"A long limitation, line %1.\\n"_s.arg(text.size());
    QProcess sink; // reads nothing
    QProcess child;
    child.setStandardOutputProcess(&sink);
    sink.start(u"sleep"_s, { u"600"_s });
    QVERIFY(sink.waitForStarted());
    child.setProcessEnvironment(m_environment);
    child.setWorkingDirectory(workingDirectory());
    child.start(QStringLiteral(PROVENANCE_BINARY),
        { u"card"_s, store, u"--cache"_s, freshFolder(), u"--model"_s, u"iris-classifier"_s, u"--version"_s, u"3"_s,
            u"--set"_s, u"limitations="_s + text });
    QVERIFY(child.waitForStarted());
    const QString journalPath = journalOf(m_environment, store);
    const auto draftLength = [&]() -> qsizetype {
        auto journal = JournalDatabase::open(journalPath, JournalDatabase::Access::Read);
        auto draft = journal ? CardDraftStore(*journal).load(u"iris-classifier"_s, 3)
                             : Result<std::optional<CardDraft>>(std::nullopt);
        return draft && *draft ? (*draft)->fields.value(u"limitations"_s).size() : 0;
    };
    QTRY_VERIFY_WITH_TIMEOUT(draftLength() > 0, 120000);
    QCOMPARE(child.state(), QProcess::Running); // still busy: it is killed mid-way
    child.kill(); // SIGKILL
    QVERIFY(child.waitForFinished());
    QCOMPARE(child.exitStatus(), QProcess::CrashExit);
    sink.kill();
    sink.waitForFinished();

    QCOMPARE(draftLength(), text.replace(u"\\n"_s, u"\n"_s).trimmed().size());
    const CliResult r = run({ u"card"_s, store, u"--cache"_s, freshFolder(), u"--model"_s, u"iris-classifier"_s,
        u"--version"_s, u"3"_s, u"--format"_s, u"json"_s });
    QVERIFY2(r.exitCode == 0, r.describe().constData());
    QVERIFY(r.errText().contains(u"showing unsaved edits"_s));
    QCOMPARE(
        objectAt(QJsonDocument::fromJson(r.out).object(), u"considerations"_s).value(u"limitations"_s).toArray().size(),
        text.trimmed().count(u'\n') + 1);
}

void tst_CliCard::killedWhileAWriteIsQueuedLosesNothing()
{
    const QString store = copyOfFixture(u"mlflow/sqlite"_s) + u"/mlflow.db"_s;
    // Before the lock: classifying the path opens and closes the file, and closing any file
    // descriptor of a file drops every POSIX lock this process holds on it.
    const QString journalPath = journalOf(m_environment, store);
    auto other = SqliteDatabase::open(store, SqliteDatabase::Mode::ReadWrite);
    QVERIFY(other && other->exec(u"BEGIN IMMEDIATE"_s)); // another program keeps the database busy
    QProcess child;
    child.setProcessEnvironment(m_environment);
    child.setWorkingDirectory(workingDirectory());
    const QString cache = freshFolder();
    child.start(QStringLiteral(PROVENANCE_BINARY),
        { u"card"_s, store, u"--cache"_s, cache, u"--model"_s, u"churn-model"_s, u"--version"_s, u"1"_s, u"--set"_s,
            u"owners=Churn team"_s, u"--save"_s });
    QVERIFY(child.waitForStarted());
    const auto queued = [&]() -> QList<OutboxEntry> {
        auto journal = JournalDatabase::open(journalPath, JournalDatabase::Access::Read);
        return journal ? Outbox(*journal).entries().valueOr({}) : QList<OutboxEntry>();
    };
    QTRY_VERIFY_WITH_TIMEOUT(!queued().isEmpty(), 120000);
    QCOMPARE(child.state(), QProcess::Running); // waiting for the busy database
    child.kill();
    QVERIFY(child.waitForFinished());
    QCOMPARE(child.exitStatus(), QProcess::CrashExit);

    const QList<OutboxEntry> entries = queued();
    QCOMPARE(entries.size(), 1);
    QCOMPARE(entries[0].state, OutboxEntry::State::Pending);
    QCOMPARE(entries[0].cardFields.value(u"owners"_s), u"Churn team"_s);
    QVERIFY(other->exec(u"ROLLBACK"_s)); // the other program is done
    const CliResult r = run({ u"sync"_s, store, u"--cache"_s, cache });
    QVERIFY2(r.exitCode == 0, r.describe().constData());
    QVERIFY2(r.errText().contains(u"wrote 1 queued change(s) to the store"_s), r.describe().constData());
    QVERIFY(queued().isEmpty());
    auto db = SqliteDatabase::open(store, SqliteDatabase::Mode::ReadOnly);
    QVERIFY(db);
    auto value = db->prepare(u"SELECT value FROM model_version_tags WHERE name = 'churn-model' AND version = 1 AND "
                             "key = 'provenance.card'"_s);
    QVERIFY(value && value->step());
    QCOMPARE(
        ModelCardTags::read({ { ModelCardTags::Key, value->text(0) } }).fields.value(u"owners"_s), u"Churn team"_s);
}

QTEST_GUILESS_MAIN(tst_CliCard)
#include "tst_CliCard.moc"
