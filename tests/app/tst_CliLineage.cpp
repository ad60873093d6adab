#include "CliTestCase.h"
#include "FixtureManifest.h"
#include "TestFixtures.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {

QByteArray readAll(const QString& path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

QSet<QString> keysOf(const QJsonObject& object)
{
    const QStringList keys = object.keys();
    return QSet<QString>(keys.cbegin(), keys.cend());
}

} // namespace

// `provenance lineage` and `provenance impact` on the fixture stores: a version's lineage as
// PROV-JSON, a run's neighbourhood as DOT, the whole store as OpenLineage events, and what a
// dataset digest or a commit fed, in the JSON shape scripts rely on.
class tst_CliLineage : public CliTestCase
{
    Q_OBJECT

public:
    tst_CliLineage()
        : CliTestCase(QStringLiteral(PROVENANCE_BINARY))
    { }

private:
    QString mlflow2FileStore() const { return TestFixtures::dataPath(u"mlflow2/mlruns"_s); }
    QString mlflow2Run(const QString& name) const
    {
        for (const QJsonValue& r : TestFixtures::mlflow2Expected(u"filestore"_s).value(u"runs"_s).toArray()) {
            if (r[u"run_name"_s].toString() == name)
                return r[u"run_id"_s].toString();
        }
        return {};
    }

private Q_SLOTS:
    void initTestCase() { QVERIFY(setUp()); }

    void aVersionsLineageAsProvJson()
    {
        const QString out = freshFolder() + u"/v2.json"_s;
        const CliResult result = run({ u"lineage"_s, sharedFileStore(), u"--cache"_s, m_cache, u"--model"_s,
            u"iris-classifier"_s, u"--version"_s, u"2"_s, u"--format"_s, u"prov-json"_s, u"--out"_s, out });
        QVERIFY2(result.finished && result.exitCode == 0, result.describe().constData());
        const QJsonObject prov = QJsonDocument::fromJson(readAll(out)).object();
        const QJsonObject manifest = readObject(u"mlflow/manifest-filestore.json"_s);
        const QString runId = manifest[u"runs"_s][u"logreg-final"_s][u"run_id"_s].toString();
        QCOMPARE(keysOf(prov[u"activity"_s].toObject()), QSet<QString> { u"run:"_s + runId });
        QVERIFY(prov[u"entity"_s].toObject().contains(u"version:iris-classifier/2"_s));
        QVERIFY(prov[u"entity"_s].toObject().contains(u"deployment:iris-classifier/alias/champion"_s));
        QVERIFY(prov[u"prefix"_s].toObject().contains(u"run"_s));
        QSet<QString> digests;
        for (const QJsonValue& e : prov[u"entity"_s].toObject()) {
            if (e[u"provenance:digest"_s].isString())
                digests.insert(e[u"provenance:digest"_s].toString());
        }
        QCOMPARE(digests,
            QSet<QString>({ manifest[u"datasets"_s][u"iris-train"_s][u"digest"_s].toString(),
                manifest[u"datasets"_s][u"iris-test"_s][u"digest"_s].toString() }));
    }

    void aRunsNeighbourhoodAsDot()
    {
        const QString runId = mlflow2Run(u"rf-final"_s);
        const CliResult result = run({ u"lineage"_s, mlflow2FileStore(), u"--cache"_s, m_cache, u"--run"_s, runId,
            u"--upstream"_s, u"1"_s, u"--downstream"_s, u"1"_s, u"--format"_s, u"dot"_s });
        QVERIFY2(result.finished && result.exitCode == 0, result.describe().constData());
        QVERIFY(result.out.startsWith("digraph lineage {"));
        QVERIFY(result.out.contains("rankdir=LR"));
        const QByteArray id = runId.toUtf8();
        QVERIFY(result.out.contains(QByteArray("\"run:" + id + '"')));
        QVERIFY(result.out.contains(QByteArray("\"model:" + id + "%2Fmodel\"")));
        QVERIFY(!result.out.contains("\"version:")); // two hops away
    }

