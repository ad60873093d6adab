#include "query/RunSelection.h"

#include "TestFixtures.h"
#include "query/CacheReader.h"
#include "query/RunTableLoader.h"

#include <QDir>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace prov;
using namespace Qt::StringLiterals;

namespace {

// The shared fixture in both store kinds, with the generator's manifest for each (ids differ).
struct FixtureStore
{
    const char* label;
    QString store;
    QString manifest;
};

const FixtureStore fixtureStores[] = {
    { "file store", u"mlflow/mlruns"_s, u"mlflow/manifest-filestore.json"_s },
    { "sqlite", u"mlflow/sqlite/mlflow.db"_s, u"mlflow/manifest-sqlite.json"_s },
};

const QStringList trialRuns { u"trial-00"_s, u"trial-01"_s, u"trial-02"_s, u"trial-03"_s, u"trial-04"_s, u"trial-05"_s,
    u"trial-06"_s, u"trial-07"_s };

QStringList sorted(QStringList list)
{
    list.sort();
    return list;
}

QStringList runNames(const RunTable& table)
{
    QStringList names;
    for (const RunTable::Row& row : table.rows)
        names << row.info.runName;
    return sorted(names);
}

QString experimentId(const QJsonObject& manifest, const QString& name)
{
    if (name == u"Default"_s)
        return u"0"_s;
    return manifest.value(u"experiments"_s).toObject().value(name).toObject().value(u"id"_s).toString();
}

QStringList experimentIds(const QJsonObject& manifest, const QStringList& names)
{
    QStringList ids;
    for (const QString& name : names)
        ids << experimentId(manifest, name);
    return ids;
}

// Run names of the manifest in `experimentNames` (all when empty); deleted runs and runs of
// deleted experiments only when `includeDeleted`.
QStringList manifestRuns(const QJsonObject& manifest, const QStringList& experimentNames, bool includeDeleted)
{
    const QStringList wanted = experimentIds(manifest, experimentNames);
    QSet<QString> deletedExperiments;
    const QJsonObject experiments = manifest.value(u"experiments"_s).toObject();
    for (const QJsonValue& e : experiments) {
        if (e[u"lifecycle_stage"_s].toString() == u"deleted"_s)
            deletedExperiments.insert(e[u"id"_s].toString());
    }
    QStringList names;
    const QJsonObject runs = manifest.value(u"runs"_s).toObject();
    for (auto it = runs.begin(); it != runs.end(); ++it) {
        const QString experiment = it.value()[u"experiment_id"_s].toString();
        const bool deleted
            = it.value()[u"lifecycle_stage"_s].toString() == u"deleted"_s || deletedExperiments.contains(experiment);
        if ((wanted.isEmpty() || wanted.contains(experiment)) && (includeDeleted || !deleted))
            names << it.value()[u"run_name"_s].toString();
    }
    return sorted(names);
}

} // namespace

class tst_RunSelection : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();

    void compilesAnEmptySelection();
    void compilesPlainTextToANameSearchOnlyWhenAsked();
    void reportsInvalidExpressionsWithTheirColumn_data();
    void reportsInvalidExpressionsWithTheirColumn();

    void selectsActiveRunsByDefault_data();
    void selectsActiveRunsByDefault();
    void filtersByExperiment_data();
    void filtersByExperiment();
    void searchesRunNamesWithPlainText_data();
    void searchesRunNamesWithPlainText();
    void neverTakesAnExpressionForANameSearch_data();
    void neverTakesAnExpressionForANameSearch();
    void appliesMlflowFilters_data();
    void appliesMlflowFilters();

private:
    Result<std::shared_ptr<const RunTable>> load(const QString& store, const RunSelection& selection) const;

    QTemporaryDir m_cacheDir;
    QHash<QString, QString> m_cachePaths; // by store
    QHash<QString, QJsonObject> m_manifests; // by store
};

void tst_RunSelection::initTestCase()
{
    QVERIFY(m_cacheDir.isValid());
    for (const FixtureStore& fixture : fixtureStores) {
        const QString cachePath = m_cacheDir.filePath(QString::number(m_cachePaths.size()) + u".sqlite"_s);
        const auto synced = TestFixtures::syncInto(fixture.store, cachePath);
        QVERIFY2(synced.ok(), qPrintable(synced ? QString() : synced.error().describe()));
        m_cachePaths.insert(fixture.store, cachePath);
        m_manifests.insert(fixture.store, TestFixtures::readJson(TestFixtures::dataPath(fixture.manifest)).object());
        QCOMPARE(m_manifests.value(fixture.store).value(u"runs"_s).toObject().size(), 30);
    }
}

Result<std::shared_ptr<const RunTable>> tst_RunSelection::load(
    const QString& store, const RunSelection& selection) const
{
    auto cache = CacheReader::open(m_cachePaths.value(store));
    if (!cache)
        return cache.error();
    return RunTableLoader(cache->database()).load(selection);
}

