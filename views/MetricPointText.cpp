#include "MetricPointText.h"

#include <QDateTime>
#include <QLocale>

#include <cmath>
#include <cstdlib>

namespace prov {

QString MetricPointText::value(double value)
{
    if (std::isnan(value))
        return QStringLiteral("NaN");
    if (std::isinf(value))
        return value > 0 ? QStringLiteral("+inf") : QStringLiteral("-inf");
    // 8 significant digits tell apart values a loss curve's neighbours differ by.
    return QString::number(value, 'g', 8);
}

QString MetricPointText::duration(qint64 milliseconds)
{
    const QString sign = milliseconds < 0 ? QStringLiteral("-") : QString();
    const qint64 ms = std::llabs(milliseconds);
    const auto two = [](qint64 n) { return QStringLiteral("%1").arg(n, 2, 10, QLatin1Char('0')); };
    if (ms < 1000)
        return sign % QString::number(ms) % QStringLiteral(" ms");
    if (ms < 60'000)
        return sign % QString::number(double(ms) / 1000.0, 'f', 1) % QStringLiteral(" s");
    const qint64 s = ms / 1000;
    if (s < 3600)
        return sign % QString::number(s / 60) % QStringLiteral("m ") % two(s % 60) % QStringLiteral("s");
    if (s < 86'400)
        return sign % QString::number(s / 3600) % QStringLiteral("h ") % two(s / 60 % 60) % QStringLiteral("m ")
            % two(s % 60) % QStringLiteral("s");
    return sign % QString::number(s / 86'400) % QStringLiteral("d ") % two(s / 3600 % 24) % QStringLiteral("h");
}

QString MetricPointText::dateTime(qint64 msecsSinceEpoch)
{
    const QDateTime time = QDateTime::fromMSecsSinceEpoch(msecsSinceEpoch);
    return time.toString(msecsSinceEpoch % 1000 == 0 ? QStringLiteral("yyyy-MM-dd hh:mm:ss")
                                                     : QStringLiteral("yyyy-MM-dd hh:mm:ss.zzz"));
}

QString MetricPointText::tooltip(const QString& label, const MetricPoint& point, qint64 timeOrigin)
{
    const QLocale locale;
    // <nobr>: a rich-text tooltip would otherwise wrap inside a line.
    QString text;
    if (!label.isEmpty())
        text = QStringLiteral("<nobr><b>") % label.toHtmlEscaped() % QStringLiteral("</b></nobr><br>");
    return text % QStringLiteral("<nobr>step ") % locale.toString(point.step) % QStringLiteral(" &nbsp; value <b>")
        % value(point.value) % QStringLiteral("</b></nobr><br><nobr>") % dateTime(point.timestamp)
        % QStringLiteral(" (+") % duration(point.timestamp - timeOrigin) % QStringLiteral(")</nobr>");
}

} // namespace prov
