#include "itemmodels/RegistryTreeModel.h"

#include "TestFixtures.h"

#include <QAbstractItemModelTester>
#include <QDir>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace prov;
using namespace Qt::StringLiterals;

namespace {

ModelVersionEntry makeVersion(const QString& model, qint64 number, const QString& stage, const QString& runId,
    const QString& runName, const QStringList& aliases)
{
    ModelVersionEntry entry;
    entry.version.name = model;
    entry.version.version = number;
    entry.version.stage = stage;
    entry.version.runId = runId;
    entry.version.creationTime = 1000 * number;
    entry.runName = runName;
    entry.aliases = aliases;
    return entry;
}

// "alpha" with two versions (v2 holds two aliases, its run is not in the cache) and "beta"
// with none.
QList<RegisteredModelEntry> sampleModels()
{
    RegisteredModelEntry alpha;
    alpha.model.name = u"alpha"_s;
    alpha.model.description = u"The alpha model"_s;
    alpha.model.creationTime = 500;
    alpha.model.aliases = { { u"champion"_s, 2 }, { u"stable"_s, 2 } };
    alpha.versions = { makeVersion(u"alpha"_s, 1, u"None"_s, u"run-1"_s, u"first-run"_s, {}),
        makeVersion(u"alpha"_s, 2, u"Production"_s, u"run-2"_s, QString(), { u"champion"_s, u"stable"_s }) };
    RegisteredModelEntry beta;
    beta.model.name = u"beta"_s;
    return { alpha, beta };
}

} // namespace

class tst_RegistryTreeModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();

    void listsModelsWithTheirVersionsAsChildren();
    void versionRowsHaveTheirModelAsParent();
    void showsStagesAliasesAndRuns_data();
    void showsStagesAliasesAndRuns();
    void exposesVersionMeaningAsRoles();
    void indexOfRoundTrips();
    void resetsOnNewModels();

    void fixtureRegistry_data();
    void fixtureRegistry();

private:
    QTemporaryDir m_cacheDir;
    QHash<QString, QList<RegisteredModelEntry>> m_fixtureModels; // by store
};

void tst_RegistryTreeModel::initTestCase()
{
    QVERIFY(m_cacheDir.isValid());
    for (const QString& store : { u"mlflow/mlruns"_s, u"mlflow/sqlite/mlflow.db"_s }) {
        const QString cachePath = m_cacheDir.filePath(QString::number(m_fixtureModels.size()) + u".sqlite"_s);
        auto cache = TestFixtures::syncedCache(store, cachePath);
        QVERIFY2(cache.ok(), qPrintable(cache ? QString() : cache.error().describe()));
        auto models = RegistryQuery(cache->database()).models();
        QVERIFY(models.ok());
        m_fixtureModels.insert(store, *models);
    }
}

void tst_RegistryTreeModel::listsModelsWithTheirVersionsAsChildren()
{
    RegistryTreeModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(model.rowCount(), 0);
    model.setModels(sampleModels());

    QCOMPARE(model.rowCount(), 2);
    const QModelIndex alpha = model.index(0, RegistryTreeModel::NameColumn);
    const QModelIndex beta = model.index(1, RegistryTreeModel::NameColumn);
    QCOMPARE(alpha.data().toString(), u"alpha"_s);
    QCOMPARE(beta.data().toString(), u"beta"_s);
    QCOMPARE(model.rowCount(alpha), 2);
    QCOMPARE(model.rowCount(beta), 0);
    QCOMPARE(model.rowCount(model.index(0, 0, alpha)), 0); // versions are leaves
    QCOMPARE(model.rowCount(model.index(0, RegistryTreeModel::StageColumn)), 0); // only column 0 has children
    QCOMPARE(alpha.siblingAtColumn(RegistryTreeModel::StageColumn).data().toString(), u"2 versions"_s);
    QCOMPARE(beta.siblingAtColumn(RegistryTreeModel::StageColumn).data().toString(), u"0 versions"_s);
    QCOMPARE(
        alpha.siblingAtColumn(RegistryTreeModel::AliasesColumn).data().toString(), u"@champion → v2, @stable → v2"_s);
    QCOMPARE(alpha.data(Qt::ToolTipRole).toString(), u"The alpha model"_s);
    QCOMPARE(model.headerData(RegistryTreeModel::AliasesColumn, Qt::Horizontal).toString(), u"Aliases"_s);
}

