#include "itemmodels/MetricSummaryModel.h"

#include "TestFixtures.h"
#include "query/RunDetailQuery.h"

#include <QAbstractItemModelTester>
#include <QDir>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>
#include <limits>

using namespace prov;
using namespace Qt::StringLiterals;

namespace {

const double notANumber = std::numeric_limits<double>::quiet_NaN();
const double infinity = std::numeric_limits<double>::infinity();

MetricSummary summary(
    const QString& key, qint64 step, double latest, qint64 points, std::optional<double> min, std::optional<double> max)
{
    MetricSummary m;
    m.key = key;
    m.latest = MetricPoint { step, 1741000000000 + step, latest };
    m.pointCount = points;
    m.minValue = min;
    m.maxValue = max;
    return m;
}

QList<MetricSummary> sampleMetrics()
{
    return {
        summary(u"accuracy"_s, 199, 0.9512, 200, 0.31, 0.97),
        summary(u"val_auc"_s, 199, notANumber, 200, 0.5, 0.7),
        summary(u"grad_norm"_s, 59, infinity, 60, 1.0, 1e6),
        summary(u"only_nan"_s, 0, notANumber, 1, std::nullopt, std::nullopt),
    };
}

} // namespace

class tst_MetricSummaryModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void listsOneRowPerMetric();
    void givesNumbersInRawValueRole_data();
    void givesNumbersInRawValueRole();
    void showsNonFiniteValuesAsText_data();
    void showsNonFiniteValuesAsText();
    void rowOfFindsKeys();
    void fixtureDivergedRun();
};

void tst_MetricSummaryModel::listsOneRowPerMetric()
{
    MetricSummaryModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(model.rowCount(), 0);
    model.setMetrics(sampleMetrics());
    QCOMPARE(model.rowCount(), 4);
    QCOMPARE(model.columnCount(), int(MetricSummaryModel::ColumnCount));
    QCOMPARE(model.index(1, MetricSummaryModel::KeyColumn).data().toString(), u"val_auc"_s);
    QCOMPARE(model.index(1, MetricSummaryModel::MaxColumn).data(MetricSummaryModel::KeyRole).toString(), u"val_auc"_s);
    QCOMPARE(model.headerData(MetricSummaryModel::LatestColumn, Qt::Horizontal).toString(), u"Latest"_s);
    model.setMetrics({});
    QCOMPARE(model.rowCount(), 0);
}

void tst_MetricSummaryModel::givesNumbersInRawValueRole_data()
{
    QTest::addColumn<int>("row");
    QTest::addColumn<int>("column");
    QTest::addColumn<QVariant>("raw");

    QTest::newRow("key") << 0 << int(MetricSummaryModel::KeyColumn) << QVariant(u"accuracy"_s);
    QTest::newRow("latest value") << 0 << int(MetricSummaryModel::LatestColumn) << QVariant(0.9512);
    QTest::newRow("step") << 0 << int(MetricSummaryModel::StepColumn) << QVariant(qint64(199));
    QTest::newRow("min") << 0 << int(MetricSummaryModel::MinColumn) << QVariant(0.31);
    QTest::newRow("max") << 2 << int(MetricSummaryModel::MaxColumn) << QVariant(1e6);
    QTest::newRow("points") << 2 << int(MetricSummaryModel::PointsColumn) << QVariant(qint64(60));
    QTest::newRow("infinite latest") << 2 << int(MetricSummaryModel::LatestColumn) << QVariant(infinity);
    QTest::newRow("no finite value: min absent") << 3 << int(MetricSummaryModel::MinColumn) << QVariant();
    QTest::newRow("no finite value: max absent") << 3 << int(MetricSummaryModel::MaxColumn) << QVariant();
}

void tst_MetricSummaryModel::givesNumbersInRawValueRole()
{
    QFETCH(int, row);
    QFETCH(int, column);
    QFETCH(QVariant, raw);

    MetricSummaryModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setMetrics(sampleMetrics());
    const QVariant value = model.index(row, column).data(MetricSummaryModel::RawValueRole);
    QCOMPARE(value.isValid(), raw.isValid());
    if (!raw.isValid())
        return;
    QCOMPARE(value.typeId(), raw.typeId()); // numbers stay numbers, for sorting
    QCOMPARE(value, raw);
}

void tst_MetricSummaryModel::showsNonFiniteValuesAsText_data()
{
    QTest::addColumn<int>("row");
    QTest::addColumn<QString>("latest");
    QTest::addColumn<bool>("nonFinite");

    QTest::newRow("finite: 6 significant digits") << 0 << u"0.9512"_s << false;
    QTest::newRow("NaN") << 1 << u"NaN"_s << true;
    QTest::newRow("inf") << 2 << u"inf"_s << true;
}

