#include "lineage/OpenLineageExport.h"

#include "FixtureManifest.h"
#include "JsonSchemaCheck.h"
#include "TestFixtures.h"
#include "lineage/LineageBuilder.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace prov;
using namespace Qt::StringLiterals;

namespace {

const QString runEventSchema = u"https://openlineage.io/spec/2-0-2/OpenLineage.json#/$defs/RunEvent"_s;
const QString parentSchema = u"https://openlineage.io/spec/facets/1-2-0/ParentRunFacet.json"_s;
const QString sourceCodeSchema = u"https://openlineage.io/spec/facets/1-1-0/SourceCodeLocationJobFacet.json"_s;
const QString datasetVersionSchema = u"https://openlineage.io/spec/facets/1-0-1/DatasetVersionDatasetFacet.json"_s;

OpenLineageOptions options()
{
    OpenLineageOptions o;
    o.jobNamespace = u"file:///stores/mlruns"_s;
    o.producer = u"urn:provenance:test"_s;
    o.fallbackTime = 1700000000000;
    return o;
}

QList<QJsonObject> events(const QByteArray& ndjson)
{
    QList<QJsonObject> list;
    for (const QByteArray& line : ndjson.split('\n')) {
        if (!line.isEmpty())
            list.append(QJsonDocument::fromJson(line).object());
    }
    return list;
}

QString expectedEventType(const QString& status)
{
    static const QHash<QString, QString> types { { u"FINISHED"_s, u"COMPLETE"_s }, { u"FAILED"_s, u"FAIL"_s },
        { u"KILLED"_s, u"ABORT"_s }, { u"RUNNING"_s, u"RUNNING"_s } };
    return types.value(status);
}

} // namespace

// OpenLineage export of the fixture stores: one RunEvent per run, each valid against
// OpenLineage's published JSON Schemas (tests/data/openlineage), with the datasets' digests
// as versions, logged models as outputs, parent and source-code facets and UUID run ids.
class tst_OpenLineageExport : public QObject
{
    Q_OBJECT

private:
    JsonSchemaCheck m_schemas;

private Q_SLOTS:
    void initTestCase()
    {
        for (const QString& file : { u"OpenLineage.json"_s, u"ParentRunFacet.json"_s,
                 u"SourceCodeLocationJobFacet.json"_s, u"DatasetVersionDatasetFacet.json"_s })
            QVERIFY2(m_schemas.addSchema(readObject(u"openlineage/"_s + file)), qPrintable(file));
    }

    void theCheckerRejectsABrokenEvent()
    {
        const QJsonObject broken { { u"eventTime"_s, u"yesterday"_s }, { u"producer"_s, u"urn:x"_s },
            { u"schemaURL"_s, u"https://openlineage.io/spec/2-0-2/OpenLineage.json"_s }, { u"eventType"_s, u"DONE"_s },
            { u"run"_s, QJsonObject { { u"runId"_s, u"not-a-uuid"_s } } } };
        const QStringList problems = m_schemas.check(broken, runEventSchema);
        QCOMPARE(problems.size(), 4); // eventTime, eventType, runId, missing job
    }

    void runIdsAreUuids()
    {
        QCOMPARE(OpenLineageExport::runUuid(u"AD872D587B1A4F2E8985D41F578D6B70"_s),
            u"ad872d58-7b1a-4f2e-8985-d41f578d6b70"_s);
        const QString derived = OpenLineageExport::runUuid(u"run-7"_s);
        QCOMPARE(derived.size(), 36);
        QCOMPARE(derived, OpenLineageExport::runUuid(u"run-7"_s));
        QVERIFY(derived != OpenLineageExport::runUuid(u"run-8"_s));
    }

    void everyRunIsOneValidEvent_data()
    {
        QTest::addColumn<QString>("store");
        QTest::newRow("mlflow 3 file store") << u"mlflow/mlruns"_s;
        QTest::newRow("mlflow 3 sqlite") << u"mlflow/sqlite/mlflow.db"_s;
        QTest::newRow("mlflow 2 file store") << u"mlflow2/mlruns"_s;
        QTest::newRow("mlflow 2 sqlite") << u"mlflow2/sqlite/mlflow.db"_s;
    }

