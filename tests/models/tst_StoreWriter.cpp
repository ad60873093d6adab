#include "store/StoreWriterFactory.h"

#include "StoreSnapshot.h"
#include "TestFixtures.h"
#include "core/SqliteDatabase.h"
#include "store/RegistryWriteRules.h"
#include "store/sqlite/MlflowSqliteWriter.h"

#include <QDir>
#include <QJsonArray>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

using namespace prov;
using namespace Qt::StringLiterals;

namespace {

const QString longDescription
    = QString(u"Retrained on the Q2 extract: more rows, the same features — reviewed by the risk board. "
              "Quotes 'single' and \"double\", a colon: here, #hash, and ünïcödé 日本語. "_s)
          .repeated(3);

// The RegistryWrites of each scenario make_writes.py recorded MLflow's client doing. `card`
// is the card tag's value MLflow was given, read from its recording.
RegistryWrites writesFor(const QString& scenario, bool mlflow2, const QString& card)
{
    const QString churn = mlflow2 ? u"wine-quality"_s : u"churn-model"_s;
    const QString iris = mlflow2 ? u"wine-quality"_s : u"iris-classifier"_s;
    const QHash<QString, RegistryWrite> all {
        { u"set_tag"_s, RegistryWrite::setVersionTag(churn, 1, u"reviewed"_s, u"yes"_s) },
        { u"set_card_tag"_s, RegistryWrite::setVersionTag(churn, 2, u"provenance.card"_s, card) },
        { u"set_tag_in_folder"_s, RegistryWrite::setVersionTag(churn, 1, u"review/status"_s, u"open"_s) },
        { u"replace_tag"_s, RegistryWrite::setVersionTag(churn, 2, u"validation_status"_s, u"re-validated"_s) },
        { u"delete_tag"_s, RegistryWrite::deleteVersionTag(churn, 2, u"deploy.environment"_s) },
        { u"delete_missing_tag"_s, RegistryWrite::deleteVersionTag(churn, 2, u"not-there"_s) },
        { u"set_alias"_s, RegistryWrite::setAlias(churn, u"challenger"_s, 1) },
        { u"move_alias"_s, RegistryWrite::setAlias(iris, u"champion"_s, 3) },
        { u"delete_alias"_s, RegistryWrite::deleteAlias(iris, u"challenger"_s) },
        { u"stage"_s, RegistryWrite::transitionStage(churn, 1, u"Staging"_s, false) },
        { u"stage_archiving"_s, RegistryWrite::transitionStage(churn, 1, u"Production"_s, true) },
        { u"description"_s, RegistryWrite::setDescription(churn, 1, longDescription) },
        { u"empty_description"_s, RegistryWrite::setDescription(churn, 2, QString()) },
    };
    return { all.value(scenario) };
}

// Drops the `params:` and `metrics:` entries of a version's meta.yaml: MLflow 3.2 refreshes
// these copies of the logged model's data whenever it rewrites the file (MLflow 3.5 drops them,
// every version ignores them when reading); Provenance leaves them as they were.
QByteArray comparable(const QString& path, QByteArray text)
{
    static const QRegularExpression timestamp(u"last_updated_timestamp: \\d+"_s);
    QString s = QString::fromUtf8(text).replace(timestamp, u"last_updated_timestamp: T"_s);
    if (!QRegularExpression(u"version-\\d+/meta\\.yaml$"_s).match(path).hasMatch())
        return s.toUtf8();
    QStringList kept;
    bool skipping = false;
    for (const QString& line : s.split(u'\n')) {
        if (!line.startsWith(u' ') && !line.startsWith(u"- "_s))
            skipping = line.startsWith(u"params:"_s) || line.startsWith(u"metrics:"_s);
        if (!skipping)
            kept << line;
    }
    return kept.join(u'\n').toUtf8();
}

QString canonical(const QJsonObject& changes)
{
    QJsonObject sorted;
    for (auto it = changes.begin(); it != changes.end(); ++it) {
        QJsonObject table = it.value().toObject();
        for (const QString& side : { u"added"_s, u"removed"_s }) {
            QStringList rows;
            for (const QJsonValue& row : table.value(side).toArray())
                rows << QString::fromUtf8(QJsonDocument(row.toArray()).toJson(QJsonDocument::Compact));
            rows.sort();
            table.insert(side, QJsonArray::fromStringList(rows));
        }
        sorted.insert(it.key(), table);
    }
    return QString::fromUtf8(QJsonDocument(sorted).toJson(QJsonDocument::Indented));
}

} // namespace

