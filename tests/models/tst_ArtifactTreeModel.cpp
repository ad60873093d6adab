#include "itemmodels/ArtifactTreeModel.h"

#include "TestFixtures.h"
#include "query/CacheReader.h"
#include "query/RunDetailQuery.h"

#include <QAbstractItemModelTester>
#include <QDir>
#include <QDirIterator>
#include <QFileInfo>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace prov;
using namespace Qt::StringLiterals;

namespace {

// A flat listing as the cache keeps it: files without their folders, a folder listed twice
// (once with a trailing slash), an empty folder and a file three missing folders deep.
ArtifactList sampleListing()
{
    return {
        { u"reports/summary.txt"_s, false, 120 },
        { u"model"_s, true, 0 },
        { u"model/MLmodel"_s, false, 300 },
        { u"model/zz/weights.bin"_s, false, 2048 },
        { u"model/"_s, true, 0 },
        { u"top.txt"_s, false, 10 },
        { u"a/b/c/deep.bin"_s, false, 4096 },
        { u"rapport/résumé.txt"_s, false, 42 },
        { u"empty"_s, true, 0 },
        { u"config/train_config.json"_s, false, 64 },
    };
}

QStringList childNames(const QAbstractItemModel& model, const QModelIndex& parent = {})
{
    QStringList names;
    for (int row = 0; row < model.rowCount(parent); ++row)
        names << model.index(row, ArtifactTreeModel::NameColumn, parent).data().toString();
    return names;
}

// The index whose PathRole is `path`, found by walking down from the root.
QModelIndex indexOfPath(const QAbstractItemModel& model, const QString& path)
{
    QModelIndex parent;
    for (const QString& part : path.split(u'/')) {
        QModelIndex found;
        for (int row = 0; row < model.rowCount(parent) && !found.isValid(); ++row) {
            const QModelIndex child = model.index(row, 0, parent);
            if (child.data().toString() == part)
                found = child;
        }
        if (!found.isValid())
            return {};
        parent = found;
    }
    return parent;
}

// Every file under `index`, as (path, size).
void collectFiles(const QAbstractItemModel& model, const QModelIndex& index, QMap<QString, qint64>& files)
{
    for (int row = 0; row < model.rowCount(index); ++row) {
        const QModelIndex child = model.index(row, 0, index);
        if (child.data(ArtifactTreeModel::IsDirRole).toBool())
            collectFiles(model, child, files);
        else
            files.insert(child.data(ArtifactTreeModel::PathRole).toString(),
                child.data(ArtifactTreeModel::SizeRole).toLongLong());
    }
}

} // namespace

class tst_ArtifactTreeModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();

    void isEmptyWithoutArtifacts();
    void buildsFoldersFromFlatPaths();
    void createsMissingIntermediateFolders();
    void listsFoldersBeforeFiles();
    void keepsUnicodeNames();
    void exposesPathsSizesAndKindsAsRoles_data();
    void exposesPathsSizesAndKindsAsRoles();
    void replacesTheTreeOnNewArtifacts();
    void fixtureRunArtifactsMatchTheStoreFolder_data();
    void fixtureRunArtifactsMatchTheStoreFolder();

private:
    QTemporaryDir m_cacheDir;
    QString m_cachePath;
};

void tst_ArtifactTreeModel::initTestCase()
{
    QVERIFY(m_cacheDir.isValid());
    m_cachePath = m_cacheDir.filePath(u"cache.sqlite"_s);
    QVERIFY(TestFixtures::syncInto(u"mlflow/mlruns"_s, m_cachePath).ok());
}

void tst_ArtifactTreeModel::isEmptyWithoutArtifacts()
{
    ArtifactTreeModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(model.rowCount(), 0);
    QCOMPARE(model.fileCount(), 0);
    QCOMPARE(model.columnCount(), int(ArtifactTreeModel::ColumnCount));
    QCOMPARE(model.headerData(ArtifactTreeModel::NameColumn, Qt::Horizontal).toString(), u"Name"_s);
    QCOMPARE(model.headerData(ArtifactTreeModel::SizeColumn, Qt::Horizontal).toString(), u"Size"_s);
}

