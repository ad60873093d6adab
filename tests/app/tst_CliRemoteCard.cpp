#include "CliTestCase.h"
#include "MlflowTestServer.h"
#include "TestFixtures.h"
#include "journal/JournalDatabase.h"
#include "journal/JournalLocator.h"
#include "journal/Outbox.h"
#include "registry/ModelCardTags.h"
#include "store/StoreLocation.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace prov;
using namespace Qt::StringLiterals;

Q_DECLARE_METATYPE(TestFault::Kind)

namespace {

// The registry as the server holds it, as JSON, without the version tags named `dropped`.
QJsonArray registryJson(const QList<RegisteredModel>& models, const QStringList& dropped = {})
{
    QJsonArray all;
    for (const RegisteredModel& m : models) {
        QJsonObject model = MlflowTestRegistry::modelJson(m);
        QJsonArray versions;
        for (ModelVersion v : m.versions) {
            v.tags.removeIf([&](const KeyValue& kv) { return dropped.contains(kv.key); });
            versions.append(MlflowTestRegistry::versionJson(v));
        }
        model.insert(u"versions"_s, versions);
        all.append(model);
    }
    return all;
}

QStringList tagKeys(const QList<RegisteredModel>& models, const QString& name, qint64 version)
{
    QStringList keys;
    for (const RegisteredModel& m : models) {
        for (const ModelVersion& v : m.versions) {
            if (m.name == name && v.version == version) {
                for (const KeyValue& kv : v.tags)
                    keys << kv.key;
            }
        }
    }
    return keys;
}

} // namespace

// `provenance card URL … --save` against a tracking server: the card is written with MLflow's
// REST calls and read back identically by a fresh sync into a new cache and journal, and nothing
// else on the server changes; a long card goes in parts and shrinks cleanly; a server that
// cannot be reached, refuses (401/403), lacks the endpoint (404) or fails (500) keeps the save
// queued with a sentence, and the next sync that reaches it writes it.
class tst_CliRemoteCard : public CliTestCase
{
    Q_OBJECT

public:
    tst_CliRemoteCard()
        : CliTestCase(QStringLiteral(PROVENANCE_BINARY))
    { }

private Q_SLOTS:
    void initTestCase();
    void init();
    void aSavedCardIsReadBackByAFreshSync();
    void aLongCardIsStoredInPartsAndShrinksCleanly();
    void aFailingServerKeepsTheSaveQueued_data();
    void aFailingServerKeepsTheSaveQueued();
    void anUnreachableServerKeepsTheSaveUntilItIsBack();

private:
    QJsonObject cardJson(const QString& model, qint64 version, const QStringList& extra,
        const QProcessEnvironment& environment, CliResult* result = nullptr);
    qint64 pendingSaves() const;

    std::unique_ptr<MlflowTestServer> m_server;
    QString m_url; // the server's, also while it is away
};

void tst_CliRemoteCard::initTestCase()
{
    QVERIFY(setUp());
    m_environment.insert(u"MLFLOW_HTTP_REQUEST_BACKOFF_FACTOR"_s, u"0.05"_s);
    m_environment.insert(u"MLFLOW_HTTP_REQUEST_MAX_RETRIES"_s, u"1"_s);
}

void tst_CliRemoteCard::init()
{
    QString error;
    m_server = MlflowTestServer::start(TestFixtures::dataPath(u"mlflow/sqlite/mlflow.db"_s), &error);
    QVERIFY2(m_server, qPrintable(error));
    m_url = m_server->url();
}

QJsonObject tst_CliRemoteCard::cardJson(const QString& model, qint64 version, const QStringList& extra,
    const QProcessEnvironment& environment, CliResult* result)
{
    const CliResult r = run(QStringList { u"card"_s, m_url, u"--model"_s, model, u"--version"_s,
                                QString::number(version), u"--format"_s, u"json"_s }
            + extra,
        environment);
    if (result)
        *result = r;
    return QJsonDocument::fromJson(r.out).object();
}

