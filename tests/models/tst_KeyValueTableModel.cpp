#include "itemmodels/KeyValueTableModel.h"

#include "TestFixtures.h"

#include <QAbstractItemModelTester>
#include <QDir>
#include <QFile>
#include <QJsonObject>
#include <QTest>

using namespace prov;
using namespace Qt::StringLiterals;

namespace {

const QString ellipsis = u" …"_s;

} // namespace

class tst_KeyValueTableModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void listsKeysAndValues();
    void shortensLongValuesForDisplayOnly_data();
    void shortensLongValuesForDisplayOnly();
    void neverShortensKeys();
    void fixtureFeatureListParam();
};

void tst_KeyValueTableModel::listsKeysAndValues()
{
    KeyValueTableModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(model.rowCount(), 0);
    const KeyValueList entries { { u"lr"_s, u"0.01"_s }, { u"modèle"_s, u"prophet-風"_s }, { u"empty"_s, QString() } };
    model.setEntries(entries);
    QCOMPARE(model.rowCount(), 3);
    QCOMPARE(model.columnCount(), int(KeyValueTableModel::ColumnCount));
    QCOMPARE(model.entries(), entries);
    for (int row = 0; row < entries.size(); ++row) {
        QCOMPARE(model.index(row, KeyValueTableModel::KeyColumn).data().toString(), entries[row].key);
        QCOMPARE(model.index(row, KeyValueTableModel::ValueColumn).data().toString(), entries[row].value);
        QVERIFY(!model.index(row, KeyValueTableModel::ValueColumn).data(Qt::ToolTipRole).isValid());
    }
    QCOMPARE(model.headerData(KeyValueTableModel::KeyColumn, Qt::Horizontal).toString(), u"Key"_s);
    QCOMPARE(model.headerData(KeyValueTableModel::ValueColumn, Qt::Horizontal).toString(), u"Value"_s);
    model.setEntries({});
    QCOMPARE(model.rowCount(), 0);
}

void tst_KeyValueTableModel::shortensLongValuesForDisplayOnly_data()
{
    QTest::addColumn<QString>("value");
    QTest::addColumn<QString>("display");
    QTest::addColumn<bool>("hasToolTip");

    QTest::newRow("short") << u"adam"_s << u"adam"_s << false;
    QTest::newRow("300 characters: kept") << QString(300, u'a') << QString(300, u'a') << true;
    QTest::newRow("301 characters: cut at 300") << QString(301, u'a') << QString(300, u'a') + ellipsis << true;
    QTest::newRow("5,000 characters") << QString(5000, u'b') << QString(300, u'b') + ellipsis << true;
    QTest::newRow("multi-line: first line only") << u"line one\nline two"_s << u"line one"_s + ellipsis << true;
    QTest::newRow("long first line: cut at 300")
        << QString(400, u'c') + u"\nrest"_s << QString(300, u'c') + ellipsis << true;
    QTest::newRow("Unicode kept whole") << u"saisonnalité-週次 ✓"_s << u"saisonnalité-週次 ✓"_s << false;
}

void tst_KeyValueTableModel::shortensLongValuesForDisplayOnly()
{
    QFETCH(QString, value);
    QFETCH(QString, display);
    QFETCH(bool, hasToolTip);

    KeyValueTableModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setEntries({ { u"key"_s, value } });
    const QModelIndex cell = model.index(0, KeyValueTableModel::ValueColumn);
    QCOMPARE(cell.data().toString(), display);
    QCOMPARE(cell.data(KeyValueTableModel::FullValueRole).toString(), value);
    QCOMPARE(cell.data(Qt::EditRole).toString(), value); // copying a cell copies the whole value
    QCOMPARE(cell.data(Qt::ToolTipRole).isValid(), hasToolTip);
    if (hasToolTip)
        QVERIFY(value.startsWith(cell.data(Qt::ToolTipRole).toString()));
}

void tst_KeyValueTableModel::neverShortensKeys()
{
    KeyValueTableModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    const QString key = QString(350, u'k');
    model.setEntries({ { key, u"v"_s } });
    QCOMPARE(model.index(0, KeyValueTableModel::KeyColumn).data().toString(), key);
    QCOMPARE(model.index(0, KeyValueTableModel::KeyColumn).data(KeyValueTableModel::FullValueRole).toString(), key);
}

void tst_KeyValueTableModel::fixtureFeatureListParam()
{
    // gbm-lr0.1-d8 logs a 5,000-character param (README); read it as the store has it.
    const QJsonObject run = TestFixtures::readJson(TestFixtures::dataPath(u"mlflow/manifest-filestore.json"_s))
                                .object()
                                .value(u"runs"_s)
                                .toObject()
                                .value(u"gbm-lr0.1-d8"_s)
                                .toObject();
    QFile file(TestFixtures::dataPath(u"mlflow/mlruns/"_s + run[u"experiment_id"_s].toString() + u'/'
        + run[u"run_id"_s].toString() + u"/params/feature_list"_s));
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QString featureList = QString::fromUtf8(file.readAll());
    QCOMPARE(featureList.size(), 5000);

    KeyValueTableModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setEntries({ { u"feature_list"_s, featureList }, { u"max_depth"_s, u"8"_s } });
    const QModelIndex cell = model.index(0, KeyValueTableModel::ValueColumn);
    QCOMPARE(cell.data().toString(), featureList.left(300) + ellipsis);
    QCOMPARE(cell.data(KeyValueTableModel::FullValueRole).toString(), featureList);
    QCOMPARE(model.index(1, KeyValueTableModel::ValueColumn).data().toString(), u"8"_s);
}

QTEST_GUILESS_MAIN(tst_KeyValueTableModel)
#include "tst_KeyValueTableModel.moc"
