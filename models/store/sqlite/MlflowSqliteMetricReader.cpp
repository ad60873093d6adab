#include "store/sqlite/MlflowSqliteMetricReader.h"

#include "store/sqlite/MlflowSqliteContext.h"
#include "store/sqlite/MlflowSqliteFingerprint.h"
#include "store/sqlite/MlflowSqliteReadTransaction.h"

#include <QHash>

#include <algorithm>
#include <limits>
#include <utility>
#include <vector>

namespace prov {
namespace {

// SQLite's default limit on bound parameters is 32766; stay far below it.
constexpr qsizetype maxKeysPerQuery = 500;

// `+key` keeps the planner off the (key, ...) primary key: with `key IN (...)` it would
// rather scan every run's points of those keys than the run's own index range.
QString historyQuery(qsizetype keyCount)
{
    QString sql
        = QStringLiteral("SELECT key, step, timestamp, value, is_nan FROM metrics WHERE run_uuid = ?1 AND +key IN (");
    for (qsizetype i = 0; i < keyCount; ++i)
        sql += (i ? QStringLiteral(", ?") : QStringLiteral("?")) + QString::number(i + 2);
    return sql + QLatin1Char(')');
}

// Groups a run's metric rows by key (column 0) as they arrive. Grouping here instead of
// ORDER BY / GROUP BY in SQL saves SQLite's sorter, which doubled to tripled the cost of
// reading a run. Keys are matched by their stored UTF-8 bytes, so no row needs a QString.
template<typename T> class KeyGroups
{
public:
    T& of(const SqliteStatement& stmt)
    {
        const auto* data = static_cast<const char*>(stmt.blobData(0));
        const int size = stmt.blobSize(0);
        auto it = m_index.constFind(QByteArray::fromRawData(data, size)); // a view, no copy
        if (it == m_index.constEnd()) {
            m_groups.emplace_back(QString::fromUtf8(data, size), T());
            it = m_index.insert(QByteArray(data, size), static_cast<qsizetype>(m_groups.size()) - 1);
        }
        return m_groups[static_cast<size_t>(*it)].second;
    }

    std::vector<std::pair<QString, T>>& groups() { return m_groups; }

private:
    QHash<QByteArray, qsizetype> m_index;
    std::vector<std::pair<QString, T>> m_groups;
};

struct KeySummary
{
    qint64 count = 0;
    qint64 maxTimestamp = std::numeric_limits<qint64>::min();
    qint64 maxStep = std::numeric_limits<qint64>::min();
    MlflowSqliteFingerprint latest; // the key's latest_metrics row, if any
};

bool stampLess(const MetricStamp& a, const MetricStamp& b)
{
    return a.key < b.key;
}

} // namespace

MlflowSqliteMetricReader::MlflowSqliteMetricReader(const MlflowSqliteContext& context)
    : m_context(context)
{ }

Result<QList<MetricStamp>> MlflowSqliteMetricReader::stamps(const QString& runId) const
{
    KeyGroups<KeySummary> keys;
    auto points = m_context.prepare(QStringLiteral("SELECT key, timestamp, step FROM metrics WHERE run_uuid = ?1"));
    if (!points)
        return points.error();
    points->bind(1, runId);
    while (points->step()) {
        KeySummary& summary = keys.of(*points);
        ++summary.count;
        summary.maxTimestamp = std::max(summary.maxTimestamp, points->int64(1));
        summary.maxStep = std::max(summary.maxStep, points->int64(2));
    }
    if (auto status = m_context.finished(*points); !status)
        return status.error();

    auto latest = m_context.prepare(
        QStringLiteral("SELECT key, value, is_nan, step, timestamp FROM latest_metrics WHERE run_uuid = ?1"));
    if (!latest)
        return latest.error();
    latest->bind(1, runId);
    while (latest->step()) {
        keys.of(*latest).latest.addRow('L', *latest, 1, QLatin1StringView("riii"));
    }
    if (auto status = m_context.finished(*latest); !status)
        return status.error();

    QList<MetricStamp> stamps;
    for (const auto& [key, summary] : keys.groups()) {
        if (summary.count == 0)
            continue; // a latest_metrics row without points: no history to stamp
        MlflowSqliteFingerprint print;
        print.addInt('n', summary.count);
        print.addInt('t', summary.maxTimestamp);
        print.addInt('s', summary.maxStep);
        print.add('l', summary.latest);
        stamps.append(MetricStamp { key, print.result() });
    }
    std::sort(stamps.begin(), stamps.end(), stampLess);
    return stamps;
}

void MlflowSqliteMetricReader::reportMissing(const QString& runId, const QStringList& wanted, MetricRead& read) const
{
    // Both lists are sorted by key: walk them together.
    qsizetype found = 0;
    for (const QString& key : wanted) {
        while (found < read.histories.size() && read.histories.at(found).key < key)
            ++found;
        if (found < read.histories.size() && read.histories.at(found).key == key)
            continue;
        StoreIssue issue = m_context.issue(QStringLiteral("metrics"), runId + QLatin1Char('/') + key,
            QStringLiteral("metric '%1' has no points (any more); not read").arg(key), {}, runId);
        issue.severity = StoreIssue::Severity::Warning;
        read.issues.append(issue);
    }
}

Result<MetricRead> MlflowSqliteMetricReader::histories(const QString& runId, const QStringList& keys) const
{
    QStringList wanted = keys;
    std::sort(wanted.begin(), wanted.end());
    wanted.erase(std::unique(wanted.begin(), wanted.end()), wanted.end());
    MetricRead read;
    // One snapshot for every chunk: a batch MLflow commits meanwhile is in all of them or none.
    const MlflowSqliteReadTransaction snapshot(m_context);
    if (!snapshot.status())
        return snapshot.status().error();
    for (qsizetype first = 0; first < wanted.size(); first += maxKeysPerQuery) {
        const QStringList chunk = wanted.mid(first, maxKeysPerQuery);
        auto stmt = m_context.prepare(historyQuery(chunk.size()));
        if (!stmt)
            return stmt.error();
        stmt->bind(1, runId);
        for (qsizetype i = 0; i < chunk.size(); ++i)
            stmt->bind(static_cast<int>(i + 2), chunk.at(i));
        KeyGroups<std::vector<MetricPoint>> points;
        while (stmt->step()) {
            const bool isNan = stmt->isNull(3) || stmt->int64(4) != 0;
            points.of(*stmt).push_back(
                MetricPoint { stmt->int64(1), stmt->int64(2), MlflowSqliteContext::metricValue(stmt->real(3), isNan) });
        }
        if (auto status = m_context.finished(*stmt); !status)
            return status.error();
        // Points of one key arrive in logging order, usually sorted already: fromPoints checks.
        for (auto& [key, history] : points.groups())
            read.histories.append(MetricHistoryRead { key, MetricHistory::fromPoints(std::move(history)) });
    }
    // The domain orders keys as QStrings (UTF-16), not by their UTF-8 bytes as SQLite would.
    std::sort(read.histories.begin(), read.histories.end(),
        [](const MetricHistoryRead& a, const MetricHistoryRead& b) { return a.key < b.key; });
    reportMissing(runId, wanted, read);
    return read;
}

} // namespace prov