    void usersAreDrawnOnlyWhenAsked()
    {
        const QStringList args { u"lineage"_s, mlflow2FileStore(), u"--cache"_s, m_cache, u"--all"_s };
        const CliResult drawing = run(args + QStringList { u"--format"_s, u"dot"_s });
        QVERIFY2(drawing.finished && drawing.exitCode == 0, drawing.describe().constData());
        QVERIFY(drawing.out.contains("\"run:"));
        QVERIFY(!drawing.out.contains("\"agent:"));
        const CliResult withUsers = run(args + QStringList { u"--users"_s, u"--format"_s, u"dot"_s });
        QVERIFY2(withUsers.finished && withUsers.exitCode == 0, withUsers.describe().constData());
        QVERIFY(withUsers.out.contains("\"agent:"));
        const CliResult record = run(args + QStringList { u"--format"_s, u"prov-json"_s });
        QVERIFY2(record.finished && record.exitCode == 0, record.describe().constData());
        QVERIFY(!QJsonDocument::fromJson(record.out)[u"agent"_s].toObject().isEmpty());
    }

    void theWholeStoreAsOpenLineageEvents()
    {
        const QString out = freshFolder() + u"/events.ndjson"_s;
        const CliResult result = run({ u"lineage"_s, mlflow2FileStore(), u"--cache"_s, m_cache, u"--all"_s,
            u"--format"_s, u"openlineage"_s, u"--out"_s, out });
        QVERIFY2(result.finished && result.exitCode == 0, result.describe().constData());
        const QList<QByteArray> lines = readAll(out).trimmed().split('\n');
        QCOMPARE(lines.size(), TestFixtures::mlflow2Expected(u"filestore"_s).value(u"runs"_s).toArray().size());
        for (const QByteArray& line : lines)
            QCOMPARE(QJsonDocument::fromJson(line)[u"schemaURL"_s].toString(),
                u"https://openlineage.io/spec/2-0-2/OpenLineage.json#/$defs/RunEvent"_s);
    }

    void theWholeStoreAsAnImage_data()
    {
        QTest::addColumn<QString>("format");
        QTest::addColumn<QByteArray>("magic");
        QTest::newRow("svg") << u"svg"_s << QByteArray("<?xml");
        QTest::newRow("png") << u"png"_s << QByteArray("\x89PNG");
        QTest::newRow("pdf") << u"pdf"_s << QByteArray("%PDF");
    }

    void theWholeStoreAsAnImage()
    {
        QFETCH(QString, format);
        QFETCH(QByteArray, magic);
        const QString out = freshFolder() + u"/lineage."_s + format;
        const CliResult result = run({ u"lineage"_s, sharedFileStore(), u"--cache"_s, m_cache, u"--all"_s,
            u"--format"_s, format, u"--out"_s, out });
        QVERIFY2(result.finished && result.exitCode == 0, result.describe().constData());
        const QByteArray data = readAll(out);
        QVERIFY2(data.startsWith(magic), data.left(16).toHex().constData());
        QVERIFY(data.size() > 2000);
        if (format == u"svg"_s)
            QVERIFY(data.contains("logreg-final"));
        const CliResult toStdout
            = run({ u"lineage"_s, sharedFileStore(), u"--cache"_s, m_cache, u"--all"_s, u"--format"_s, format });
        QCOMPARE(toStdout.exitCode, 2);
    }

