#include "compare/CompareCsv.h"

#include <QIODevice>

#include <array>
#include <charconv>
#include <cmath>

namespace prov {
namespace {

constexpr qsizetype FlushBytes = 1 << 20;

void appendField(QByteArray& out, const QString& text)
{
    const QByteArray utf8 = text.toUtf8();
    if (!utf8.contains(',') && !utf8.contains('"') && !utf8.contains('\n') && !utf8.contains('\r')) {
        out += utf8;
        return;
    }
    out += '"';
    for (char c : utf8) {
        if (c == '"')
            out += '"';
        out += c;
    }
    out += '"';
}

template<typename T> void appendNumber(QByteArray& out, T value)
{
    std::array<char, 32> buffer {};
    const auto result = std::to_chars(buffer.data(), buffer.data() + buffer.size(), value);
    out.append(buffer.data(), result.ptr - buffer.data());
}

void appendValue(QByteArray& out, double value)
{
    if (std::isnan(value))
        out += "NaN";
    else if (std::isinf(value))
        out += value > 0 ? "Infinity" : "-Infinity";
    else
        appendNumber(out, value);
}

// The run and key fields are the same for every row of a line: quoted once.
QByteArray linePrefix(const CompareLine& line, const QString& key)
{
    QByteArray prefix;
    appendField(prefix, line.run.runId());
    prefix += ',';
    appendField(prefix, line.run.runName);
    prefix += ',';
    appendField(prefix, key);
    prefix += ',';
    return prefix;
}

void appendRow(QByteArray& out, const QByteArray& prefix, const MetricPoint& p)
{
    out += prefix;
    appendNumber(out, p.step);
    out += ',';
    appendNumber(out, p.timestamp);
    out += ',';
    appendValue(out, p.value);
    out += "\r\n";
}

bool flush(QByteArray& buffer, QIODevice& out, bool force)
{
    if (!force && buffer.size() < FlushBytes)
        return true;
    const bool ok = out.write(buffer) == buffer.size();
    buffer.clear();
    return ok;
}

const CompareChart& chartOf(const CompareChart& chart)
{
    return chart;
}

const CompareChart& chartOf(const std::shared_ptr<const CompareChart>& chart)
{
    return *chart;
}

template<typename Charts> Status writeCharts(const Charts& charts, CompareSeriesKind kind, QIODevice& out)
{
    QByteArray buffer;
    buffer.reserve(FlushBytes + 4096);
    buffer += "run_id,run_name,key,step,timestamp,value\r\n";
    bool ok = true;
    for (const auto& item : charts) {
        const CompareChart& chart = chartOf(item);
        for (const CompareLine& line : chart.lines) {
            const QByteArray prefix = linePrefix(line, chart.key);
            if (kind == CompareSeriesKind::Raw) {
                for (const MetricPoint& p : line.values()) {
                    appendRow(buffer, prefix, p);
                    ok = ok && flush(buffer, out, false);
                }
            } else {
                for (const DecimatedPoint& p : drawnPointsOf(line.drawn())) {
                    appendRow(buffer, prefix, p.point);
                    ok = ok && flush(buffer, out, false);
                }
            }
        }
    }
    ok = ok && flush(buffer, out, true);
    if (!ok)
        return makeError(ErrorCode::Io, QStringLiteral("cannot write the CSV: %1").arg(out.errorString()));
    return {};
}

} // namespace

Status CompareCsv::write(const std::vector<CompareChart>& charts, CompareSeriesKind kind, QIODevice& out)
{
    return writeCharts(charts, kind, out);
}

Status CompareCsv::write(
    const std::vector<std::shared_ptr<const CompareChart>>& charts, CompareSeriesKind kind, QIODevice& out)
{
    return writeCharts(charts, kind, out);
}

qsizetype CompareCsv::rowCount(const std::vector<CompareChart>& charts, CompareSeriesKind kind)
{
    if (kind == CompareSeriesKind::Drawn) {
        qsizetype total = 0;
        for (const CompareChart& chart : charts)
            total += chart.drawnPoints();
        return total;
    }
    qsizetype total = 0;
    for (const CompareChart& chart : charts)
        total += chart.recordedPoints();
    return total;
}

} // namespace prov
