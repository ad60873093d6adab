#include "store/rest/MlflowRestJson.h"
#include "store/rest/RestResponseCheck.h"

#include "TestFixtures.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QNetworkReply>
#include <QTest>
#include <QTimeZone>

#include <cmath>

using namespace prov;
using namespace Qt::StringLiterals;

// Specifies how MLflow's REST answers become domain values (read from responses recorded from a
// real MLflow 3.2 server) and how every kind of answer is judged: data, or a sentence naming
// what was read and why it failed.
class tst_RestReader : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void runsComeWholeFromTheSearch();
    void nonFiniteValuesAreRead();
    void bareNonFiniteNumbersOfTheAjaxApiAreRead();
    void experimentsKeepTheirTags();
    void registeredModelsKeepTheirAliases();
    void loggedModelsAreRead();
    void answersAreJudged_data();
    void answersAreJudged();
    void retriesAreForPassingTrouble_data();
    void retriesAreForPassingTrouble();
    void retryAfterIsSecondsOrADate();

private:
    static QJsonObject sample(const QString& name)
    {
        return TestFixtures::readJson(TestFixtures::dataPath(u"mlflow/rest-samples/"_s + name))
            .object()
            .value(u"response"_s)
            .toObject();
    }
};

void tst_RestReader::runsComeWholeFromTheSearch()
{
    const auto run = MlflowRestJson::run(sample(u"16-runs-get-with-inputs-outputs.json"_s).value(u"run"_s).toObject());
    QVERIFY(run);
    QCOMPARE(run->info.runId, u"5b99d869bbe84d0290426ff716fba0ad"_s);
    QCOMPARE(run->info.experimentId, u"1"_s);
    QCOMPARE(run->info.status, RunStatus::Finished);
    QCOMPARE(run->info.startTime, std::optional<qint64>(1741001400000));
    QCOMPARE(valueOf(run->params, u"solver"), u"lbfgs"_s);
    QCOMPARE(run->datasetInputs.size(), 2);
    QCOMPARE(run->datasetInputs.first().dataset.name, u"iris-test"_s); // canonical order: by name
    QCOMPARE(run->datasetInputs.first().context(), u"evaluation"_s);
    QCOMPARE(run->modelOutputs.size(), 1);
    QCOMPARE(run->modelOutputs.first().step, 200);
    QCOMPARE(run->metrics.size(), 3);
    QCOMPARE(run->metrics.first().key, u"test_accuracy"_s); // sorted by key
    // The stamp of a metric is its latest point: step first, then timestamp.
    QVERIFY(run->metrics.first().fingerprint.startsWith("0:1741001700000:"));
    for (qsizetype i = 1; i < run->params.size(); ++i)
        QVERIFY(run->params[i - 1].key < run->params[i].key);
}

void tst_RestReader::nonFiniteValuesAreRead()
{
    const QJsonArray points = sample(u"22-metrics-get-history-nan.json"_s).value(u"metrics"_s).toArray();
    QCOMPARE(points.size(), 4);
    const auto nan = MlflowRestJson::metricPoint(points[2].toObject());
    QVERIFY(nan && std::isnan(nan->value));
    QCOMPARE(nan->step, 38);
    const auto huge = MlflowRestJson::metricPoint(points[1].toObject());
    QVERIFY(huge && huge->value > 1e308);
    QVERIFY(std::isinf(MlflowRestJson::metricValue(u"-Infinity"_s)));
    QVERIFY(MlflowRestJson::metricValue(u"-Infinity"_s) < 0);
}

// A real MLflow 3.2 server's get-history-bulk answer (Python's json module) spells non-finite
// values as bare words; words inside strings stay as they are.
void tst_RestReader::bareNonFiniteNumbersOfTheAjaxApiAreRead()
{
    RestRawResponse raw;
    raw.status = 200;
    raw.contentType = "application/json";
    raw.body = R"({"metrics":[{"key":"val \"NaN\" Infinity","run_id":"r","step":1,"timestamp":5,"value":NaN},)"
               R"({"key":"k","run_id":"r","step":2,"timestamp":6,"value":Infinity},)"
               R"({"key":"k","run_id":"r","step":3,"timestamp":7,"value":-Infinity},)"
               R"({"key":"k","run_id":"r","step":4,"timestamp":8,"value":0.5}]})";
    RestRequest request;
    request.what = u"metric histories"_s;
    const auto reply = RestResponseCheck::judge(raw, request, { u"http://127.0.0.1:5000"_s, false, 1000 });
    QVERIFY2(reply, qPrintable(reply ? QString() : reply.error().describe()));
    const QJsonArray points = reply->json.value(u"metrics"_s).toArray();
    QCOMPARE(points.size(), 4);
    QCOMPARE(points[0].toObject().value(u"key"_s).toString(), u"val \"NaN\" Infinity"_s);
    const auto nan = MlflowRestJson::metricPoint(points[0].toObject());
    QVERIFY(nan && std::isnan(nan->value));
    const auto inf = MlflowRestJson::metricPoint(points[1].toObject());
    QVERIFY(inf && std::isinf(inf->value) && inf->value > 0);
    const auto negInf = MlflowRestJson::metricPoint(points[2].toObject());
    QVERIFY(negInf && std::isinf(negInf->value) && negInf->value < 0);
    QCOMPARE(MlflowRestJson::metricPoint(points[3].toObject())->value, 0.5);

    raw.body = R"({"metrics":[{"value":Nope}]})";
    QVERIFY(!RestResponseCheck::judge(raw, request, { u"http://127.0.0.1:5000"_s, false, 1000 }));
}

