#include "query/RunTableExport.h"

#include "core/DisplayFormat.h"
#include "core/JsonText.h"
#include "core/TabularText.h"

#include <QIODevice>

#include <cmath>

namespace prov {
namespace {

constexpr qsizetype flushAt = 256 * 1024;

// Collects output and hands it to the device in large chunks.
class Chunks
{
public:
    explicit Chunks(QIODevice& device)
        : m_device(device)
    {
        m_buffer.reserve(flushAt + 4096);
    }
    QByteArray& buffer() { return m_buffer; }
    bool maybeFlush() { return m_buffer.size() < flushAt || flush(); }
    bool flush()
    {
        const bool ok = m_buffer.isEmpty() || m_device.write(m_buffer) == m_buffer.size();
        m_buffer.clear();
        return ok;
    }

private:
    QIODevice& m_device;
    QByteArray m_buffer;
};

// One JSON object of the columns that have a value in `row`: {"key": value, ...}.
template<typename Column, typename AppendValue>
void appendObject(QByteArray& out, const std::vector<Column>& columns, std::size_t row, AppendValue appendValue)
{
    out.append('{');
    bool first = true;
    for (const Column& column : columns) {
        if (!column.values[row])
            continue;
        out.append(first ? "" : ", ");
        first = false;
        JsonText::appendString(out, column.key);
        out.append(": ");
        appendValue(out, *column.values[row]);
    }
    out.append('}');
}

void appendTexts(QByteArray& out, const std::vector<RunTable::TextColumn>& columns, std::size_t row)
{
    appendObject(out, columns, row, [](QByteArray& o, const auto& value) { JsonText::appendString(o, value); });
}

void appendMetrics(QByteArray& out, const RunTable& table, std::size_t row)
{
    appendObject(out, table.metrics, row, [](QByteArray& o, double value) { JsonText::appendNumber(o, value); });
}

void appendField(QByteArray& out, const char* name, const QString& value, bool nullWhenEmpty = false)
{
    out.append("    \"").append(name).append("\": ");
    if (nullWhenEmpty && value.isEmpty())
        out.append("null");
    else
        JsonText::appendString(out, value);
    out.append(",\n");
}

void appendRun(QByteArray& out, const RunTable& table, std::size_t row)
{
    const RunTable::Row& r = table.rows[row];
    out.append("  {\n");
    appendField(out, "run_id", r.info.runId);
    appendField(out, "experiment_id", r.info.experimentId);
    appendField(out, "experiment_name", r.experimentName);
    appendField(out, "run_name", r.info.runName);
    appendField(out, "status", runStatusName(r.info.status));
    appendField(out, "lifecycle_stage", lifecycleStageName(r.info.lifecycleStage));
    out.append("    \"start_time\": ");
    JsonText::appendInteger(out, r.info.startTime);
    out.append(",\n    \"end_time\": ");
    JsonText::appendInteger(out, r.info.endTime);
    out.append(",\n");
    appendField(out, "user", r.info.userId);
    appendField(out, "parent_run_id", r.parentRunId, true);
    appendField(out, "artifact_uri", r.info.artifactUri);
    out.append("    \"params\": ");
    appendTexts(out, table.params, row);
    out.append(",\n    \"metrics\": ");
    appendMetrics(out, table, row);
    out.append(",\n    \"tags\": ");
    appendTexts(out, table.tags, row);
    out.append("\n  }");
}

QString csvMetric(double value)
{
    if (std::isnan(value))
        return QStringLiteral("NaN");
    if (std::isinf(value))
        return value > 0 ? QStringLiteral("Infinity") : QStringLiteral("-Infinity");
    return DisplayFormat::exactValue(value);
}

QString optionalTime(std::optional<qint64> ms)
{
    return ms ? QString::number(*ms) : QString();
}

QStringList csvHeader(const RunTable& table)
{
    QStringList header { QStringLiteral("run_id"), QStringLiteral("experiment_id"), QStringLiteral("experiment_name"),
        QStringLiteral("run_name"), QStringLiteral("status"), QStringLiteral("lifecycle_stage"),
        QStringLiteral("start_time"), QStringLiteral("end_time"), QStringLiteral("user"),
        QStringLiteral("parent_run_id") };
    for (const auto& column : table.params)
        header << QStringLiteral("params.") + column.key;
    for (const auto& column : table.metrics)
        header << QStringLiteral("metrics.") + column.key;
    for (const auto& column : table.tags)
        header << QStringLiteral("tags.") + column.key;
    return header;
}

QStringList csvRow(const RunTable& table, std::size_t row)
{
    const RunTable::Row& r = table.rows[row];
    QStringList fields { r.info.runId, r.info.experimentId, r.experimentName, r.info.runName,
        runStatusName(r.info.status), lifecycleStageName(r.info.lifecycleStage), optionalTime(r.info.startTime),
        optionalTime(r.info.endTime), r.info.userId, r.parentRunId };
    for (const auto& column : table.params)
        fields << column.values[row].value_or(QString());
    for (const auto& column : table.metrics)
        fields << (column.values[row] ? csvMetric(*column.values[row]) : QString());
    for (const auto& column : table.tags)
        fields << column.values[row].value_or(QString());
    return fields;
}

} // namespace

bool RunTableExport::writeJson(const RunTable& table, QIODevice& out)
{
    Chunks chunks(out);
    chunks.buffer().append('[');
    for (std::size_t row = 0; row < table.rows.size(); ++row) {
        chunks.buffer().append(row == 0 ? "\n" : ",\n");
        appendRun(chunks.buffer(), table, row);
        if (!chunks.maybeFlush())
            return false;
    }
    chunks.buffer().append(table.rows.empty() ? "]\n" : "\n]\n");
    return chunks.flush();
}

bool RunTableExport::writeCsv(const RunTable& table, QIODevice& out)
{
    Chunks chunks(out);
    chunks.buffer() += TabularText::csv({ csvHeader(table) });
    for (std::size_t row = 0; row < table.rows.size(); ++row) {
        chunks.buffer() += TabularText::csv({ csvRow(table, row) });
        if (!chunks.maybeFlush())
            return false;
    }
    return chunks.flush();
}

QByteArray RunTableExport::toText(const RunTable& table)
{
    QList<QStringList> lines { { QStringLiteral("RUN ID"), QStringLiteral("EXPERIMENT"), QStringLiteral("NAME"),
        QStringLiteral("STATUS"), QStringLiteral("STARTED"), QStringLiteral("DURATION"), QStringLiteral("USER") } };
    for (const RunTable::Row& r : table.rows) {
        const QString duration = r.info.startTime && r.info.endTime
            ? DisplayFormat::duration(*r.info.endTime - *r.info.startTime)
            : QString();
        QString status = runStatusName(r.info.status);
        if (r.info.lifecycleStage == LifecycleStage::Deleted)
            status += QStringLiteral(" (deleted)");
        lines.append({ r.info.runId, r.experimentName, r.info.runName, status,
            DisplayFormat::timestamp(r.info.startTime), duration, r.info.userId });
    }
    QByteArray out = TabularText::aligned(lines);
    out += QByteArray::number(static_cast<qulonglong>(table.rows.size()))
        + (table.rows.size() == 1 ? " run\n" : " runs\n");
    return out;
}

} // namespace prov