// Registry writes land in a store exactly as MLflow's own client writes them: the same files
// with the same bytes (file store) or the same rows (SQLite), checked against what real MLflow
// 3.2 and 2.22 did for the same calls (tests/data/mlflow-writes, made by make_writes.py);
// nothing else changes; bad writes are refused before anything is touched.
class tst_StoreWriter : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    int m_copies = 0;

    // A fresh copy of a fixture store: the mlruns folder or the mlflow.db file.
    QString copy(const QString& fixture)
    {
        const QString target = m_dir.filePath(u"copy-%1/%2"_s.arg(++m_copies).arg(QFileInfo(fixture).fileName()));
        const QString source = TestFixtures::dataPath(fixture);
        const bool ok = QFileInfo(source).isDir()
            ? TestFixtures::copyTree(source, target)
            : QDir().mkpath(QFileInfo(target).absolutePath()) && QFile::copy(source, target);
        return ok ? target : QString();
    }

    static std::unique_ptr<StoreWriter> writerFor(const QString& path)
    {
        auto location = StoreLocation::fromArgument(path, QDir::currentPath());
        if (!location)
            return {};
        auto writer = StoreWriterFactory::open(*location);
        return writer ? std::move(writer).value() : nullptr;
    }

private Q_SLOTS:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    void fileStoreWritesWhatMlflowWrites_data()
    {
        QTest::addColumn<QString>("fixture");
        QTest::addColumn<QJsonObject>("scenario");
        for (const auto& [fixture, recording] : { std::pair { u"mlflow/mlruns"_s, u"filestore-mlflow3.json"_s },
                 std::pair { u"mlflow2/mlruns"_s, u"filestore-mlflow2.json"_s } }) {
            const QJsonObject all
                = TestFixtures::readJson(TestFixtures::dataPath(u"mlflow-writes/"_s + recording)).object();
            for (const QJsonValue& s : all.value(u"scenarios"_s).toArray()) {
                QVERIFY(s.toObject().value(u"error"_s).isNull());
                QTest::addRow("%s %s", qPrintable(recording), qPrintable(s.toObject().value(u"name"_s).toString()))
                    << fixture << s.toObject();
            }
        }
    }
    void fileStoreWritesWhatMlflowWrites()
    {
        QFETCH(QString, fixture);
        QFETCH(QJsonObject, scenario);
        const QString store = copy(fixture);
        QVERIFY(!store.isEmpty());
        const QJsonObject expected = scenario.value(u"changes"_s).toObject();
        const QString name = scenario.value(u"name"_s).toString();
        const QString card = expected.value(expected.keys().filter(u"provenance.card"_s).value(0)).toString();
        const auto before = StoreSnapshot::files(store);
        auto writer = writerFor(store);
        QVERIFY(writer);
        const Status s = writer->apply(writesFor(name, fixture.startsWith(u"mlflow2"_s), card));
        QVERIFY2(s, qPrintable(s ? QString() : s.error().describe()));
        const auto changed = StoreSnapshot::changedFiles(before, StoreSnapshot::files(store));
        QCOMPARE(changed.keys(), expected.keys());
        for (auto it = changed.begin(); it != changed.end(); ++it) {
            const QJsonValue want = expected.value(it.key());
            if (want.isNull()) {
                QVERIFY2(it.value().isNull(), qPrintable(it.key()));
                continue;
            }
            QCOMPARE(comparable(it.key(), it.value()), comparable(it.key(), want.toString().toUtf8()));
        }
    }

    void sqliteWritesWhatMlflowWrites_data()
    {
        QTest::addColumn<QString>("fixture");
        QTest::addColumn<QJsonObject>("scenario");
        for (const auto& [fixture, recording] : { std::pair { u"mlflow/sqlite/mlflow.db"_s, u"sqlite-mlflow3.json"_s },
                 std::pair { u"mlflow2/sqlite/mlflow.db"_s, u"sqlite-mlflow2.json"_s } }) {
            const QJsonObject all
                = TestFixtures::readJson(TestFixtures::dataPath(u"mlflow-writes/"_s + recording)).object();
            for (const QJsonValue& s : all.value(u"scenarios"_s).toArray())
                QTest::addRow("%s %s", qPrintable(recording), qPrintable(s.toObject().value(u"name"_s).toString()))
                    << fixture << s.toObject();
        }
    }
    void sqliteWritesWhatMlflowWrites()
    {
        QFETCH(QString, fixture);
        QFETCH(QJsonObject, scenario);
        const QString original = copy(fixture);
        const QString store = copy(fixture);
        QVERIFY(!store.isEmpty());
        const QJsonObject expected = scenario.value(u"changes"_s).toObject();
        QString card;
        for (const QJsonValue& row : expected.value(u"model_version_tags"_s).toObject().value(u"added"_s).toArray()) {
            if (row.toArray().at(0).toString() == u"provenance.card"_s)
                card = row.toArray().at(1).toString();
        }
        auto writer = writerFor(store);
        QVERIFY(writer);
        const Status s
            = writer->apply(writesFor(scenario.value(u"name"_s).toString(), fixture.startsWith(u"mlflow2"_s), card));
        QVERIFY2(s, qPrintable(s ? QString() : s.error().describe()));
        QCOMPARE(canonical(StoreSnapshot::registryChanges(original, store)), canonical(expected));
        // Every other table is as it was.
        auto before = StoreSnapshot::tables(original);
        auto after = StoreSnapshot::tables(store);
        for (const QString& table : { u"registered_models"_s, u"registered_model_tags"_s, u"registered_model_aliases"_s,
                 u"model_versions"_s, u"model_version_tags"_s }) {
            before.remove(table);
            after.remove(table);
        }
        QCOMPARE(after, before);
        QCOMPARE(QDir(QFileInfo(store).absolutePath()).entryList(QDir::Files | QDir::Hidden),
            QStringList { u"mlflow.db"_s });
    }

    void refusesWhatMlflowRefusesAndTouchesNothing_data()
    {
        QTest::addColumn<RegistryWrites>("writes");
        QTest::addColumn<QString>("sentence");
        QTest::newRow("unknown model") << RegistryWrites { RegistryWrite::setVersionTag(u"nope"_s, 1, u"k"_s, u"v"_s) }
                                       << u"no registered model “nope”"_s;
        QTest::newRow("unknown version") << RegistryWrites { RegistryWrite::setAlias(u"churn-model"_s, u"x"_s, 9) }
                                         << u"no version 9 of “churn-model”"_s;
        QTest::newRow("bad tag key") << RegistryWrites { RegistryWrite::setVersionTag(u"churn-model"_s, 1, u"a*b"_s,
            u"v"_s) } << u"may only contain"_s;
        QTest::newRow("key leaving its folder")
            << RegistryWrites { RegistryWrite::setVersionTag(u"churn-model"_s, 1, u"../../meta.yaml"_s, u"v"_s) }
            << u"would be read as another name"_s;
        QTest::newRow("reserved alias") << RegistryWrites { RegistryWrite::setAlias(u"churn-model"_s, u"latest"_s, 1) }
                                        << u"reserved"_s;
        QTest::newRow("unknown stage") << RegistryWrites { RegistryWrite::transitionStage(u"churn-model"_s, 1,
            u"Prod"_s, false) } << u"is not a stage"_s;
        QTest::newRow("tag too long") << RegistryWrites { RegistryWrite::setVersionTag(
            u"churn-model"_s, 1, u"k"_s, QString(RegistryWriteRules::MaxTagValueLength + 1, u'x')) }
                                      << u"at most 5000"_s;
        // The first write is fine, the second is not: neither is made.
        QTest::newRow("batch") << RegistryWrites { RegistryWrite::setVersionTag(u"churn-model"_s, 1, u"ok"_s, u"v"_s),
            RegistryWrite::setVersionTag(u"churn-model"_s, 7, u"k"_s, u"v"_s) }
                               << u"no version 7"_s;
    }
    void refusesWhatMlflowRefusesAndTouchesNothing()
    {
        QFETCH(RegistryWrites, writes);
        QFETCH(QString, sentence);
        for (const QString& fixture : { u"mlflow/mlruns"_s, u"mlflow/sqlite/mlflow.db"_s }) {
            const QString store = copy(fixture);
            const QString original = copy(fixture);
            const auto before
                = StoreSnapshot::files(QFileInfo(store).isDir() ? store : QFileInfo(store).absolutePath());
            auto writer = writerFor(store);
            QVERIFY(writer);
            const Status s = writer->apply(writes);
            QVERIFY(!s);
            QCOMPARE(s.error().code, ErrorCode::InvalidArgument);
            QVERIFY2(s.error().message.contains(sentence), qPrintable(s.error().message));
            QVERIFY(!StoreWriter::isTransient(s.error()));
            if (QFileInfo(store).isDir())
                QCOMPARE(StoreSnapshot::files(store), before);
            else
                QCOMPARE(StoreSnapshot::tables(store), StoreSnapshot::tables(original));
        }
    }

    void refusesAnSqliteSchemaItDoesNotKnow()
    {
        const QString store = copy(u"mlflow/sqlite/mlflow.db"_s);
        {
            auto db = SqliteDatabase::open(store, SqliteDatabase::Mode::ReadWrite);
            QVERIFY(db && db->exec(u"UPDATE alembic_version SET version_num = 'ffffffffffff'"_s));
        }
        auto location = StoreLocation::fromArgument(store, QDir::currentPath());
        QVERIFY(location);
        auto writer = StoreWriterFactory::open(*location);
        QVERIFY(!writer);
        QCOMPARE(writer.error().code, ErrorCode::Unsupported);
        QVERIFY(writer.error().message.contains(u"ffffffffffff"_s));
    }

    void waitsForABusyDatabaseThenReportsIt()
    {
        const QString store = copy(u"mlflow/sqlite/mlflow.db"_s);
        auto location = StoreLocation::fromArgument(store, QDir::currentPath());
        QVERIFY(location);
        auto other = SqliteDatabase::open(store, SqliteDatabase::Mode::ReadWrite);
        QVERIFY(other && other->exec(u"BEGIN IMMEDIATE"_s)); // another program is writing
        auto writer = MlflowSqliteWriter::open(*location, { 100, 2 });
        QVERIFY(writer);
        const Status busy = (*writer)->apply({ RegistryWrite::setVersionTag(u"churn-model"_s, 1, u"k"_s, u"v"_s) });
        QVERIFY(!busy);
        QCOMPARE(busy.error().code, ErrorCode::Database);
        QVERIFY(busy.error().message.contains(u"busy"_s));
        QVERIFY(StoreWriter::isTransient(busy.error()));
        // Released while the writer waits: it goes through.
        std::unique_ptr<QThread> release(QThread::create([&] {
            QThread::msleep(150);
            (void)other->exec(u"ROLLBACK"_s);
        }));
        auto patient = MlflowSqliteWriter::open(*location, { 100, 4 });
        QVERIFY(patient);
        release->start();
        const Status s = (*patient)->apply({ RegistryWrite::setVersionTag(u"churn-model"_s, 1, u"k"_s, u"v"_s) });
        release->wait();
        QVERIFY2(s, qPrintable(s ? QString() : s.error().describe()));
    }

    void aFailedFileStoreBatchPutsEverythingBack()
    {
        const QString store = copy(u"mlflow/mlruns"_s);
        // A file where the second model's tag needs a folder: that write fails at commit time,
        // after the first model's tag and meta.yaml were written.
        QFile blocker(store + u"/models/churn-model/version-1/tags/sub"_s);
        QVERIFY(blocker.open(QIODevice::WriteOnly));
        blocker.close();
        const auto before = StoreSnapshot::files(store);
        auto writer = writerFor(store);
        QVERIFY(writer);
        const Status s = writer->apply({ RegistryWrite::setVersionTag(u"iris-classifier"_s, 1, u"k"_s, u"v"_s),
            RegistryWrite::setVersionTag(u"churn-model"_s, 1, u"sub/key"_s, u"v"_s) });
        QVERIFY(!s);
        QCOMPARE(s.error().code, ErrorCode::Io);
        QCOMPARE(StoreSnapshot::files(store), before);
        QVERIFY(QDir(store + u"/models/iris-classifier"_s)
                    .entryList({ u".provenance-write-*"_s }, QDir::Files | QDir::Hidden)
                    .isEmpty());
    }
};

QTEST_GUILESS_MAIN(tst_StoreWriter)
#include "tst_StoreWriter.moc"
