#include "itemmodels/RunNestingProxy.h"

#include "TestFixtures.h"
#include "itemmodels/RunTableModel.h"
#include "query/RunTableLoader.h"

#include <QAbstractItemModelTester>
#include <QJsonObject>
#include <QPersistentModelIndex>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace prov;
using namespace Qt::StringLiterals;

namespace {

constexpr int nameColumn = static_cast<int>(RunAttributeColumn::Name);

QString runIdOf(const QModelIndex& index)
{
    return index.siblingAtColumn(0).data(RunTableModel::RunIdRole).toString();
}

// Every run id reachable from the root, in tree order.
QStringList walk(const QAbstractItemModel& model, const QModelIndex& parent = {})
{
    QStringList ids;
    for (int row = 0; row < model.rowCount(parent); ++row) {
        const QModelIndex index = model.index(row, 0, parent);
        ids << runIdOf(index) << walk(model, index);
    }
    return ids;
}

// A run table nested by a proxy, checked by QAbstractItemModelTester through every change.
struct NestedRuns
{
    explicit NestedRuns(std::shared_ptr<const RunTable> table)
    {
        proxy.setSourceModel(&runs);
        runs.setTable(std::move(table));
    }

    RunTableModel runs;
    RunNestingProxy proxy { RunTableModel::RunIdRole, RunTableModel::ParentRunIdRole };
    QAbstractItemModelTester tester { &proxy, QAbstractItemModelTester::FailureReportingMode::QtTest };
};

RunTable::Row row(const QString& id, const QString& parentId)
{
    RunTable::Row row;
    row.info.runId = id;
    row.info.runName = id;
    row.info.experimentId = u"1"_s;
    row.parentRunId = parentId;
    return row;
}

} // namespace

class tst_RunNestingProxy : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void fixtureChildrenHangUnderTheirParent();
    void childrenOfAnUnlistedParentStayAtTheTop();
    void sortingSortsEveryLevelAndKeepsTheSelection();
    void cyclesAndSelfParentsLoseNoRun();
    void nestingOffIsTheFlatTable();
    void emptyTableStillHasHeaders();

private:
    QTemporaryDir m_cacheDir;
    std::shared_ptr<const RunTable> m_fixture;
    QJsonObject m_manifestRuns; // run name -> { run_id, parent, ... }
};

void tst_RunNestingProxy::initTestCase()
{
    QVERIFY(m_cacheDir.isValid());
    auto cache = TestFixtures::syncedCache(u"mlflow/mlruns"_s, m_cacheDir.filePath(u"cache.sqlite"_s));
    QVERIFY2(cache.ok(), qPrintable(cache ? QString() : cache.error().describe()));
    RunSelection everything;
    everything.includeDeleted = true;
    auto table = RunTableLoader(cache->database()).load(everything);
    QVERIFY(table.ok());
    m_fixture = *table;
    m_manifestRuns = TestFixtures::readJson(TestFixtures::dataPath(u"mlflow/manifest-filestore.json"_s))
                         .object()
                         .value(u"runs"_s)
                         .toObject();
    QVERIFY(!m_manifestRuns.isEmpty());
}

void tst_RunNestingProxy::fixtureChildrenHangUnderTheirParent()
{
    NestedRuns nested(m_fixture);
    RunTableModel& runs = nested.runs;
    RunNestingProxy& proxy = nested.proxy;
    QCOMPARE(runs.rowCount(), m_manifestRuns.size());

    // What MLflow recorded: each run's parent run id (the manifest's "parent").
    QHash<QString, QStringList> childrenOf;
    int children = 0;
    for (auto it = m_manifestRuns.begin(); it != m_manifestRuns.end(); ++it) {
        const QJsonObject run = it.value().toObject();
        if (run.value(u"parent"_s).isString()) {
            childrenOf[run.value(u"parent"_s).toString()] << run.value(u"run_id"_s).toString();
            ++children;
        }
    }
    QVERIFY(children > 0);
    QCOMPARE(proxy.rowCount(), m_manifestRuns.size() - children);
    QCOMPARE(proxy.parentCount(), childrenOf.size());
    QCOMPARE(walk(proxy).size(), m_manifestRuns.size());

    for (auto it = childrenOf.cbegin(); it != childrenOf.cend(); ++it) {
        const QModelIndex parent = proxy.indexOfRun(it.key());
        QVERIFY(parent.isValid());
        QVERIFY(!parent.parent().isValid());
        QVERIFY(!(parent.flags() & Qt::ItemNeverHasChildren)); // or a view would not open it
        QCOMPARE(proxy.rowCount(parent), it.value().size());
        QStringList listed;
        for (int row = 0; row < proxy.rowCount(parent); ++row) {
            const QModelIndex child = proxy.index(row, nameColumn, parent);
            QCOMPARE(child.parent(), parent);
            QCOMPARE(proxy.mapFromSource(proxy.mapToSource(child)), child);
            listed << runIdOf(child);
        }
        QCOMPARE(QSet<QString>(listed.cbegin(), listed.cend()), QSet<QString>(it.value().cbegin(), it.value().cend()));
        QCOMPARE(proxy.descendantRunIds(parent), listed);
        // Children keep the table's order (newest first, as MLflow lists them).
        for (int row = 1; row < listed.size(); ++row)
            QVERIFY(runs.rowOfRun(listed[row - 1]) < runs.rowOfRun(listed[row]));
    }
}