void tst_RestReader::experimentsKeepTheirTags()
{
    const QJsonArray experiments = sample(u"03-experiments-search-page1.json"_s).value(u"experiments"_s).toArray();
    const auto unicode = MlflowRestJson::experiment(experiments[1].toObject());
    QVERIFY(unicode);
    QCOMPARE(unicode->name, u"Prévision des ventes — 売上予測 📈"_s);
    QCOMPARE(valueOf(unicode->tags, u"équipe"), u"finance-données"_s);
    QCOMPARE(unicode->creationTime, std::optional<qint64>(1795321802258));
    QVERIFY(!MlflowRestJson::experiment(QJsonObject { { u"name"_s, u"no id"_s } }));
}

void tst_RestReader::registeredModelsKeepTheirAliases()
{
    const RegisteredModel model = MlflowRestJson::registeredModel(
        sample(u"41-registered-models-get.json"_s).value(u"registered_model"_s).toObject());
    QCOMPARE(model.name, u"iris-classifier"_s);
    QCOMPARE(model.aliases.size(), 2);
    QCOMPARE(model.aliases.first(), (ModelAlias { u"challenger"_s, 3 }));
    const QJsonArray versions = sample(u"44-model-versions-search-page1.json"_s).value(u"model_versions"_s).toArray();
    const ModelVersion version = MlflowRestJson::modelVersion(versions.first().toObject());
    QCOMPARE(version.version, 3);
    QCOMPARE(version.stage, u"Staging"_s);
    QCOMPARE(valueOf(version.tags, u"validation_status"), u"pending"_s);
}

void tst_RestReader::loggedModelsAreRead()
{
    const QJsonArray models = sample(u"36-logged-models-search.json"_s).value(u"models"_s).toArray();
    const LoggedModel model = MlflowRestJson::loggedModel(models.first().toObject());
    QCOMPARE(model.modelId, u"m-dc2596f4951140dd840d1a00b2799f17"_s);
    QCOMPARE(model.status, u"READY"_s);
    QCOMPARE(model.sourceRunId, u"83e65dc79fcb4cc3a936079857562380"_s);
    QCOMPARE(valueOf(model.params, u"max_depth"), u"3"_s);
    QCOMPARE(model.metrics.size(), 1);
    QCOMPARE(model.metrics.first().datasetDigest, u"e761a872"_s);
}

void tst_RestReader::answersAreJudged_data()
{
    QTest::addColumn<int>("status");
    QTest::addColumn<QByteArray>("contentType");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<int>("networkError");
    QTest::addColumn<bool>("credentials");
    QTest::addColumn<int>("code"); // -1: data
    QTest::addColumn<QString>("says");
    const int data = -1;
    const auto json = QByteArrayLiteral("application/json");
    const auto text = QByteArrayLiteral("text/plain");
    const auto html = QByteArrayLiteral("text/html; charset=utf-8");
    QTest::newRow("data") << 200 << json << QByteArray("{\"experiments\": []}") << 0 << false << data << QString();
    QTest::newRow("401 without credentials")
        << 401 << text << QByteArray("You are not authenticated.") << 204 << false
        << static_cast<int>(ErrorCode::AccessDenied) << u"MLFLOW_TRACKING_USERNAME"_s;
    QTest::newRow("401 with credentials")
        << 401 << text << QByteArray("You are not authenticated.") << 204 << true
        << static_cast<int>(ErrorCode::AccessDenied) << u"401: the server refused these credentials"_s;
    QTest::newRow("403") << 403 << text << QByteArray("Permission denied") << 201 << true
                         << static_cast<int>(ErrorCode::AccessDenied) << u"403: these credentials are not allowed"_s;
    QTest::newRow("404 from MLflow") << 404 << json
                                     << QByteArray("{\"error_code\": \"RESOURCE_DOES_NOT_EXIST\", \"message\": \"Run "
                                                   "with id=1 not found\"}")
                                     << 203 << false << static_cast<int>(ErrorCode::NotFound) << u"Run with id=1"_s;
    QTest::newRow("404 page") << 404 << html << QByteArray("<!doctype html><title>404 Not Found</title>") << 203
                              << false << static_cast<int>(ErrorCode::Unsupported) << u"does not offer it"_s;
    QTest::newRow("500 after retries") << 500 << json << QByteArray("{}") << 401 << false
                                       << static_cast<int>(ErrorCode::Unreachable) << u"HTTP 500"_s;
    QTest::newRow("429 after retries") << 429 << text << QByteArray() << 0 << false
                                       << static_cast<int>(ErrorCode::Unreachable) << u"too many requests"_s;
    QTest::newRow("web page instead of data") << 200 << html << QByteArray("<html>Sign in</html>") << 0 << false
                                              << static_cast<int>(ErrorCode::Corrupt) << u"web page"_s;
    QTest::newRow("malformed JSON") << 200 << json << QByteArray("{not json") << 0 << false
                                    << static_cast<int>(ErrorCode::Corrupt) << u"not valid JSON"_s;
    QTest::newRow("truncated JSON") << 200 << json << QByteArray("{\"runs\": [{\"info\": ") << 0 << false
                                    << static_cast<int>(ErrorCode::Corrupt) << u"cut off"_s;
    QTest::newRow("bad request") << 400 << json
                                 << QByteArray("{\"error_code\": \"INVALID_PARAMETER_VALUE\", \"message\": \"Invalid "
                                               "page token\"}")
                                 << 299 << false << static_cast<int>(ErrorCode::InvalidArgument)
                                 << u"Invalid page token"_s;
    QTest::newRow("connection refused") << 0 << QByteArray() << QByteArray()
                                        << static_cast<int>(QNetworkReply::ConnectionRefusedError) << false
                                        << static_cast<int>(ErrorCode::Unreachable) << u"refused"_s;
    QTest::newRow("reset mid-body") << 0 << QByteArray() << QByteArray()
                                    << static_cast<int>(QNetworkReply::RemoteHostClosedError) << false
                                    << static_cast<int>(ErrorCode::Unreachable) << u"closed the connection"_s;
}

