#include "TimelineScale.h"

#include <QDateTime>

#include <array>
#include <cmath>

namespace prov {

TimelineScale::TimelineScale(qint64 start, qint64 end, double left, double width)
    : m_start(start)
    , m_end(end)
    , m_left(left)
    , m_width(std::max(1.0, width))
{
    if (m_end - m_start < 60'000) {
        m_start -= 1'800'000;
        m_end += 1'800'000;
    }
    // A margin of 3% on each side, so marks on the first and last sync are not cut.
    const qint64 margin = (m_end - m_start) * 3 / 100;
    m_start -= margin;
    m_end += margin;
}

double TimelineScale::x(qint64 moment) const
{
    return m_left + m_width * double(moment - m_start) / double(m_end - m_start);
}

qint64 TimelineScale::moment(double x) const
{
    return m_start + qint64(std::llround((x - m_left) / m_width * double(m_end - m_start)));
}

QList<TimelineScale::Tick> TimelineScale::ticks() const
{
    constexpr qint64 minute = 60'000, hour = 60 * minute, day = 24 * hour;
    static const std::array<qint64, 12> steps { minute, 5 * minute, 15 * minute, hour, 3 * hour, 6 * hour, 12 * hour,
        day, 2 * day, 7 * day, 14 * day, 30 * day };
    qint64 step = steps.back();
    for (const qint64 s : steps) {
        if ((m_end - m_start) / s <= 8) {
            step = s;
            break;
        }
    }
    const QDateTime first = QDateTime::fromMSecsSinceEpoch(m_start);
    // Ticks fall on local round times: midnight for days, the hour for hours.
    QDateTime t = step >= day ? first.date().startOfDay() : QDateTime(first.date(), QTime(first.time().hour(), 0));
    const QString format = step >= day ? QStringLiteral("MMM d") : QStringLiteral("MMM d HH:mm");
    QList<Tick> ticks;
    while (t.toMSecsSinceEpoch() <= m_end && ticks.size() < 64) {
        const qint64 ms = t.toMSecsSinceEpoch();
        if (ms >= m_start)
            ticks.append({ ms, x(ms), t.toString(format) });
        t = step >= day ? t.addDays(step / day) : t.addMSecs(step);
    }
    return ticks;
}

} // namespace prov
