#include "store/StoreWriterFactory.h"

#include "MlflowTestServer.h"
#include "TestFixtures.h"
#include "store/rest/RestOptions.h"

#include <QTest>

using namespace prov;
using namespace Qt::StringLiterals;

Q_DECLARE_METATYPE(TestFault::Kind)
Q_DECLARE_METATYPE(prov::RegistryWrite)

namespace {

const RegisteredModel* modelNamed(const QList<RegisteredModel>& models, const QString& name)
{
    for (const RegisteredModel& m : models) {
        if (m.name == name)
            return &m;
    }
    return nullptr;
}

const ModelVersion* versionOf(const QList<RegisteredModel>& models, const QString& name, qint64 version)
{
    const RegisteredModel* m = modelNamed(models, name);
    if (!m)
        return nullptr;
    for (const ModelVersion& v : m->versions) {
        if (v.version == version)
            return &v;
    }
    return nullptr;
}

QString tagOf(const QList<RegisteredModel>& models, const QString& name, qint64 version, const QString& key)
{
    const ModelVersion* v = versionOf(models, name, version);
    for (const KeyValue& kv : v ? v->tags : KeyValueList()) {
        if (kv.key == key)
            return kv.value;
    }
    return u"<none>"_s;
}

qint64 aliasOf(const QList<RegisteredModel>& models, const QString& name, const QString& alias)
{
    const RegisteredModel* m = modelNamed(models, name);
    for (const ModelAlias& a : m ? m->aliases : QList<ModelAlias>()) {
        if (a.alias == alias)
            return a.version;
    }
    return -1;
}

} // namespace

// Writing to a tracking server's registry: each kind of write is sent as MLflow's client sends
// it (method, endpoint, JSON body), the server holds it afterwards and the writer confirms it by
// reading back; a missing version is refused; an unreachable, failing or refusing server keeps
// the write queued (StoreWriter::isTransient) with a sentence naming what and why.
class tst_RestWriter : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void eachWriteIsSentAsMlflowSendsIt_data();
    void eachWriteIsSentAsMlflowSendsIt();
    void aMissingVersionIsRefused();
    void failuresKeepTheWriteQueued_data();
    void failuresKeepTheWriteQueued();
    void anUnreachableServerKeepsTheWriteQueued();

private:
    Status apply(const RegistryWrites& writes, const QString& url) const;

    std::unique_ptr<MlflowTestServer> m_server;
};

void tst_RestWriter::init()
{
    QString error;
    m_server = MlflowTestServer::start(TestFixtures::dataPath(u"mlflow/sqlite/mlflow.db"_s), &error);
    QVERIFY2(m_server, qPrintable(error));
}

Status tst_RestWriter::apply(const RegistryWrites& writes, const QString& url) const
{
    auto location = StoreLocation::fromArgument(url, QString());
    if (!location)
        return location.error();
    RestOptions options;
    options.baseUrl = QUrl(location->uri);
    options.timeoutMs = 2000;
    options.maxRetries = 1;
    options.backoffMs = 10;
    auto writer = StoreWriterFactory::open(*location, options);
    if (!writer)
        return writer.error();
    return (*writer)->apply(writes);
}

void tst_RestWriter::eachWriteIsSentAsMlflowSendsIt_data()
{
    QTest::addColumn<RegistryWrite>("write");
    QTest::addColumn<QString>("request");
    const QString iris = u"iris-classifier"_s;
    QTest::newRow("set tag") << RegistryWrite::setVersionTag(iris, 2, u"provenance.card"_s, u"{\"a\": \"ü\"}"_s)
                             << u"POST /api/2.0/mlflow/model-versions/set-tag"_s;
    QTest::newRow("replace tag") << RegistryWrite::setVersionTag(iris, 2, u"validation_status"_s, u"redone"_s)
                                 << u"POST /api/2.0/mlflow/model-versions/set-tag"_s;
    QTest::newRow("delete tag") << RegistryWrite::deleteVersionTag(iris, 2, u"deploy.endpoint"_s)
                                << u"DELETE /api/2.0/mlflow/model-versions/delete-tag"_s;
    QTest::newRow("set alias") << RegistryWrite::setAlias(iris, u"shadow"_s, 1)
                               << u"POST /api/2.0/mlflow/registered-models/alias"_s;
    QTest::newRow("move alias") << RegistryWrite::setAlias(iris, u"champion"_s, 3)
                                << u"POST /api/2.0/mlflow/registered-models/alias"_s;
    QTest::newRow("delete alias") << RegistryWrite::deleteAlias(iris, u"challenger"_s)
                                  << u"DELETE /api/2.0/mlflow/registered-models/alias"_s;
    QTest::newRow("stage") << RegistryWrite::transitionStage(iris, 3, u"production"_s, true)
                           << u"POST /api/2.0/mlflow/model-versions/transition-stage"_s;
    QTest::newRow("description") << RegistryWrite::setDescription(iris, 1, u"Retired — “first” try"_s)
                                 << u"PATCH /api/2.0/mlflow/model-versions/update"_s;
}

