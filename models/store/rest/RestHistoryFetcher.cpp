#include "store/rest/RestHistoryFetcher.h"

#include "core/LogCategories.h"
#include "store/rest/MlflowRestJson.h"

#include <QJsonArray>
#include <QRegularExpression>
#include <QSet>
#include <QUrl>

namespace prov {
namespace {

const QString bulkPath = QStringLiteral("/ajax-api/2.0/mlflow/metrics/get-history-bulk");
const QString historyPath = QStringLiteral("/api/2.0/mlflow/metrics/get-history");

// gunicorn refuses request lines over 4,094 bytes; leave room for the method, version and path.
constexpr qsizetype maxRequestLine = 3'600;
// A batch holds at most about this many points in memory while it is handed out.
constexpr qint64 pointsPerBatch = 100'000;
constexpr int runsPerBatch = 100;

qint64 estimate(const RestHistoryFetcher::PlannedKey& key)
{
    return std::clamp<qint64>(key.latestStep + 1, 1, RestHistoryFetcher::bulkCap);
}

QString historyWhat(const QString& key, const QString& runId)
{
    return QStringLiteral("the history of metric '%1' of run %2").arg(key, runId);
}

// "GetMetricHistoryBulk request cannot specify more than 20 run_ids": older servers take fewer.
int runLimitIn(const Error& error)
{
    static const QRegularExpression pattern(QStringLiteral("more than (\\d+) run_ids"));
    const QRegularExpressionMatch match = pattern.match(error.message);
    return match.hasMatch() ? match.captured(1).toInt() : 0;
}

} // namespace

struct RestHistoryFetcher::Batch
{
    enum class State { Planned, Submitted, Finishing, Done };
    struct Chunk
    {
        QString key;
        QStringList runIds;
        RestClient::Call call; // none: the bulk endpoint is not there, read run by run
    };