void tst_MetricSummaryModel::showsNonFiniteValuesAsText()
{
    QFETCH(int, row);
    QFETCH(QString, latest);
    QFETCH(bool, nonFinite);

    MetricSummaryModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setMetrics(sampleMetrics());
    const QModelIndex cell = model.index(row, MetricSummaryModel::LatestColumn);
    QCOMPARE(cell.data().toString(), latest);
    QCOMPARE(cell.data(MetricSummaryModel::NonFiniteRole).toBool(), nonFinite);
    QVERIFY(cell.data(Qt::ToolTipRole).toString().startsWith(latest));
    // Only the latest value is flagged: the step next to it is an ordinary number.
    QVERIFY(!cell.siblingAtColumn(MetricSummaryModel::StepColumn).data(MetricSummaryModel::NonFiniteRole).toBool());
}

void tst_MetricSummaryModel::rowOfFindsKeys()
{
    MetricSummaryModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(model.rowOf(u"accuracy"_s), -1);
    model.setMetrics(sampleMetrics());
    for (int row = 0; row < model.rowCount(); ++row)
        QCOMPARE(model.rowOf(model.index(row, 0).data(MetricSummaryModel::KeyRole).toString()), row);
    QCOMPARE(model.rowOf(u"Accuracy"_s), -1); // keys are case-sensitive, as in MLflow
    QCOMPARE(model.rowOf(u"missing"_s), -1);
}

void tst_MetricSummaryModel::fixtureDivergedRun()
{
    const QJsonObject run = TestFixtures::readJson(TestFixtures::dataPath(u"mlflow/manifest-filestore.json"_s))
                                .object()
                                .value(u"runs"_s)
                                .toObject()
                                .value(u"gbm-lr1.0-diverged"_s)
                                .toObject();
    QTemporaryDir cacheDir;
    QVERIFY(cacheDir.isValid());
    auto cache = TestFixtures::syncedCache(u"mlflow/mlruns"_s, cacheDir.filePath(u"cache.sqlite"_s));
    QVERIFY(cache.ok());
    const auto detail = RunDetailQuery(cache->database()).load(run.value(u"run_id"_s).toString());
    QVERIFY(detail.ok());

    MetricSummaryModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setMetrics(detail->metrics);

    // Every metric the generator logged, with its number of points.
    const QJsonObject points = run.value(u"metrics"_s).toObject();
    QCOMPARE(model.rowCount(), points.size());
    for (auto it = points.begin(); it != points.end(); ++it) {
        const int row = model.rowOf(it.key());
        QVERIFY2(row >= 0, qPrintable(it.key()));
        QCOMPARE(model.index(row, MetricSummaryModel::PointsColumn).data(MetricSummaryModel::RawValueRole).toLongLong(),
            it.value().toInteger());
    }
    // README: val_auc NaN, grad_norm inf, min_hessian -inf, train_logloss inf/nan from step 37.
    const auto latest
        = [&model](const QString& key) { return model.index(model.rowOf(key), MetricSummaryModel::LatestColumn); };
    QCOMPARE(latest(u"val_auc"_s).data().toString(), u"NaN"_s);
    QVERIFY(std::isnan(latest(u"val_auc"_s).data(MetricSummaryModel::RawValueRole).toDouble()));
    QCOMPARE(latest(u"grad_norm"_s).data().toString(), u"inf"_s);
    QCOMPARE(latest(u"grad_norm"_s).data(MetricSummaryModel::RawValueRole).toDouble(), infinity);
    QCOMPARE(latest(u"min_hessian"_s).data().toString(), u"-inf"_s);
    QCOMPARE(latest(u"min_hessian"_s).data(MetricSummaryModel::RawValueRole).toDouble(), -infinity);
    for (const QString& key : { u"val_auc"_s, u"grad_norm"_s, u"min_hessian"_s })
        QVERIFY(latest(key).data(MetricSummaryModel::NonFiniteRole).toBool());
    QVERIFY(!latest(u"train_auc"_s).data(MetricSummaryModel::NonFiniteRole).toBool());
    QCOMPARE(
        latest(u"train_auc"_s).siblingAtColumn(MetricSummaryModel::StepColumn).data(MetricSummaryModel::RawValueRole),
        QVariant(qint64(199)));
}

QTEST_GUILESS_MAIN(tst_MetricSummaryModel)
#include "tst_MetricSummaryModel.moc"