void tst_RunSelection::compilesAnEmptySelection()
{
    const auto sql = RunSelectionSql::compile(RunSelection {});
    QVERIFY(sql.ok());
    QVERIFY(!sql->searchesNames());
    QVERIFY(!sql->where().isEmpty());
}

void tst_RunSelection::compilesPlainTextToANameSearchOnlyWhenAsked()
{
    RunSelection selection;
    selection.filter = u"resnet final"_s;
    const auto rejected = RunSelectionSql::compile(selection);
    QVERIFY(!rejected.ok());
    QCOMPARE(rejected.error().code, ErrorCode::InvalidArgument);

    selection.plainTextSearchesNames = true;
    const auto accepted = RunSelectionSql::compile(selection);
    QVERIFY(accepted.ok());
    QVERIFY(accepted->searchesNames());

    selection.filter = u"metrics.acc > 0.9"_s;
    const auto expression = RunSelectionSql::compile(selection);
    QVERIFY(expression.ok());
    QVERIFY(!expression->searchesNames());
}

void tst_RunSelection::reportsInvalidExpressionsWithTheirColumn_data()
{
    QTest::addColumn<QString>("filter");
    QTest::addColumn<bool>("plainTextSearchesNames");

    QTest::newRow("plain words, no name search") << u"trial"_s << false;
    QTest::newRow("missing value") << u"metrics.val_auc >"_s << false;
    QTest::newRow("missing value, even with name search") << u"metrics.val_auc >"_s << true;
    QTest::newRow("unquoted param value, even with name search") << u"params.max_depth = 4"_s << true;
    QTest::newRow("entity prefix without comparison, even with name search") << u"tags.team"_s << true;
}

void tst_RunSelection::reportsInvalidExpressionsWithTheirColumn()
{
    QFETCH(QString, filter);
    QFETCH(bool, plainTextSearchesNames);

    RunSelection selection;
    selection.filter = filter;
    selection.plainTextSearchesNames = plainTextSearchesNames;
    const auto sql = RunSelectionSql::compile(selection);
    QVERIFY(!sql.ok());
    QCOMPARE(sql.error().code, ErrorCode::InvalidArgument);
    bool isNumber = false;
    const int column = sql.error().location.toInt(&isNumber);
    QVERIFY2(isNumber && column >= 1 && column <= filter.size() + 1, qPrintable(sql.error().describe()));

    // The loader gives the same error rather than a table.
    const auto table = load(fixtureStores[0].store, selection);
    QVERIFY(!table.ok());
    QCOMPARE(table.error().code, ErrorCode::InvalidArgument);
}

void tst_RunSelection::selectsActiveRunsByDefault_data()
{
    QTest::addColumn<QString>("store");
    for (const FixtureStore& fixture : fixtureStores)
        QTest::newRow(fixture.label) << fixture.store;
}

void tst_RunSelection::selectsActiveRunsByDefault()
{
    QFETCH(QString, store);
    const QJsonObject manifest = m_manifests.value(store);

    const auto active = load(store, RunSelection {});
    QVERIFY(active.ok());
    QCOMPARE((*active)->size(), 27);
    QCOMPARE(runNames(**active), manifestRuns(manifest, {}, false));
    QVERIFY(!runNames(**active).contains(u"scratch-debug"_s));
    QVERIFY(!runNames(**active).contains(u"old-baseline-0"_s));

    RunSelection all;
    all.includeDeleted = true;
    const auto everything = load(store, all);
    QVERIFY(everything.ok());
    QCOMPARE((*everything)->size(), 30);
    QCOMPARE(runNames(**everything), manifestRuns(manifest, {}, true));
    for (const QString& name : { u"scratch-debug"_s, u"old-baseline-0"_s, u"old-baseline-1"_s })
        QVERIFY2(runNames(**everything).contains(name), qPrintable(name));
}

void tst_RunSelection::filtersByExperiment_data()
{
    QTest::addColumn<QString>("store");
    QTest::addColumn<QStringList>("experiments");
    QTest::addColumn<bool>("includeDeleted");

    const QString churn = u"churn-prediction"_s;
    const QString iris = u"iris-classifier"_s;
    for (const FixtureStore& fixture : fixtureStores) {
        QTest::addRow("%s: one experiment", fixture.label) << fixture.store << QStringList { churn } << false;
        QTest::addRow("%s: one experiment with its deleted run", fixture.label)
            << fixture.store << QStringList { churn } << true;
        QTest::addRow("%s: two experiments", fixture.label)
            << fixture.store << QStringList { iris, u"Default"_s } << false;
        QTest::addRow("%s: deleted experiment, hidden", fixture.label)
            << fixture.store << QStringList { u"old-baselines-2024"_s } << false;
        QTest::addRow("%s: deleted experiment, shown", fixture.label)
            << fixture.store << QStringList { u"old-baselines-2024"_s } << true;
        QTest::addRow("%s: Unicode-named experiment", fixture.label)
            << fixture.store << QStringList { u"Prévision des ventes — 売上予測 📈"_s } << false;
    }
}