void tst_RunNestingProxy::childrenOfAnUnlistedParentStayAtTheTop()
{
    NestedRuns nested(m_fixture);
    RunTableModel& runs = nested.runs;
    RunNestingProxy& proxy = nested.proxy;
    QStringList trials;
    for (auto it = m_manifestRuns.begin(); it != m_manifestRuns.end(); ++it) {
        if (it.value().toObject().value(u"parent"_s).isString())
            trials << it.value().toObject().value(u"run_id"_s).toString();
    }
    runs.setVisibleRuns(trials); // a filter that matched the trials only
    QCOMPARE(proxy.rowCount(), trials.size());
    QCOMPARE(proxy.parentCount(), 0);
    for (int row = 0; row < proxy.rowCount(); ++row)
        QVERIFY(!proxy.hasChildren(proxy.index(row, 0)));
}

void tst_RunNestingProxy::sortingSortsEveryLevelAndKeepsTheSelection()
{
    NestedRuns nested(m_fixture);
    RunNestingProxy& proxy = nested.proxy;
    const QString childId = m_manifestRuns.value(u"trial-03"_s).toObject().value(u"run_id"_s).toString();
    const QString parentId = m_manifestRuns.value(u"trial-03"_s).toObject().value(u"parent"_s).toString();
    const QPersistentModelIndex selected(proxy.indexOfRun(childId).siblingAtColumn(nameColumn));
    QVERIFY(selected.isValid());

    for (Qt::SortOrder order : { Qt::DescendingOrder, Qt::AscendingOrder }) {
        proxy.sort(nameColumn, order);
        QVERIFY(selected.isValid());
        QCOMPARE(runIdOf(selected), childId);
        QCOMPARE(selected.column(), nameColumn);
        QCOMPARE(runIdOf(selected.parent()), parentId);
        auto inOrder = [order](const QString& a, const QString& b) {
            return order == Qt::AscendingOrder ? a.localeAwareCompare(b) <= 0 : a.localeAwareCompare(b) >= 0;
        };
        const QModelIndex parent = selected.parent();
        for (int row = 1; row < proxy.rowCount(parent); ++row) {
            QVERIFY(inOrder(proxy.index(row - 1, nameColumn, parent).data().toString(),
                proxy.index(row, nameColumn, parent).data().toString()));
        }
        QCOMPARE(proxy.index(0, nameColumn, parent).data().toString(),
            order == Qt::AscendingOrder ? u"trial-00"_s : u"trial-07"_s);
    }
}

void tst_RunNestingProxy::cyclesAndSelfParentsLoseNoRun()
{
    // Hand-written parent tags: a <-> b, c its own parent, d under a, e under a run not listed.
    auto table = std::make_shared<RunTable>();
    table->rows = { row(u"a"_s, u"b"_s), row(u"b"_s, u"a"_s), row(u"c"_s, u"c"_s), row(u"d"_s, u"a"_s),
        row(u"e"_s, u"gone"_s) };
    NestedRuns nested(table);
    RunNestingProxy& proxy = nested.proxy;
    QStringList all = walk(proxy);
    all.sort();
    QCOMPARE(all, (QStringList { u"a"_s, u"b"_s, u"c"_s, u"d"_s, u"e"_s }));
    QVERIFY(!proxy.indexOfRun(u"c"_s).parent().isValid());
    QVERIFY(!proxy.indexOfRun(u"e"_s).parent().isValid());
    QCOMPARE(runIdOf(proxy.indexOfRun(u"d"_s).parent()), u"a"_s);
    // The cycle is cut once: one of a and b is a root, the other its child.
    const bool aIsRoot = !proxy.indexOfRun(u"a"_s).parent().isValid();
    const bool bIsRoot = !proxy.indexOfRun(u"b"_s).parent().isValid();
    QVERIFY(aIsRoot != bIsRoot);
}

void tst_RunNestingProxy::nestingOffIsTheFlatTable()
{
    NestedRuns nested(m_fixture);
    RunTableModel& runs = nested.runs;
    RunNestingProxy& proxy = nested.proxy;
    proxy.setNested(false);
    QVERIFY(!proxy.isNested());
    QCOMPARE(proxy.rowCount(), runs.rowCount());
    for (int row = 0; row < proxy.rowCount(); ++row) {
        QCOMPARE(runIdOf(proxy.index(row, 0)), runs.runIdAt(row));
        QCOMPARE(proxy.rowCount(proxy.index(row, 0)), 0);
    }
    proxy.setNested(true);
    QVERIFY(proxy.rowCount() < runs.rowCount());
}

void tst_RunNestingProxy::emptyTableStillHasHeaders()
{
    RunTableModel runs;
    RunNestingProxy proxy(RunTableModel::RunIdRole, RunTableModel::ParentRunIdRole);
    proxy.setSourceModel(&runs);
    QCOMPARE(proxy.rowCount(), 0);
    QVERIFY(proxy.columnCount() > 0);
    for (int column = 0; column < proxy.columnCount(); ++column)
        QCOMPARE(proxy.headerData(column, Qt::Horizontal), runs.headerData(column, Qt::Horizontal));
}

QTEST_GUILESS_MAIN(tst_RunNestingProxy)
#include "tst_RunNestingProxy.moc"