void tst_RestWriter::eachWriteIsSentAsMlflowSendsIt()
{
    QFETCH(RegistryWrite, write);
    QFETCH(QString, request);
    const Status s = apply({ write }, m_server->url());
    QVERIFY2(s, qPrintable(s ? QString() : s.error().describe()));
    QVERIFY2(m_server->requestLog().contains(request), qPrintable(m_server->requestLog().join(u", "_s)));
    QCOMPARE(m_server->content().registryWritesTaken(), 1);
    const QList<RegisteredModel>& now = m_server->content().registry();
    using Kind = RegistryWrite::Kind;
    switch (write.kind) {
    case Kind::SetVersionTag:
        QCOMPARE(tagOf(now, write.modelName, write.version, write.key), write.value);
        break;
    case Kind::DeleteVersionTag:
        QCOMPARE(tagOf(now, write.modelName, write.version, write.key), u"<none>"_s);
        break;
    case Kind::SetAlias:
        QCOMPARE(aliasOf(now, write.modelName, write.key), write.version);
        break;
    case Kind::DeleteAlias:
        QCOMPARE(aliasOf(now, write.modelName, write.key), -1);
        break;
    case Kind::TransitionStage:
        QCOMPARE(versionOf(now, write.modelName, write.version)->stage, u"Production"_s);
        QCOMPARE(versionOf(now, write.modelName, 2)->stage, u"Archived"_s); // archive_existing_versions
        break;
    case Kind::SetVersionDescription:
        QCOMPARE(versionOf(now, write.modelName, write.version)->description, write.value);
        break;
    }
}

void tst_RestWriter::aMissingVersionIsRefused()
{
    const Status s = apply({ RegistryWrite::setVersionTag(u"iris-classifier"_s, 9, u"k"_s, u"v"_s) }, m_server->url());
    QVERIFY(!s);
    QCOMPARE(s.error().code, ErrorCode::InvalidArgument);
    QVERIFY(!StoreWriter::isTransient(s.error()));
    QVERIFY2(s.error().message.contains(u"could not save tag “k” of iris-classifier version 9"_s),
        qPrintable(s.error().message));
    QVERIFY2(s.error().message.contains(u"not found"_s), qPrintable(s.error().message));
    QCOMPARE(m_server->content().registryWritesTaken(), 0);
}

void tst_RestWriter::failuresKeepTheWriteQueued_data()
{
    QTest::addColumn<TestFault::Kind>("fault");
    QTest::addColumn<QString>("sentence");
    QTest::newRow("401") << TestFault::Kind::Unauthorized << u"401: the server asks for credentials"_s;
    QTest::newRow("403") << TestFault::Kind::Forbidden << u"403: these credentials are not allowed to change it"_s;
    QTest::newRow("404 page") << TestFault::Kind::NotFoundPage << u"the server does not offer it (404)"_s;
    QTest::newRow("500") << TestFault::Kind::ServerError << u"the server kept answering HTTP 500"_s;
    QTest::newRow("broken answer") << TestFault::Kind::MalformedJson << u"not valid JSON"_s;
}

void tst_RestWriter::failuresKeepTheWriteQueued()
{
    QFETCH(TestFault::Kind, fault);
    QFETCH(QString, sentence);
    m_server->addFault({ u"model-versions/set-tag"_s, fault, -1, 0, 0 });
    const RegistryWrite write = RegistryWrite::setVersionTag(u"churn-model"_s, 2, u"reviewed"_s, u"yes"_s);
    const Status s = apply({ write }, m_server->url());
    QVERIFY(!s);
    QVERIFY2(StoreWriter::isTransient(s.error()), qPrintable(s.error().describe()));
    QVERIFY2(s.error().message.startsWith(u"could not save tag “reviewed” of churn-model version 2: "_s),
        qPrintable(s.error().message));
    QVERIFY2(s.error().message.contains(sentence), qPrintable(s.error().message));
    QCOMPARE(s.error().location, m_server->url());
    QCOMPARE(m_server->content().registryWritesTaken(), 0);

    m_server->clearFaults(); // the same write goes through later
    const Status again = apply({ write }, m_server->url());
    QVERIFY2(again, qPrintable(again ? QString() : again.error().describe()));
    QCOMPARE(tagOf(m_server->content().registry(), u"churn-model"_s, 2, u"reviewed"_s), u"yes"_s);
}

void tst_RestWriter::anUnreachableServerKeepsTheWriteQueued()
{
    const QString url = m_server->url();
    m_server.reset(); // nothing listens there any more
    const Status s = apply({ RegistryWrite::setAlias(u"churn-model"_s, u"shadow"_s, 1) }, url);
    QVERIFY(!s);
    QCOMPARE(s.error().code, ErrorCode::Unreachable);
    QVERIFY(StoreWriter::isTransient(s.error()));
    QVERIFY2(
        s.error().message.contains(u"could not save alias “shadow” of churn-model"_s), qPrintable(s.error().message));
}

QTEST_GUILESS_MAIN(tst_RestWriter)
#include "tst_RestWriter.moc"
