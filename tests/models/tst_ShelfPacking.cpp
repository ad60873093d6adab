#include "lineage/ShelfPacking.h"

#include <QRectF>
#include <QTest>

using namespace prov;

// Shelf packing: rectangles never overlap, keep the gap, fill rows about as wide as a drawing
// of the asked aspect, tallest first, and equal heights keep their order.
class tst_ShelfPacking : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void packs_data()
    {
        QTest::addColumn<QList<QSizeF>>("sizes");
        QTest::addColumn<QList<QPointF>>("corners");
        QTest::newRow("nothing") << QList<QSizeF>() << QList<QPointF>();
        QTest::newRow("one") << QList<QSizeF> { { 50, 20 } } << QList<QPointF> { { 0, 0 } };
        // Four 10x10 squares with a gap of 10: area 4 * 400, row width sqrt(1600 * 1) = 40: two per row.
        QTest::newRow("four squares, square aspect") << QList<QSizeF> { { 10, 10 }, { 10, 10 }, { 10, 10 }, { 10, 10 } }
                                                     << QList<QPointF> { { 0, 0 }, { 20, 0 }, { 0, 20 }, { 20, 20 } };
        // The tallest goes first; the wide one sets the minimum row width.
        QTest::newRow("tallest first, widest sets the row") << QList<QSizeF> { { 10, 5 }, { 100, 30 }, { 10, 20 } }
                                                            << QList<QPointF> { { 20, 40 }, { 0, 0 }, { 0, 40 } };
    }

    void packs()
    {
        QFETCH(QList<QSizeF>, sizes);
        QFETCH(QList<QPointF>, corners);
        QCOMPARE(ShelfPacking::pack(sizes, 10, 1.0), corners);
    }

    void manyRectanglesNeverOverlapAndMakeAWideDrawing()
    {
        QList<QSizeF> sizes;
        for (int i = 0; i < 500; ++i)
            sizes.append(QSizeF(80 + (i * 37) % 200, 30 + (i * 17) % 90));
        const QList<QPointF> corners = ShelfPacking::pack(sizes, 12, 1.6);
        QCOMPARE(corners.size(), sizes.size());
        QRectF all;
        QList<QRectF> boxes;
        for (qsizetype i = 0; i < sizes.size(); ++i) {
            boxes.append(QRectF(corners.at(i), sizes.at(i)));
            all |= boxes.last();
        }
        for (qsizetype a = 0; a < boxes.size(); ++a) {
            for (qsizetype b = a + 1; b < boxes.size(); ++b)
                QVERIFY(!boxes.at(a).adjusted(-5, -5, 5, 5).intersects(boxes.at(b)));
        }
        const double aspect = all.width() / all.height();
        QVERIFY2(aspect > 1.0 && aspect < 2.6, qPrintable(QString::number(aspect)));
        QCOMPARE(ShelfPacking::pack(sizes, 12, 1.6), corners);
    }
};

QTEST_GUILESS_MAIN(tst_ShelfPacking)
#include "tst_ShelfPacking.moc"