    QList<PlannedRun> runs;
    std::vector<Chunk> chunks;
    State state = State::Planned;
    QHash<QString, RunPoints> points;
    QHash<QString, Error> errors;
    int taken = 0;
};

RestHistoryFetcher::RestHistoryFetcher(const RestClient& client)
    : m_client(client)
{ }

RestHistoryFetcher::~RestHistoryFetcher() = default;

void RestHistoryFetcher::plan(const QList<PlannedRun>& runs)
{
    const std::lock_guard lock(m_mutex);
    m_batches.clear();
    m_batchOfRun.clear();
    m_expected.clear();
    qint64 points = 0;
    for (const PlannedRun& run : runs) {
        if (run.keys.isEmpty())
            continue;
        if (m_batches.empty() || m_batches.back()->runs.size() >= runsPerBatch || points >= pointsPerBatch) {
            m_batches.push_back(std::make_unique<Batch>());
            points = 0;
        }
        m_batches.back()->runs.append(run);
        m_batchOfRun.insert(run.runId, static_cast<int>(m_batches.size()) - 1);
        for (const PlannedKey& key : run.keys) {
            points += estimate(key);
            m_expected[run.runId].insert(key.key, key);
        }
    }
    qCDebug(lcRest) << "planned" << m_batchOfRun.size() << "runs in" << m_batches.size() << "batches";
}

RestRequest RestHistoryFetcher::bulkRequest(const QString& key, const QStringList& runIds) const
{
    RestRequest request;
    request.path = bulkPath;
    for (const QString& runId : runIds)
        request.query.append({ QStringLiteral("run_id"), runId });
    request.query.append({ QStringLiteral("metric_key"), key });
    request.query.append({ QStringLiteral("max_results"), QString::number(bulkCap) });
    request.what = runIds.size() == 1
        ? historyWhat(key, runIds.first())
        : QStringLiteral("the history of metric '%1' of %2 runs").arg(key).arg(runIds.size());
    return request;
}

QList<QStringList> RestHistoryFetcher::split(const QString& key, const QList<std::pair<QString, qint64>>& runs) const
{
    const qsizetype fixed
        = m_client.options().baseUrl.path().size() + bulkPath.size() + QUrl::toPercentEncoding(key).size() + 48;
    const int maxRuns = std::max(1, m_maxRunsPerRequest.load());
    QList<QStringList> groups;
    qint64 points = 0;
    qsizetype length = fixed;
    for (const auto& [runId, expected] : runs) {
        const qsizetype item = runId.size() + 8; // "&run_id="
        if (groups.isEmpty() || groups.last().size() >= maxRuns || length + item > maxRequestLine
            || (points + expected > bulkCap && !groups.last().isEmpty())) {
            groups.append(QStringList());
            points = 0;
            length = fixed;
        }
        groups.last().append(runId);
        points += expected;
        length += item;
    }
    return groups;
}

void RestHistoryFetcher::submit(Batch& batch)
{
    batch.state = Batch::State::Submitted;
    QStringList keys;
    QHash<QString, QList<std::pair<QString, qint64>>> runsOfKey;
    for (const PlannedRun& run : std::as_const(batch.runs)) {
        for (const PlannedKey& key : run.keys) {
            if (!runsOfKey.contains(key.key))
                keys << key.key;
            runsOfKey[key.key].append({ run.runId, estimate(key) });
        }
    }
    for (const QString& key : std::as_const(keys)) {
        for (const QStringList& group : split(key, runsOfKey.value(key))) {
            RestClient::Call call = m_bulkAvailable ? m_client.start(bulkRequest(key, group)) : nullptr;
            batch.chunks.push_back(Batch::Chunk { key, group, std::move(call) });
        }
    }
}

void RestHistoryFetcher::finish(Batch& batch, const CancellationToken& cancel)
{
    for (Batch::Chunk& chunk : batch.chunks) {
        if (chunk.call) {
            takeBulk(batch, chunk.key, chunk.runIds, m_client.wait(chunk.call, cancel), cancel);
        } else {
            for (const QString& runId : std::as_const(chunk.runIds))
                completeOne(batch, runId, chunk.key, cancel);
        }
        chunk.call.reset();
    }
}

void RestHistoryFetcher::fetchBulk(
    Batch& batch, const QString& key, const QStringList& runIds, const CancellationToken& cancel)
{
    QList<std::pair<QString, qint64>> runs;
    for (const QString& runId : runIds)
        runs.append({ runId, estimate(m_expected.value(runId).value(key)) });
    for (const QStringList& group : split(key, runs)) {
        if (!m_bulkAvailable) {
            for (const QString& runId : group)
                completeOne(batch, runId, key, cancel);
            continue;
        }
        takeBulk(batch, key, group, m_client.send(bulkRequest(key, group), cancel), cancel);
    }
}

void RestHistoryFetcher::takeBulk(Batch& batch, const QString& key, const QStringList& runIds,
    const Result<RestReply>& reply, const CancellationToken& cancel)
{
    if (!reply) {
        const Error& error = reply.error();
        if (const int limit = runLimitIn(error);
            error.code == ErrorCode::InvalidArgument && limit > 0 && limit < runIds.size()) {
            qCInfo(lcRest) << "the server takes at most" << limit << "runs per bulk request";
            m_maxRunsPerRequest = limit;
            fetchBulk(batch, key, runIds, cancel);
            return;
        }
        if (error.code == ErrorCode::Unsupported) { // no bulk endpoint (404): one run at a time
            qCInfo(lcRest) << "the server has no bulk history endpoint; reading histories one by one";
            m_bulkAvailable = false;
            for (const QString& runId : runIds)
                completeOne(batch, runId, key, cancel);
            return;
        }
        for (const QString& runId : runIds)
            batch.errors.insert(runId, error);
        return;
    }
    const QJsonArray metrics = reply->json.value(QLatin1String("metrics")).toArray();
    RunPoints got;
    QString lastRun;
    bool contiguous = true;
    for (const QJsonValue& value : metrics) {
        const QJsonObject metric = value.toObject();
        const QString runId = metric.value(QLatin1String("run_id")).toString();
        if (runId != lastRun) {
            contiguous = contiguous && !got.contains(runId);
            lastRun = runId;
        }
        if (const auto point = MlflowRestJson::metricPoint(metric))
            got[runId].push_back(*point);
    }
    const bool capped = metrics.size() >= bulkCap;
    QStringList again;
    for (const QString& runId : runIds) {
        // At the cap, the run whose points came last may be cut and runs not reached are absent.
        if (capped && (!contiguous || runId == lastRun)) {
            completeOne(batch, runId, key, cancel);
            continue;
        }
        if (capped && !got.contains(runId)) {
            again << runId;
            continue;
        }
        Points points = got.take(runId);
        const PlannedKey expected = m_expected.value(runId).value(key);
        const bool hasLatest = expected.key.isEmpty() || std::any_of(points.begin(), points.end(), [&](const auto& p) {
            return p.step == expected.latestStep && p.timestamp == expected.latestTimestamp;
        });
        if (hasLatest)
            batch.points[runId].insert(key, std::move(points));
        else
            completeOne(batch, runId, key, cancel); // cut short by a cap of another size
    }
    if (!again.isEmpty())
        fetchBulk(batch, key, again, cancel);
}

void RestHistoryFetcher::completeOne(
    Batch& batch, const QString& runId, const QString& key, const CancellationToken& cancel)
{
    auto points = fetchPaged(runId, key, cancel);
    if (points)
        batch.points[runId].insert(key, std::move(points).value());
    else
        batch.errors.insert(runId, points.error());
}

Result<RestHistoryFetcher::Points> RestHistoryFetcher::fetchPaged(
    const QString& runId, const QString& key, const CancellationToken& cancel) const
{
    Points points;
    QSet<QString> seen;
    QString token;
    for (;;) {
        RestRequest request;
        request.path = historyPath;
        request.query.append({ QStringLiteral("run_id"), runId });
        request.query.append({ QStringLiteral("metric_key"), key });
        request.query.append({ QStringLiteral("max_results"), QString::number(bulkCap) });
        if (!token.isEmpty())
            request.query.append({ QStringLiteral("page_token"), token });
        request.what = historyWhat(key, runId);
        auto reply = m_client.send(request, cancel);
        if (!reply)
            return reply.error();
        for (const QJsonValue& value : reply->json.value(QLatin1String("metrics")).toArray()) {
            if (const auto point = MlflowRestJson::metricPoint(value.toObject()))
                points.push_back(*point);
        }
        token = reply->json.value(QLatin1String("next_page_token")).toString();
        if (token.isEmpty())
            return points;
        if (seen.contains(token))
            return makeError(ErrorCode::Corrupt,
                QStringLiteral("could not read %1: the server sent the same page token twice; reading stopped")
                    .arg(historyWhat(key, runId)),
                m_client.options().baseUrl.toString());
        seen.insert(token);
    }
}

Result<MetricRead> RestHistoryFetcher::readDirect(
    const QString& runId, const QStringList& keys, const CancellationToken& cancel)
{
    MetricRead read;
    for (const QString& key : keys) {
        auto points = fetchPaged(runId, key, cancel);
        if (!points)
            return points.error();
        if (!points->empty())
            read.histories.append(MetricHistoryRead { key, MetricHistory::fromPoints(std::move(points).value()) });
    }
    return read;
}

Result<MetricRead> RestHistoryFetcher::read(
    const QString& runId, const QStringList& keys, const CancellationToken& cancel)
{
    std::unique_lock lock(m_mutex);
    const auto found = m_batchOfRun.constFind(runId);
    if (found == m_batchOfRun.cend()) {
        lock.unlock();
        return readDirect(runId, keys, cancel);
    }
    const int index = *found;
    m_batchOfRun.erase(found);
    Batch* batch = m_batches[static_cast<size_t>(index)].get();
    if (batch->state == Batch::State::Planned)
        submit(*batch);
    if (static_cast<size_t>(index) + 1 < m_batches.size()) { // the next batch travels while this one is used
        Batch* next = m_batches[static_cast<size_t>(index) + 1].get();
        if (next && next->state == Batch::State::Planned)
            submit(*next);
    }
    while (batch->state != Batch::State::Done) {
        if (batch->state == Batch::State::Submitted) {
            batch->state = Batch::State::Finishing;
            lock.unlock();
            finish(*batch, cancel);
            lock.lock();
            batch->state = Batch::State::Done;
            m_changed.notify_all();
            break;
        }
        m_changed.wait_for(lock, std::chrono::milliseconds(50));
        if (cancel.isCancelled())
            return makeError(ErrorCode::Cancelled, QStringLiteral("sync cancelled; what was read so far is kept"));
    }
    std::optional<Error> error;
    if (const auto e = batch->errors.constFind(runId); e != batch->errors.cend())
        error = *e;
    RunPoints points = batch->points.take(runId);
    batch->errors.remove(runId);
    if (++batch->taken == batch->runs.size())
        m_batches[static_cast<size_t>(index)].reset();
    lock.unlock();
    if (error)
        return *error;
    MetricRead read;
    QStringList unplanned;
    for (const QString& key : keys) {
        const auto it = points.find(key);
        if (it == points.end())
            unplanned << key;
        else if (!it->empty())
            read.histories.append(MetricHistoryRead { key, MetricHistory::fromPoints(std::move(*it)) });
    }
    if (!unplanned.isEmpty()) {
        auto rest = readDirect(runId, unplanned, cancel);
        if (!rest)
            return rest.error();
        read.histories += rest->histories;
    }
    return read;
}

} // namespace prov