qint64 tst_CliRemoteCard::pendingSaves() const
{
    auto location = StoreLocation::fromArgument(m_url, QString());
    const QString path = JournalLocator::databasePath(
        m_environment.value(u"XDG_DATA_HOME"_s) + u"/provenance"_s, location.valueOr(StoreLocation()));
    auto journal = JournalDatabase::open(path, JournalDatabase::Access::Read);
    return journal ? Outbox(*journal).pendingCount().valueOr(-1) : -1;
}

void tst_CliRemoteCard::aSavedCardIsReadBackByAFreshSync()
{
    const QJsonArray before = registryJson(m_server->content().registry());
    CliResult r;
    const QJsonObject saved = cardJson(u"iris-classifier"_s, 2,
        { u"--set"_s, u"owners=Risk team <risk@example.com>\\nDörte"_s, u"--set"_s, u"license=Apache-2.0"_s, u"--set"_s,
            u"risk_rating=high"_s, u"--set"_s, u"limitations=Detects \"quoted\" <b>html</b> — 日本語"_s, u"--save"_s },
        m_environment, &r);
    QVERIFY2(r.finished && r.exitCode == 0, r.describe().constData());
    QVERIFY2(r.errText().contains(u"saved to the store"_s), r.describe().constData());
    QVERIFY(m_server->requestLog().contains(u"POST /api/2.0/mlflow/model-versions/set-tag"_s));
    QCOMPARE(pendingSaves(), qint64(0));

    // A fresh cache and journal: the card comes from the server alone.
    const QJsonObject reread = cardJson(u"iris-classifier"_s, 2, {}, CliRunner::isolatedEnvironment(freshFolder()), &r);
    QVERIFY2(r.finished && r.exitCode == 0, r.describe().constData());
    QCOMPARE(reread, saved);
    QCOMPARE(reread.value(u"considerations"_s).toObject().value(u"risk_rating"_s).toString(), u"High"_s);

    // Nothing else on the server changed: one new tag on that version.
    const QList<RegisteredModel>& after = m_server->content().registry();
    QVERIFY(tagKeys(after, u"iris-classifier"_s, 2).contains(ModelCardTags::Key));
    QCOMPARE(registryJson(after, { ModelCardTags::Key }), before);
}

void tst_CliRemoteCard::aLongCardIsStoredInPartsAndShrinksCleanly()
{
    QString documentation;
    for (int i = 0; documentation.size() < 12000; ++i)
        documentation += u"Paragraph %1: the model scores churn risk — “quoted”, ünïcödé, 日本語, 📈.\\n"_s.arg(i);
    CliResult r;
    const QJsonObject saved = cardJson(
        u"churn-model"_s, 1, { u"--set"_s, u"documentation="_s + documentation, u"--save"_s }, m_environment, &r);
    QVERIFY2(r.finished && r.exitCode == 0, r.describe().constData());
    QStringList keys = tagKeys(m_server->content().registry(), u"churn-model"_s, 1);
    QVERIFY(keys.contains(ModelCardTags::Key));
    QVERIFY2(keys.contains(ModelCardTags::Key + u".1"_s), qPrintable(keys.join(u", "_s)));
    const QJsonObject reread = cardJson(u"churn-model"_s, 1, {}, CliRunner::isolatedEnvironment(freshFolder()), &r);
    QCOMPARE(reread, saved);

    cardJson(u"churn-model"_s, 1, { u"--set"_s, u"documentation=Short now."_s, u"--save"_s }, m_environment, &r);
    QVERIFY2(r.finished && r.exitCode == 0, r.describe().constData());
    keys = tagKeys(m_server->content().registry(), u"churn-model"_s, 1);
    QVERIFY(keys.contains(ModelCardTags::Key));
    QVERIFY2(!keys.contains(ModelCardTags::Key + u".1"_s), qPrintable(keys.join(u", "_s))); // stale parts go
    QVERIFY(m_server->requestLog().contains(u"DELETE /api/2.0/mlflow/model-versions/delete-tag"_s));
}

