#include "TimelineScale.h"

#include <QDateTime>
#include <QTest>

using namespace prov;
using namespace Qt::StringLiterals;

// The binding timeline's geometry: moments map to pixels and back, a single observation gets a
// span around it, and ticks fall on round local times, a readable number of them.
class tst_TimelineScale : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void mapsMomentsToPixelsAndBack()
    {
        const qint64 start = QDateTime(QDate(2026, 11, 20), QTime(9, 0)).toMSecsSinceEpoch();
        const TimelineScale scale(start, start + 10 * 3600'000, 100, 1000);
        QVERIFY(scale.x(start) > 100 && scale.x(start) < 140); // inside, after the margin
        QVERIFY(scale.x(start + 10 * 3600'000) < 1100 && scale.x(start + 10 * 3600'000) > 1060);
        QVERIFY(std::abs(scale.moment(scale.x(start + 3600'000)) - (start + 3600'000)) < 60'000);
    }

    void ticks_data()
    {
        QTest::addColumn<qint64>("span");
        QTest::addColumn<QString>("format");
        QTest::newRow("one sync") << qint64(0) << u"MMM d HH:mm"_s;
        QTest::newRow("an afternoon") << qint64(5) * 3600'000 << u"MMM d HH:mm"_s;
        QTest::newRow("a week") << qint64(7) * 86400'000 << u"MMM d"_s;
        QTest::newRow("a year") << qint64(365) * 86400'000 << u"MMM d"_s;
    }
    void ticks()
    {
        QFETCH(qint64, span);
        QFETCH(QString, format);
        const qint64 start = QDateTime(QDate(2026, 3, 3), QTime(10, 17)).toMSecsSinceEpoch();
        const TimelineScale scale(start, start + span, 0, 800);
        const auto ticks = scale.ticks();
        QVERIFY2(ticks.size() >= 2 && ticks.size() <= 16, qPrintable(QString::number(ticks.size())));
        for (qsizetype i = 0; i < ticks.size(); ++i) {
            QVERIFY(ticks[i].x >= 0 && ticks[i].x <= 800);
            QCOMPARE(ticks[i].label, QDateTime::fromMSecsSinceEpoch(ticks[i].moment).toString(format));
            QCOMPARE(QDateTime::fromMSecsSinceEpoch(ticks[i].moment).time().minute() % 5, 0); // round times
            if (i > 0)
                QVERIFY(ticks[i].x > ticks[i - 1].x);
        }
    }
};

QTEST_MAIN(tst_TimelineScale)
#include "tst_TimelineScale.moc"