void tst_RegistryTreeModel::versionRowsHaveTheirModelAsParent()
{
    RegistryTreeModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setModels(sampleModels());
    const QModelIndex alpha = model.index(0, 0);
    for (int row = 0; row < model.rowCount(alpha); ++row) {
        for (int column = 0; column < RegistryTreeModel::ColumnCount; ++column) {
            const QModelIndex version = model.index(row, column, alpha);
            QCOMPARE(version.parent(), alpha);
            QCOMPARE(model.modelAt(version), &model.models()[0]);
            QCOMPARE(model.versionAt(version), &model.models()[0].versions[row]);
        }
    }
    QVERIFY(!alpha.parent().isValid());
    QVERIFY(!model.versionAt(alpha));
    QCOMPARE(model.modelAt(alpha), &model.models()[0]);
    QVERIFY(!model.modelAt(QModelIndex()));
}

void tst_RegistryTreeModel::showsStagesAliasesAndRuns_data()
{
    QTest::addColumn<int>("version");
    QTest::addColumn<int>("column");
    QTest::addColumn<QString>("text");

    QTest::newRow("version name") << 1 << int(RegistryTreeModel::NameColumn) << u"Version 1"_s;
    QTest::newRow("stage None is blank") << 1 << int(RegistryTreeModel::StageColumn) << QString();
    QTest::newRow("stage Production") << 2 << int(RegistryTreeModel::StageColumn) << u"Production"_s;
    QTest::newRow("no aliases") << 1 << int(RegistryTreeModel::AliasesColumn) << QString();
    QTest::newRow("two aliases") << 2 << int(RegistryTreeModel::AliasesColumn) << u"@champion, @stable"_s;
    QTest::newRow("run by name") << 1 << int(RegistryTreeModel::RunColumn) << u"first-run"_s;
    QTest::newRow("run by id when not cached") << 2 << int(RegistryTreeModel::RunColumn) << u"run-2"_s;
}

void tst_RegistryTreeModel::showsStagesAliasesAndRuns()
{
    QFETCH(int, version);
    QFETCH(int, column);
    QFETCH(QString, text);

    RegistryTreeModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setModels(sampleModels());
    const QModelIndex index = model.indexOf(u"alpha"_s, version).siblingAtColumn(column);
    QCOMPARE(index.data().toString(), text);
}

void tst_RegistryTreeModel::exposesVersionMeaningAsRoles()
{
    RegistryTreeModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setModels(sampleModels());

    const QModelIndex v1 = model.indexOf(u"alpha"_s, 1);
    QVERIFY(v1.data(RegistryTreeModel::IsVersionRole).toBool());
    QCOMPARE(v1.data(RegistryTreeModel::ModelNameRole).toString(), u"alpha"_s);
    QCOMPARE(v1.data(RegistryTreeModel::VersionRole).toLongLong(), 1);
    QCOMPARE(v1.data(RegistryTreeModel::StageRole).toString(), u"None"_s); // the view decides how None looks
    QCOMPARE(v1.data(RegistryTreeModel::RunIdRole).toString(), u"run-1"_s);
    QCOMPARE(
        v1.siblingAtColumn(RegistryTreeModel::CreatedColumn).data(RegistryTreeModel::RawValueRole).toLongLong(), 1000);

    const QModelIndex alpha = model.indexOf(u"alpha"_s);
    QVERIFY(!alpha.data(RegistryTreeModel::IsVersionRole).toBool());
    QCOMPARE(alpha.data(RegistryTreeModel::ModelNameRole).toString(), u"alpha"_s);
    QVERIFY(!alpha.data(RegistryTreeModel::VersionRole).isValid());
    QCOMPARE(alpha.siblingAtColumn(RegistryTreeModel::CreatedColumn).data(RegistryTreeModel::RawValueRole).toLongLong(),
        500);
}

void tst_RegistryTreeModel::indexOfRoundTrips()
{
    RegistryTreeModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setModels(sampleModels());

    for (int m = 0; m < model.rowCount(); ++m) {
        const QModelIndex modelIndex = model.index(m, 0);
        const QString name = modelIndex.data(RegistryTreeModel::ModelNameRole).toString();
        QCOMPARE(model.indexOf(name), modelIndex);
        for (int v = 0; v < model.rowCount(modelIndex); ++v) {
            const QModelIndex versionIndex = model.index(v, 0, modelIndex);
            QCOMPARE(model.indexOf(name, versionIndex.data(RegistryTreeModel::VersionRole).toLongLong()), versionIndex);
        }
    }
    QVERIFY(!model.indexOf(u"no-such-model"_s).isValid());
    QVERIFY(!model.indexOf(u"no-such-model"_s, 1).isValid());
}

void tst_RegistryTreeModel::resetsOnNewModels()
{
    RegistryTreeModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setModels(sampleModels());
    QPersistentModelIndex version(model.indexOf(u"alpha"_s, 2));
    QVERIFY(version.isValid());
    model.setModels({ sampleModels().constLast() });
    QVERIFY(!version.isValid());
    QCOMPARE(model.rowCount(), 1);
    model.setModels({});
    QCOMPARE(model.rowCount(), 0);
}