void tst_RunSelection::filtersByExperiment()
{
    QFETCH(QString, store);
    QFETCH(QStringList, experiments);
    QFETCH(bool, includeDeleted);
    const QJsonObject manifest = m_manifests.value(store);

    RunSelection selection;
    selection.experimentIds = experimentIds(manifest, experiments);
    selection.includeDeleted = includeDeleted;
    const auto table = load(store, selection);
    QVERIFY(table.ok());
    QCOMPARE(runNames(**table), manifestRuns(manifest, experiments, includeDeleted));
    for (const RunTable::Row& row : (*table)->rows)
        QVERIFY(selection.experimentIds.contains(row.info.experimentId));

    // Combined with an expression, whose bind values follow the experiment ids.
    selection.filter = u"params.max_depth = '4'"_s;
    const auto filtered = load(store, selection);
    QVERIFY(filtered.ok());
    const QStringList depth4 { u"gbm-lr0.05-d4"_s, u"gbm-lr0.1-d4"_s, u"gbm-lr0.2-d4"_s };
    QCOMPARE(runNames(**filtered), experiments.contains(u"churn-prediction"_s) ? depth4 : QStringList());

    // And with a name search.
    selection.filter = u"trial"_s;
    selection.plainTextSearchesNames = true;
    const auto searched = load(store, selection);
    QVERIFY(searched.ok());
    QCOMPARE(runNames(**searched), experiments.contains(u"iris-classifier"_s) ? trialRuns : QStringList {});
}

void tst_RunSelection::searchesRunNamesWithPlainText_data()
{
    QTest::addColumn<QString>("store");
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("includeDeleted");
    QTest::addColumn<QStringList>("names");

    const QStringList depth4 { u"gbm-lr0.05-d4"_s, u"gbm-lr0.1-d4"_s, u"gbm-lr0.2-d4"_s };
    for (const FixtureStore& fixture : fixtureStores) {
        const char* s = fixture.label;
        QTest::addRow("%s: word", s) << fixture.store << u"trial"_s << false << trialRuns;
        QTest::addRow("%s: ignores case", s) << fixture.store << u"TRIAL"_s << false << trialRuns;
        QTest::addRow("%s: trimmed", s) << fixture.store << u"  trial-0  "_s << false << trialRuns;
        QTest::addRow("%s: substring", s) << fixture.store << u"d4"_s << false << depth4;
        QTest::addRow("%s: dot is literal", s)
            << fixture.store << u"lr0.1"_s << false << QStringList { u"gbm-lr0.1-d4"_s, u"gbm-lr0.1-d8"_s };
        QTest::addRow("%s: underscore is literal", s) << fixture.store << u"_"_s << false << QStringList {};
        QTest::addRow("%s: percent is literal", s) << fixture.store << u"%"_s << false << QStringList {};
        QTest::addRow("%s: question mark is literal", s) << fixture.store << u"trial-0?"_s << false << QStringList {};
        QTest::addRow("%s: asterisk is literal", s) << fixture.store << u"trial*"_s << false << QStringList {};
        QTest::addRow("%s: brackets are literal", s) << fixture.store << u"[t]rial"_s << false << QStringList {};
        QTest::addRow("%s: no match", s) << fixture.store << u"resnet"_s << false << QStringList {};
        QTest::addRow("%s: deleted run hidden", s) << fixture.store << u"scratch"_s << false << QStringList {};
        QTest::addRow("%s: deleted run shown", s)
            << fixture.store << u"scratch"_s << true << QStringList { u"scratch-debug"_s };
        QTest::addRow("%s: Unicode", s) << fixture.store << u"naïve"_s << false << QStringList { u"base-naïve"_s };
        QTest::addRow("%s: CJK", s) << fixture.store << u"風"_s << false << QStringList { u"prophet-風"_s };
        QTest::addRow("%s: ignores case of non-ASCII letters too", s)
            << fixture.store << u"BASE-NAÏVE"_s << false << QStringList { u"base-naïve"_s };
    }
}

void tst_RunSelection::searchesRunNamesWithPlainText()
{
    QFETCH(QString, store);
    QFETCH(QString, text);
    QFETCH(bool, includeDeleted);
    QFETCH(QStringList, names);

    RunSelection selection;
    selection.filter = text;
    selection.plainTextSearchesNames = true;
    selection.includeDeleted = includeDeleted;
    const auto table = load(store, selection);
    QVERIFY2(table.ok(), qPrintable(table ? QString() : table.error().describe()));
    QVERIFY((*table)->filterSearchedNames);
    QCOMPARE(runNames(**table), sorted(names));
}