    void everyRunIsOneValidEvent()
    {
        QFETCH(QString, store);
        QTemporaryDir dir;
        auto cache = TestFixtures::syncedCache(store, dir.filePath(u"cache.sqlite"_s));
        QVERIFY(cache);
        auto graph = LineageBuilder(cache->database()).build();
        QVERIFY(graph);
        QHash<QString, QString> statusByUuid;
        for (const LineageNode& n : graph->nodes()) {
            if (n.kind == LineageNodeKind::Run)
                statusByUuid.insert(OpenLineageExport::runUuid(n.property(u"run_id"_s)), n.property(u"status"_s));
        }
        const QList<QJsonObject> list = events(OpenLineageExport::write(*graph, options()));
        QCOMPARE(list.size(), statusByUuid.size());
        int parents = 0, sourceCode = 0, versions = 0, outputs = 0;
        for (const QJsonObject& event : list) {
            const QStringList problems = m_schemas.check(event, runEventSchema);
            QVERIFY2(problems.isEmpty(), qPrintable(problems.join(u'\n')));
            const QString runId = event[u"run"_s][u"runId"_s].toString();
            QVERIFY(statusByUuid.contains(runId));
            QCOMPARE(event[u"eventType"_s].toString(), expectedEventType(statusByUuid.take(runId)));
            if (const QJsonObject facets = event[u"run"_s][u"facets"_s].toObject(); !facets.isEmpty()) {
                QVERIFY(m_schemas.check(facets, parentSchema).isEmpty());
                ++parents;
            }
            if (const QJsonObject facets = event[u"job"_s][u"facets"_s].toObject(); !facets.isEmpty()) {
                const QStringList p = m_schemas.check(facets, sourceCodeSchema);
                QVERIFY2(p.isEmpty(), qPrintable(p.join(u'\n')));
                ++sourceCode;
            }
            for (const QJsonValue& input : event[u"inputs"_s].toArray()) {
                const QJsonObject facets = input[u"facets"_s].toObject();
                if (facets.isEmpty())
                    continue;
                QVERIFY(m_schemas.check(facets, datasetVersionSchema).isEmpty());
                QVERIFY(!facets[u"version"_s][u"datasetVersion"_s].toString().isEmpty());
                ++versions;
            }
            outputs += int(event[u"outputs"_s].toArray().size());
        }
        QVERIFY(statusByUuid.isEmpty());
        QVERIFY(parents >= 4); // hpo children in both fixtures
        QVERIFY(sourceCode > 0);
        QVERIFY(versions >= 7);
        QVERIFY(outputs >= 3);
    }

    void aTrainingRunReadsItsDigestsAndWritesItsModel()
    {
        QTemporaryDir dir;
        auto cache = TestFixtures::syncedCache(u"mlflow/mlruns"_s, dir.filePath(u"cache.sqlite"_s));
        QVERIFY(cache);
        auto graph = LineageBuilder(cache->database()).build();
        QVERIFY(graph);
        const QJsonObject manifest = readObject(u"mlflow/manifest-filestore.json"_s);
        const QString rf = manifest[u"runs"_s][u"rf-final"_s][u"run_id"_s].toString();
        const QString trial = manifest[u"runs"_s][u"trial-03"_s][u"run_id"_s].toString();
        const QString sweep = manifest[u"runs"_s][u"hpo-logreg-sweep"_s][u"run_id"_s].toString();
        QJsonObject rfEvent, trialEvent;
        for (const QJsonObject& event : events(OpenLineageExport::write(*graph, options()))) {
            const QString runId = event[u"run"_s][u"runId"_s].toString();
            if (runId == OpenLineageExport::runUuid(rf))
                rfEvent = event;
            if (runId == OpenLineageExport::runUuid(trial))
                trialEvent = event;
        }
        QSet<QString> digests;
        for (const QJsonValue& input : rfEvent[u"inputs"_s].toArray())
            digests.insert(input[u"facets"_s][u"version"_s][u"datasetVersion"_s].toString());
        const QJsonObject datasets = manifest[u"datasets"_s].toObject();
        QCOMPARE(digests,
            QSet<QString>({ datasets[u"iris-train"_s][u"digest"_s].toString(),
                datasets[u"iris-test"_s][u"digest"_s].toString() }));
        QCOMPARE(rfEvent[u"inputs"_s][0][u"namespace"_s].toString(), u"s3://ml-datasets"_s);
        QCOMPARE(rfEvent[u"outputs"_s].toArray().size(), 1);
        QCOMPARE(rfEvent[u"outputs"_s][0][u"name"_s].toString(),
            manifest[u"logged_models"_s][u"rf-final"_s][u"model_uri"_s].toString());
        QCOMPARE(rfEvent[u"job"_s][u"namespace"_s].toString(), u"file:///stores/mlruns"_s);
        QCOMPARE(rfEvent[u"job"_s][u"name"_s].toString(), u"iris-classifier/rf-final"_s);
        QCOMPARE(rfEvent[u"job"_s][u"facets"_s][u"sourceCodeLocation"_s][u"type"_s].toString(), u"git"_s);
        QCOMPARE(trialEvent[u"eventType"_s].toString(), u"FAIL"_s);
        QCOMPARE(trialEvent[u"run"_s][u"facets"_s][u"parent"_s][u"run"_s][u"runId"_s].toString(),
            OpenLineageExport::runUuid(sweep));
    }
};

QTEST_GUILESS_MAIN(tst_OpenLineageExport)
#include "tst_OpenLineageExport.moc"