void tst_CliRemoteCard::aFailingServerKeepsTheSaveQueued_data()
{
    QTest::addColumn<TestFault::Kind>("fault");
    QTest::addColumn<QString>("sentence");
    QTest::newRow("401") << TestFault::Kind::Unauthorized << u"401: the server asks for credentials"_s;
    QTest::newRow("403") << TestFault::Kind::Forbidden << u"403: these credentials are not allowed to change it"_s;
    QTest::newRow("404") << TestFault::Kind::NotFoundPage << u"the server does not offer it (404)"_s;
    QTest::newRow("500") << TestFault::Kind::ServerError << u"the server kept answering HTTP 500"_s;
}

void tst_CliRemoteCard::aFailingServerKeepsTheSaveQueued()
{
    QFETCH(TestFault::Kind, fault);
    QFETCH(QString, sentence);
    m_server->addFault({ u"model-versions/set-tag"_s, fault, -1, 0, 0 });
    CliResult r;
    cardJson(u"churn-model"_s, 2, { u"--set"_s, u"users=Retention analysts"_s, u"--save"_s }, m_environment, &r);
    QVERIFY(r.finished);
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.errText().contains(u"could not save tag “provenance.card” of churn-model version 2: "_s + sentence),
        r.describe().constData());
    QVERIFY2(r.errText().contains(u"queued in the journal"_s), r.describe().constData());
    QCOMPARE(pendingSaves(), qint64(1));
    QCOMPARE(m_server->content().registryWritesTaken(), 0);

    m_server->clearFaults();
    r = run({ u"sync"_s, m_server->url() });
    QVERIFY2(r.exitCode == 0, r.describe().constData());
    QVERIFY2(r.errText().contains(u"wrote 1 queued change(s) to the store"_s), r.describe().constData());
    QCOMPARE(pendingSaves(), qint64(0));
    QVERIFY(tagKeys(m_server->content().registry(), u"churn-model"_s, 2).contains(ModelCardTags::Key));
}

void tst_CliRemoteCard::anUnreachableServerKeepsTheSaveUntilItIsBack()
{
    CliResult r;
    cardJson(u"churn-model"_s, 2, {}, m_environment, &r); // synced once: the cache knows the version
    QVERIFY2(r.exitCode == 0, r.describe().constData());
    const quint16 port = m_server->port();
    m_server.reset();
    const QJsonObject shown
        = cardJson(u"churn-model"_s, 2, { u"--set"_s, u"users=Retention analysts"_s, u"--save"_s }, m_environment, &r);
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.errText().contains(u"queued in the journal"_s), r.describe().constData());
    QVERIFY2(r.errText().contains(u"the connection was refused"_s), r.describe().constData());
    QVERIFY(QJsonDocument(shown).toJson().contains("Retention analysts")); // shown from the cache all the same
    QCOMPARE(pendingSaves(), qint64(1));

    QString error;
    m_server = MlflowTestServer::start(TestFixtures::dataPath(u"mlflow/sqlite/mlflow.db"_s), &error, port);
    QVERIFY2(m_server, qPrintable(error));
    r = run({ u"sync"_s, m_server->url() });
    QVERIFY2(r.exitCode == 0, r.describe().constData());
    QVERIFY2(r.errText().contains(u"wrote 1 queued change(s) to the store"_s), r.describe().constData());
    QCOMPARE(pendingSaves(), qint64(0));
    const QJsonObject reread = cardJson(u"churn-model"_s, 2, {}, CliRunner::isolatedEnvironment(freshFolder()), &r);
    QCOMPARE(reread.value(u"considerations"_s)
                 .toObject()
                 .value(u"users"_s)
                 .toArray()
                 .at(0)
                 .toObject()
                 .value(u"description"_s),
        QJsonValue(u"Retention analysts"_s));
}

QTEST_GUILESS_MAIN(tst_CliRemoteCard)
#include "tst_CliRemoteCard.moc"