void tst_RunSelection::neverTakesAnExpressionForANameSearch_data()
{
    QTest::addColumn<QString>("store");
    QTest::addColumn<QString>("filter");
    QTest::addColumn<QStringList>("names");

    for (const FixtureStore& fixture : fixtureStores) {
        QTest::addRow("%s: metric comparison", fixture.label)
            << fixture.store << u"metrics.val_auc > 0.8"_s << QStringList { u"gbm-lr0.1-d8"_s };
        // An exact name comparison, not a substring search: no run is called just "trial".
        QTest::addRow("%s: run name equality", fixture.label)
            << fixture.store << u"attributes.run_name = 'trial'"_s << QStringList {};
        QTest::addRow("%s: run name LIKE", fixture.label)
            << fixture.store << u"attributes.run_name LIKE 'trial-0%'"_s << trialRuns;
    }
}

void tst_RunSelection::neverTakesAnExpressionForANameSearch()
{
    QFETCH(QString, store);
    QFETCH(QString, filter);
    QFETCH(QStringList, names);

    RunSelection selection;
    selection.filter = filter;
    selection.plainTextSearchesNames = true;
    const auto table = load(store, selection);
    QVERIFY2(table.ok(), qPrintable(table ? QString() : table.error().describe()));
    QVERIFY(!(*table)->filterSearchedNames);
    QCOMPARE(runNames(**table), sorted(names));
}

void tst_RunSelection::appliesMlflowFilters_data()
{
    QTest::addColumn<QString>("store");
    QTest::addColumn<QString>("filter");
    QTest::addColumn<bool>("includeDeleted");
    QTest::addColumn<QStringList>("names");

    // Expected runs worked out from the metric/param files of the fixture (latest value = value
    // at the highest step); gbm-lr1.0-diverged's latest val_auc is NaN, which matches no comparison.
    for (const FixtureStore& fixture : fixtureStores) {
        const char* s = fixture.label;
        QTest::addRow("%s: val_auc > 0.8", s)
            << fixture.store << u"metrics.val_auc > 0.8"_s << false << QStringList { u"gbm-lr0.1-d8"_s };
        QTest::addRow("%s: val_auc > 0.75", s)
            << fixture.store << u"metrics.val_auc > 0.75"_s << false
            << QStringList { u"gbm-lr0.05-d6"_s, u"gbm-lr0.1-d4"_s, u"gbm-lr0.1-d8"_s, u"nightly-retrain"_s };
        QTest::addRow("%s: max_depth = '4'", s)
            << fixture.store << u"params.max_depth = '4'"_s << false
            << QStringList { u"gbm-lr0.05-d4"_s, u"gbm-lr0.1-d4"_s, u"gbm-lr0.2-d4"_s };
        QTest::addRow("%s: status FAILED", s) << fixture.store << u"attributes.status = 'FAILED'"_s << false
                                              << QStringList { u"trial-03"_s, u"gbm-lr1.0-diverged"_s };
        QTest::addRow("%s: status KILLED", s) << fixture.store << u"attributes.status = 'KILLED'"_s << false
                                              << QStringList { u"trial-05"_s, u"gbm-lr0.03-d6-killed"_s };
        QTest::addRow("%s: two conditions", s)
            << fixture.store << u"params.max_depth = '6' and attributes.status != 'RUNNING'"_s << false
            << QStringList { u"gbm-lr0.05-d6"_s, u"gbm-lr0.03-d6-killed"_s };
        QTest::addRow("%s: ILIKE folds non-ASCII letters", s)
            << fixture.store << u"attributes.run_name ILIKE '%NAÏVE%'"_s << false << QStringList { u"base-naïve"_s };
        QTest::addRow("%s: deleted run matches only when included", s)
            << fixture.store << u"attributes.run_name LIKE 'scratch%'"_s << false << QStringList {};
        QTest::addRow("%s: deleted run included", s)
            << fixture.store << u"attributes.run_name LIKE 'scratch%'"_s << true << QStringList { u"scratch-debug"_s };
    }
}

void tst_RunSelection::appliesMlflowFilters()
{
    QFETCH(QString, store);
    QFETCH(QString, filter);
    QFETCH(bool, includeDeleted);
    QFETCH(QStringList, names);

    RunSelection selection;
    selection.filter = filter;
    selection.includeDeleted = includeDeleted;
    const auto table = load(store, selection);
    QVERIFY2(table.ok(), qPrintable(table ? QString() : table.error().describe()));
    QVERIFY(!(*table)->filterSearchedNames);
    QCOMPARE(runNames(**table), sorted(names));
}

QTEST_GUILESS_MAIN(tst_RunSelection)
#include "tst_RunSelection.moc"