void tst_ArtifactTreeModel::buildsFoldersFromFlatPaths()
{
    ArtifactTreeModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setArtifacts(sampleListing());

    QCOMPARE(childNames(model),
        (QStringList { u"a"_s, u"config"_s, u"empty"_s, u"model"_s, u"rapport"_s, u"reports"_s, u"top.txt"_s }));
    QCOMPARE(model.fileCount(), 7);
    // "model" is listed as a folder twice and holds files: still one folder.
    QCOMPARE(childNames(model).count(u"model"_s), 1);
    QCOMPARE(model.rowCount(indexOfPath(model, u"empty"_s)), 0);
    QVERIFY(indexOfPath(model, u"empty"_s).data(ArtifactTreeModel::IsDirRole).toBool());
    QCOMPARE(childNames(model, indexOfPath(model, u"reports"_s)), QStringList { u"summary.txt"_s });
}

void tst_ArtifactTreeModel::createsMissingIntermediateFolders()
{
    ArtifactTreeModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setArtifacts({ { u"a/b/c/deep.bin"_s, false, 4096 } });

    QCOMPARE(model.fileCount(), 1);
    const QModelIndex a = model.index(0, 0);
    const QModelIndex b = model.index(0, 0, a);
    const QModelIndex c = model.index(0, 0, b);
    const QModelIndex deep = model.index(0, 0, c);
    QCOMPARE(a.data(ArtifactTreeModel::PathRole).toString(), u"a"_s);
    QCOMPARE(b.data(ArtifactTreeModel::PathRole).toString(), u"a/b"_s);
    QCOMPARE(c.data(ArtifactTreeModel::PathRole).toString(), u"a/b/c"_s);
    QCOMPARE(deep.data(ArtifactTreeModel::PathRole).toString(), u"a/b/c/deep.bin"_s);
    for (const QModelIndex& folder : { a, b, c })
        QVERIFY(folder.data(ArtifactTreeModel::IsDirRole).toBool());
    QVERIFY(!deep.data(ArtifactTreeModel::IsDirRole).toBool());
    QCOMPARE(deep.parent(), c);
    QCOMPARE(c.parent(), b);
    QCOMPARE(b.parent(), a);
    QVERIFY(!a.parent().isValid());
}

void tst_ArtifactTreeModel::listsFoldersBeforeFiles()
{
    ArtifactTreeModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setArtifacts(sampleListing());
    // "zz" sorts after "MLmodel" by name, but folders come first.
    QCOMPARE(childNames(model, indexOfPath(model, u"model"_s)), (QStringList { u"zz"_s, u"MLmodel"_s }));
    QCOMPARE(childNames(model).constLast(), u"top.txt"_s);
}

void tst_ArtifactTreeModel::keepsUnicodeNames()
{
    ArtifactTreeModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setArtifacts(sampleListing());
    const QModelIndex resume = indexOfPath(model, u"rapport/résumé.txt"_s);
    QVERIFY(resume.isValid());
    QCOMPARE(resume.data().toString(), u"résumé.txt"_s);
    QCOMPARE(resume.data(ArtifactTreeModel::PathRole).toString(), u"rapport/résumé.txt"_s);
    QCOMPARE(resume.data(Qt::ToolTipRole).toString(), u"rapport/résumé.txt"_s);
}

void tst_ArtifactTreeModel::exposesPathsSizesAndKindsAsRoles_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<bool>("isDir");
    QTest::addColumn<qint64>("size");
    QTest::addColumn<QString>("sizeText");

    QTest::newRow("small file") << u"top.txt"_s << false << qint64(10) << u"10 B"_s;
    QTest::newRow("file in a folder") << u"reports/summary.txt"_s << false << qint64(120) << u"120 B"_s;
    QTest::newRow("KiB file") << u"a/b/c/deep.bin"_s << false << qint64(4096) << u"4.0 KiB"_s;
    QTest::newRow("folder: no size shown") << u"model/zz"_s << true << qint64(0) << QString();
    QTest::newRow("missing folder created") << u"a/b"_s << true << qint64(0) << QString();
}

