#include "query/RunTableExport.h"

#include "core/DisplayFormat.h"
#include "core/TabularText.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <cmath>

namespace prov {
namespace {

    QJsonValue jsonMetric(double value)
    {
        if (std::isnan(value))
            return QStringLiteral("NaN");
        if (std::isinf(value))
            return value > 0 ? QStringLiteral("Infinity") : QStringLiteral("-Infinity");
        return value;
    }

    QJsonValue jsonTime(std::optional<qint64> ms)
    {
        return ms ? QJsonValue(*ms) : QJsonValue(QJsonValue::Null);
    }

    QJsonObject textColumns(const std::vector<RunTable::TextColumn>& columns, std::size_t row)
    {
        QJsonObject object;
        for (const RunTable::TextColumn& column : columns) {
            if (column.values[row])
                object.insert(column.key, *column.values[row]);
        }
        return object;
    }

    QJsonObject runObject(const RunTable& table, std::size_t row)
    {
        const RunTable::Row& r = table.rows[row];
        QJsonObject metrics;
        for (const RunTable::NumberColumn& column : table.metrics) {
            if (column.values[row])
                metrics.insert(column.key, jsonMetric(*column.values[row]));
        }
        return QJsonObject {
            { QStringLiteral("run_id"), r.info.runId },
            { QStringLiteral("experiment_id"), r.info.experimentId },
            { QStringLiteral("experiment_name"), r.experimentName },
            { QStringLiteral("run_name"), r.info.runName },
            { QStringLiteral("status"), runStatusName(r.info.status) },
            { QStringLiteral("lifecycle_stage"), lifecycleStageName(r.info.lifecycleStage) },
            { QStringLiteral("start_time"), jsonTime(r.info.startTime) },
            { QStringLiteral("end_time"), jsonTime(r.info.endTime) },
            { QStringLiteral("user"), r.info.userId },
            { QStringLiteral("parent_run_id"), r.parentRunId.isEmpty() ? QJsonValue() : QJsonValue(r.parentRunId) },
            { QStringLiteral("artifact_uri"), r.info.artifactUri },
            { QStringLiteral("params"), textColumns(table.params, row) },
            { QStringLiteral("metrics"), metrics },
            { QStringLiteral("tags"), textColumns(table.tags, row) },
        };
    }

    QString csvMetric(double value)
    {
        const QJsonValue v = jsonMetric(value);
        return v.isString() ? v.toString() : DisplayFormat::exactValue(value);
    }

    QString optionalTime(std::optional<qint64> ms)
    {
        return ms ? QString::number(*ms) : QString();
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

QByteArray RunTableExport::toJson(const RunTable& table)
{
    QJsonArray runs;
    for (std::size_t row = 0; row < table.rows.size(); ++row)
        runs.append(runObject(table, row));
    return QJsonDocument(runs).toJson(QJsonDocument::Indented);
}

QByteArray RunTableExport::toCsv(const RunTable& table)
{
    QStringList header { QStringLiteral("run_id"), QStringLiteral("experiment_id"), QStringLiteral("experiment_name"),
        QStringLiteral("run_name"), QStringLiteral("status"), QStringLiteral("lifecycle_stage"),
        QStringLiteral("start_time"), QStringLiteral("end_time"), QStringLiteral("user"), QStringLiteral("parent_run_id") };
    for (const auto& column : table.params)
        header << QStringLiteral("params.") + column.key;
    for (const auto& column : table.metrics)
        header << QStringLiteral("metrics.") + column.key;
    for (const auto& column : table.tags)
        header << QStringLiteral("tags.") + column.key;
    QList<QStringList> rows { header };
    for (std::size_t row = 0; row < table.rows.size(); ++row)
        rows.append(csvRow(table, row));
    return TabularText::csv(rows);
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
        lines.append({ r.info.runId, r.experimentName, r.info.runName, status, DisplayFormat::timestamp(r.info.startTime),
            duration, r.info.userId });
    }
    QByteArray out = TabularText::aligned(lines);
    out += QByteArray::number(static_cast<qulonglong>(table.rows.size())) + (table.rows.size() == 1 ? " run\n" : " runs\n");
    return out;
}

} // namespace prov
