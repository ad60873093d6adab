#pragma once

#include <QString>

#include <optional>

namespace prov {

// How numbers, times, durations and sizes are written in tables, so that every screen and
// the command line's table output agree. Times are shown in the local time zone.
class DisplayFormat
{
public:
    // 6 significant digits; "NaN", "inf", "-inf" for non-finite values.
    static QString metricValue(double value);
    // Full precision round-trip text (for copying and CSV): shortest representation.
    static QString exactValue(double value);
    // "2025-03-03 10:00:00" in local time; empty for no time.
    static QString timestamp(std::optional<qint64> msSinceEpoch);
    // "850 ms", "12.3 s", "4 min 12 s", "2 h 03 min", "3 d 4 h".
    static QString duration(qint64 milliseconds);
    // "0 B", "1.2 KiB", "3.4 MiB".
    static QString bytes(qint64 size);
    // "1 run", "27 runs": English counts without a translator's numerus forms.
    static QString count(qint64 n, const QString& singular, const QString& plural);
};

} // namespace prov
