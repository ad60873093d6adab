#pragma once

#include <QList>
#include <QString>

namespace prov {

// Maps moments (ms since the epoch) to x pixels across a width and picks readable axis ticks
// (minutes, hours, days, weeks or months, whichever gives 3 to 8 labels). Pure geometry, for
// the binding timeline.
class TimelineScale
{
public:
    struct Tick
    {
        qint64 moment = 0;
        double x = 0.0;
        QString label;
    };

    // A span of zero (one observation) is widened to an hour around it.
    TimelineScale(qint64 start, qint64 end, double left, double width);

    double x(qint64 moment) const;
    qint64 moment(double x) const;
    QList<Tick> ticks() const;
    qint64 start() const { return m_start; }
    qint64 end() const { return m_end; }

private:
    qint64 m_start;
    qint64 m_end;
    double m_left;
    double m_width;
};

} // namespace prov
