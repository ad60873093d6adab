#include "core/DisplayFormat.h"

#include <QDateTime>

#include <array>
#include <charconv>
#include <cmath>

namespace prov {

QString DisplayFormat::metricValue(double value)
{
    if (std::isnan(value))
        return QStringLiteral("NaN");
    if (std::isinf(value))
        return value > 0 ? QStringLiteral("inf") : QStringLiteral("-inf");
    return QString::number(value, 'g', 6);
}

QString DisplayFormat::exactValue(double value)
{
    if (!std::isfinite(value))
        return metricValue(value);
    std::array<char, 32> buffer {};
    const auto result = std::to_chars(buffer.data(), buffer.data() + buffer.size(), value);
    return QString::fromLatin1(buffer.data(), result.ptr - buffer.data());
}

QString DisplayFormat::timestamp(std::optional<qint64> msSinceEpoch)
{
    if (!msSinceEpoch)
        return {};
    return QDateTime::fromMSecsSinceEpoch(*msSinceEpoch).toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"));
}

QString DisplayFormat::duration(qint64 ms)
{
    if (ms < 0)
        return {};
    if (ms < 1000)
        return QStringLiteral("%1 ms").arg(ms);
    if (ms < 60'000)
        return QStringLiteral("%1 s").arg(static_cast<double>(ms) / 1000.0, 0, 'f', ms < 10'000 ? 2 : 1);
    const qint64 s = ms / 1000;
    if (s < 3600)
        return QStringLiteral("%1 min %2 s").arg(s / 60).arg(s % 60);
    if (s < 86400)
        return QStringLiteral("%1 h %2 min").arg(s / 3600).arg((s % 3600) / 60, 2, 10, QLatin1Char('0'));
    return QStringLiteral("%1 d %2 h").arg(s / 86400).arg((s % 86400) / 3600);
}

QString DisplayFormat::bytes(qint64 size)
{
    if (size < 1024)
        return QStringLiteral("%1 B").arg(size);
    const char* units[] = { "KiB", "MiB", "GiB", "TiB" };
    double value = static_cast<double>(size);
    int unit = -1;
    while (value >= 1024.0 && unit < 3) {
        value /= 1024.0;
        ++unit;
    }
    return QStringLiteral("%1 %2").arg(value, 0, 'f', value < 10 ? 1 : 0).arg(QLatin1String(units[unit]));
}

QString DisplayFormat::count(qint64 n, const QString& singular, const QString& plural)
{
    return QString::number(n) + QLatin1Char(' ') + (n == 1 ? singular : plural);
}

} // namespace prov
