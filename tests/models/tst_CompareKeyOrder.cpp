#include "compare/CompareKeyOrder.h"

#include <QTest>

using namespace prov;
using namespace Qt::StringLiterals;

// Specifies the order a user gives the Compare page's charts and axes: moves among the shown
// keys, hidden keys keeping their places, and the order surviving a new comparison.
class tst_CompareKeyOrder : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void move_data();
    void move();
    void orderOutlivesAComparison();
    void placePutsAChoiceFirst();
};

void tst_CompareKeyOrder::move_data()
{
    QTest::addColumn<QStringList>("shown");
    QTest::addColumn<QString>("key");
    QTest::addColumn<int>("delta");
    QTest::addColumn<bool>("moved");
    QTest::addColumn<QStringList>("arranged"); // every key (a b c d), afterwards

    const QStringList all { u"a"_s, u"b"_s, u"c"_s, u"d"_s };
    QTest::newRow("right") << all << u"a"_s << 1 << true << QStringList { u"b"_s, u"a"_s, u"c"_s, u"d"_s };
    QTest::newRow("left") << all << u"c"_s << -1 << true << QStringList { u"a"_s, u"c"_s, u"b"_s, u"d"_s };
    QTest::newRow("two places") << all << u"a"_s << 2 << true << QStringList { u"b"_s, u"c"_s, u"a"_s, u"d"_s };
    QTest::newRow("first cannot go left") << all << u"a"_s << -1 << false << all;
    QTest::newRow("last cannot go right") << all << u"d"_s << 1 << false << all;
    QTest::newRow("not shown") << QStringList { u"a"_s, u"b"_s } << u"c"_s << 1 << false << all;
    // b is hidden: a passes c, and b stays second.
    QTest::newRow("over a hidden key") << QStringList { u"a"_s, u"c"_s, u"d"_s } << u"a"_s << 1 << true
                                       << QStringList { u"c"_s, u"b"_s, u"a"_s, u"d"_s };
}

void tst_CompareKeyOrder::move()
{
    QFETCH(QStringList, shown);
    QFETCH(QString, key);
    QFETCH(int, delta);
    QFETCH(bool, moved);
    QFETCH(QStringList, arranged);
    CompareKeyOrder order;
    order.learn({ u"a"_s, u"b"_s, u"c"_s, u"d"_s });
    QCOMPARE(order.move(key, delta, shown), moved);
    QCOMPARE(order.arrange({ u"d"_s, u"c"_s, u"b"_s, u"a"_s }), arranged);
}

void tst_CompareKeyOrder::orderOutlivesAComparison()
{
    CompareKeyOrder order;
    order.learn({ u"acc"_s, u"loss"_s, u"lr"_s });
    QVERIFY(order.move(u"lr"_s, -2, { u"acc"_s, u"loss"_s, u"lr"_s }));
    // The next comparison logged loss, lr and a new key: the user's order first, the new key last.
    order.learn({ u"f1"_s, u"loss"_s, u"lr"_s });
    QCOMPARE(order.arrange({ u"f1"_s, u"loss"_s, u"lr"_s }), (QStringList { u"lr"_s, u"loss"_s, u"f1"_s }));
    // A key never learnt goes last.
    QCOMPARE(order.arrange({ u"zz"_s, u"acc"_s }), (QStringList { u"acc"_s, u"zz"_s }));
}

void tst_CompareKeyOrder::placePutsAChoiceFirst()
{
    CompareKeyOrder order;
    order.learn({ u"a"_s, u"b"_s, u"c"_s, u"d"_s });
    order.place({ u"c"_s, u"a"_s });
    QCOMPARE(order.arrange({ u"a"_s, u"b"_s, u"c"_s, u"d"_s }), (QStringList { u"c"_s, u"a"_s, u"b"_s, u"d"_s }));
}

QTEST_APPLESS_MAIN(tst_CompareKeyOrder)
#include "tst_CompareKeyOrder.moc"