void tst_RestReader::answersAreJudged()
{
    QFETCH(int, status);
    QFETCH(QByteArray, contentType);
    QFETCH(QByteArray, body);
    QFETCH(int, networkError);
    QFETCH(bool, credentials);
    QFETCH(int, code);
    QFETCH(QString, says);
    RestRawResponse raw;
    raw.status = status;
    raw.contentType = contentType;
    raw.body = body;
    raw.networkError = networkError;
    raw.attempts = 3;
    RestRequest request;
    request.what = u"the runs of experiment 'iris'"_s;
    const RestResponseCheck::Context context { u"http://mlflow.example.org"_s, credentials, 120'000 };
    const auto result = RestResponseCheck::judge(raw, request, context);
    if (code < 0) {
        QVERIFY2(result, qPrintable(result ? QString() : result.error().describe()));
        return;
    }
    QVERIFY(!result);
    QCOMPARE(static_cast<int>(result.error().code), code);
    QCOMPARE(result.error().location, u"http://mlflow.example.org"_s);
    const QString message = result.error().message;
    QVERIFY2(message.startsWith(u"could not read the runs of experiment 'iris': "_s), qPrintable(message));
    QVERIFY2(message.contains(says), qPrintable(message));
    QVERIFY2(!message.contains(u"<html"_s) && !message.contains(u"doctype"_s), qPrintable(message));
}

void tst_RestReader::retriesAreForPassingTrouble_data()
{
    QTest::addColumn<int>("status");
    QTest::addColumn<int>("networkError");
    QTest::addColumn<bool>("timedOut");
    QTest::addColumn<bool>("retry");
    QTest::newRow("429") << 429 << 0 << false << true;
    QTest::newRow("503") << 503 << 0 << false << true;
    QTest::newRow("500") << 500 << 0 << false << true;
    QTest::newRow("time-out") << 0 << static_cast<int>(QNetworkReply::OperationCanceledError) << true << true;
    QTest::newRow("reset") << 0 << static_cast<int>(QNetworkReply::RemoteHostClosedError) << false << true;
    QTest::newRow("401") << 401 << 204 << false << false;
    QTest::newRow("403") << 403 << 201 << false << false;
    QTest::newRow("404") << 404 << 203 << false << false;
    QTest::newRow("400") << 400 << 299 << false << false;
    QTest::newRow("200") << 200 << 0 << false << false;
    QTest::newRow("TLS") << 0 << static_cast<int>(QNetworkReply::SslHandshakeFailedError) << false << false;
}

void tst_RestReader::retriesAreForPassingTrouble()
{
    QFETCH(int, status);
    QFETCH(int, networkError);
    QFETCH(bool, timedOut);
    QFETCH(bool, retry);
    RestRawResponse raw;
    raw.status = status;
    raw.networkError = networkError;
    raw.timedOut = timedOut;
    QCOMPARE(RestResponseCheck::isRetryable(raw), retry);
}

void tst_RestReader::retryAfterIsSecondsOrADate()
{
    const qint64 now = QDateTime(QDate(2026, 12, 1), QTime(12, 0), Qt::UTC).toMSecsSinceEpoch();
    QCOMPARE(RestResponseCheck::retryAfterMs("3", now), 3000);
    QCOMPARE(RestResponseCheck::retryAfterMs("Tue, 01 Dec 2026 12:00:05 GMT", now), 5000);
    QCOMPARE(RestResponseCheck::retryAfterMs("", now), -1);
    QCOMPARE(RestResponseCheck::retryAfterMs("soon", now), -1);
}

QTEST_GUILESS_MAIN(tst_RestReader)
#include "tst_RestReader.moc"