    void wrongChoicesAreExplained()
    {
        const CliResult two = run({ u"lineage"_s, mlflow2FileStore(), u"--cache"_s, m_cache, u"--all"_s, u"--run"_s,
            u"x"_s, u"--format"_s, u"dot"_s });
        QCOMPARE(two.exitCode, 2);
        QVERIFY2(two.errText().contains(u"choose one of"_s), two.err.constData());
        const CliResult format
            = run({ u"lineage"_s, mlflow2FileStore(), u"--cache"_s, m_cache, u"--all"_s, u"--format"_s, u"gif"_s });
        QCOMPARE(format.exitCode, 2);
        const CliResult missing = run({ u"lineage"_s, mlflow2FileStore(), u"--cache"_s, m_cache, u"--model"_s,
            u"wine-quality"_s, u"--version"_s, u"9"_s, u"--format"_s, u"dot"_s });
        QCOMPARE(missing.exitCode, 1);
        QVERIFY2(
            missing.errText().contains(u"Version 9 of the registered model “wine-quality”"_s), missing.err.constData());
        const CliResult neither = run({ u"impact"_s, mlflow2FileStore(), u"--cache"_s, m_cache });
        QCOMPARE(neither.exitCode, 2);
    }

    void impactOfADatasetAsJson()
    {
        const CliResult result = run({ u"impact"_s, mlflow2FileStore(), u"--cache"_s, m_cache, u"--dataset"_s,
            u"3bd9fafd"_s, u"--format"_s, u"json"_s });
        QVERIFY2(result.finished && result.exitCode == 0, result.describe().constData());
        const QJsonObject impact = QJsonDocument::fromJson(result.out).object();
        QCOMPARE(keysOf(impact), QSet<QString>({ u"versions"_s, u"runs"_s }));
        const QJsonArray versions = impact[u"versions"_s].toArray();
        QCOMPARE(versions.size(), 3);
        const QStringList finals { mlflow2Run(u"elasticnet-final"_s), mlflow2Run(u"rf-final"_s),
            mlflow2Run(u"gbr-candidate"_s) };
        for (int i = 0; i < 3; ++i) {
            const QJsonObject v = versions.at(i).toObject();
            QCOMPARE(keysOf(v),
                QSet<QString>({ u"name"_s, u"version"_s, u"stage"_s, u"aliases"_s, u"run_id"_s, u"path"_s }));
            QCOMPARE(v[u"version"_s].toString(), QString::number(i + 1));
            QCOMPARE(v[u"run_id"_s].toString(), finals.at(i));
            const QJsonArray path = v[u"path"_s].toArray();
            QVERIFY(path.first().toString().startsWith(u"dataset:3bd9fafd-"_s));
            QCOMPARE(path.last().toString(), u"version:wine-quality/%1"_s.arg(i + 1));
        }
        QCOMPARE(versions.at(1)[u"aliases"_s].toArray(), QJsonArray { u"champion"_s });
        QCOMPARE(versions.at(1)[u"stage"_s].toString(), u"Production"_s);
        const QStringList runs = impact[u"runs"_s].toVariant().toStringList();
        QCOMPARE(QSet<QString>(runs.cbegin(), runs.cend()), QSet<QString>(finals.cbegin(), finals.cend()));
    }

    void impactOfACommitPrefixAsATable()
    {
        const CliResult result = run({ u"impact"_s, mlflow2FileStore(), u"--cache"_s, m_cache, u"--commit"_s,
            u"b109d6b2"_s, u"--format"_s, u"table"_s });
        QVERIFY2(result.finished && result.exitCode == 0, result.describe().constData());
        const QStringList lines = result.outText().split(u'\n');
        QVERIFY(lines.first().startsWith(u"MODEL"_s));
        QVERIFY(lines.at(1).startsWith(u"wine-quality"_s));
        QVERIFY(lines.at(2).startsWith(u"wine-quality"_s));
        QVERIFY(!lines.at(3).startsWith(u"wine-quality"_s)); // v3 came from a newer commit
        const CliResult none
            = run({ u"impact"_s, mlflow2FileStore(), u"--cache"_s, m_cache, u"--commit"_s, u"0000000000"_s });
        QCOMPARE(none.exitCode, 1);
    }
};

QTEST_GUILESS_MAIN(tst_CliLineage)
#include "tst_CliLineage.moc"