void tst_RegistryTreeModel::fixtureRegistry_data()
{
    QTest::addColumn<QString>("store");
    QTest::addColumn<QString>("manifest");
    QTest::newRow("file store") << u"mlflow/mlruns"_s << u"mlflow/manifest-filestore.json"_s;
    QTest::newRow("sqlite") << u"mlflow/sqlite/mlflow.db"_s << u"mlflow/manifest-sqlite.json"_s;
}

void tst_RegistryTreeModel::fixtureRegistry()
{
    QFETCH(QString, store);
    QFETCH(QString, manifest);

    const QJsonObject expected = TestFixtures::readJson(TestFixtures::dataPath(manifest)).object();
    const QJsonObject registered = expected.value(u"registered_models"_s).toObject();
    QCOMPARE(registered.size(), 3);

    RegistryTreeModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setModels(m_fixtureModels.value(store));
    QCOMPARE(model.rowCount(), 3);

    const QJsonObject runs = expected.value(u"runs"_s).toObject();
    QHash<QString, QString> runNameById;
    for (auto it = runs.begin(); it != runs.end(); ++it)
        runNameById.insert(it.value()[u"run_id"_s].toString(), it.key());

    for (auto it = registered.begin(); it != registered.end(); ++it) {
        const QString name = it.key();
        const QModelIndex modelIndex = model.indexOf(name);
        QVERIFY2(modelIndex.isValid(), qPrintable(name));
        QCOMPARE(modelIndex.data().toString(), name);
        const QJsonObject versions = it.value()[u"versions"_s].toObject();
        QCOMPARE(model.rowCount(modelIndex), versions.size());
        QHash<QString, QStringList> aliasesOf;
        const QJsonObject aliases = it.value()[u"aliases"_s].toObject();
        for (auto a = aliases.begin(); a != aliases.end(); ++a)
            aliasesOf[a.value().toString()] << u'@' + a.key();
        for (auto v = versions.begin(); v != versions.end(); ++v) {
            const qint64 number = v.key().toLongLong();
            const QModelIndex versionIndex = model.indexOf(name, number);
            QVERIFY(versionIndex.isValid());
            QCOMPARE(versionIndex.parent(), modelIndex);
            QCOMPARE(versionIndex.data(RegistryTreeModel::VersionRole).toLongLong(), number);
            QCOMPARE(versionIndex.data(RegistryTreeModel::ModelNameRole).toString(), name);
            const QString stage = v.value()[u"stage"_s].toString();
            QCOMPARE(versionIndex.data(RegistryTreeModel::StageRole).toString(), stage);
            QCOMPARE(versionIndex.siblingAtColumn(RegistryTreeModel::StageColumn).data().toString(),
                stage == u"None"_s ? QString() : stage);
            const QString runId = v.value()[u"run_id"_s].toString();
            QCOMPARE(versionIndex.data(RegistryTreeModel::RunIdRole).toString(), runId);
            QCOMPARE(
                versionIndex.siblingAtColumn(RegistryTreeModel::RunColumn).data().toString(), runNameById.value(runId));
            QStringList shownAliases = versionIndex.siblingAtColumn(RegistryTreeModel::AliasesColumn)
                                           .data()
                                           .toString()
                                           .split(u", "_s, Qt::SkipEmptyParts);
            QStringList expectedAliases = aliasesOf.value(v.key());
            shownAliases.sort();
            expectedAliases.sort();
            QCOMPARE(shownAliases, expectedAliases);
        }
    }

    // Spelled out for the model the Models page opens on.
    const QModelIndex iris = model.indexOf(u"iris-classifier"_s);
    QCOMPARE(model.rowCount(iris), 3);
    QStringList stages;
    for (int row = 0; row < 3; ++row)
        stages << model.index(row, RegistryTreeModel::StageColumn, iris).data().toString();
    QCOMPARE(stages, (QStringList { u"Archived"_s, u"Production"_s, u"Staging"_s }));
    QCOMPARE(model.indexOf(u"iris-classifier"_s, 2).siblingAtColumn(RegistryTreeModel::AliasesColumn).data().toString(),
        u"@champion"_s);
    QCOMPARE(model.indexOf(u"iris-classifier"_s, 2).siblingAtColumn(RegistryTreeModel::RunColumn).data().toString(),
        u"logreg-final"_s);
    QCOMPARE(model.indexOf(u"prévision-ventes-日本"_s, 1).data(RegistryTreeModel::ModelNameRole).toString(),
        u"prévision-ventes-日本"_s);
}

QTEST_GUILESS_MAIN(tst_RegistryTreeModel)
#include "tst_RegistryTreeModel.moc"