void tst_ArtifactTreeModel::exposesPathsSizesAndKindsAsRoles()
{
    QFETCH(QString, path);
    QFETCH(bool, isDir);
    QFETCH(qint64, size);
    QFETCH(QString, sizeText);

    ArtifactTreeModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setArtifacts(sampleListing());
    const QModelIndex name = indexOfPath(model, path);
    QVERIFY(name.isValid());
    QCOMPARE(name.data(ArtifactTreeModel::PathRole).toString(), path);
    QCOMPARE(name.data(ArtifactTreeModel::IsDirRole).toBool(), isDir);
    QCOMPARE(name.data(ArtifactTreeModel::SizeRole).toLongLong(), size);
    QCOMPARE(name.siblingAtColumn(ArtifactTreeModel::SizeColumn).data().toString(), sizeText);
}

void tst_ArtifactTreeModel::replacesTheTreeOnNewArtifacts()
{
    ArtifactTreeModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setArtifacts(sampleListing());
    QPersistentModelIndex old(indexOfPath(model, u"reports"_s));
    model.setArtifacts({ { u"only.txt"_s, false, 1 } });
    QVERIFY(!old.isValid());
    QCOMPARE(childNames(model), QStringList { u"only.txt"_s });
    QCOMPARE(model.fileCount(), 1);
    model.setArtifacts({});
    QCOMPARE(model.rowCount(), 0);
    QCOMPARE(model.fileCount(), 0);
}

void tst_ArtifactTreeModel::fixtureRunArtifactsMatchTheStoreFolder_data()
{
    QTest::addColumn<QString>("runName");
    QTest::newRow("logreg-final: config, plots, reports") << u"logreg-final"_s;
    QTest::newRow("ensemble-✓: rapport/résumé.txt") << u"ensemble-✓"_s;
    QTest::newRow("eval-champion-weekly: eval table") << u"eval-champion-weekly"_s;
}

void tst_ArtifactTreeModel::fixtureRunArtifactsMatchTheStoreFolder()
{
    QFETCH(QString, runName);

    const QString storePath = TestFixtures::dataPath(u"mlflow/mlruns"_s);
    const QJsonObject run = TestFixtures::readJson(TestFixtures::dataPath(u"mlflow/manifest-filestore.json"_s))
                                .object()
                                .value(u"runs"_s)
                                .toObject()
                                .value(runName)
                                .toObject();
    const QString runId = run.value(u"run_id"_s).toString();
    QVERIFY(!runId.isEmpty());

    // What is on disk under the run's artifacts folder.
    const QString artifactRoot
        = QDir(storePath).filePath(run.value(u"experiment_id"_s).toString() + u'/' + runId + u"/artifacts"_s);
    QMap<QString, qint64> onDisk;
    QDirIterator it(artifactRoot, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QFileInfo file(it.next());
        onDisk.insert(QDir(artifactRoot).relativeFilePath(file.filePath()), file.size());
    }
    QVERIFY(!onDisk.isEmpty());

    auto cache = CacheReader::open(m_cachePath);
    QVERIFY(cache.ok());
    const auto detail = RunDetailQuery(cache->database()).load(runId);
    QVERIFY(detail.ok());

    ArtifactTreeModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setArtifacts(detail->artifacts);
    QMap<QString, qint64> shown;
    collectFiles(model, {}, shown);
    QCOMPARE(shown, onDisk);
    QCOMPARE(model.fileCount(), onDisk.size());
}

QTEST_GUILESS_MAIN(tst_ArtifactTreeModel)
#include "tst_ArtifactTreeModel.moc"
