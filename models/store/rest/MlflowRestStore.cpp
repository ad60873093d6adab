#include "store/rest/MlflowRestStore.h"

#include "core/LogCategories.h"
#include "store/rest/MlflowRestJson.h"
#include "store/rest/MlflowRestModels.h"
#include "store/rest/RestPager.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QMutexLocker>

#include <deque>

namespace prov {
namespace {

const QString api = QStringLiteral("/api/2.0/mlflow/");
constexpr int pageSize = 1000;
// A run's artifact tree is listed folder by folder; a tree of more folders is cut (with an issue).
constexpr int maxArtifactFolders = 1000;

RestRequest post(const QString& endpoint, const QJsonObject& body, const QString& what)
{
    RestRequest request;
    request.method = QByteArrayLiteral("POST");
    request.path = api + endpoint;
    request.body = QJsonDocument(body).toJson(QJsonDocument::Compact);
    request.what = what;
    return request;
}

QByteArray fingerprintOf(const QJsonObject& run)
{
    // QJsonObject keeps keys sorted, so equal content gives equal bytes.
    return QCryptographicHash::hash(QJsonDocument(run).toJson(QJsonDocument::Compact), QCryptographicHash::Sha1)
        .toHex();
}

// The fingerprint MlflowRestJson made of a metric's latest point: "step:timestamp:value".
RestHistoryFetcher::PlannedKey plannedKey(const MetricStamp& stamp)
{
    const QList<QByteArray> parts = stamp.fingerprint.split(':');
    return { stamp.key, parts.value(0).toLongLong(), parts.value(1).toLongLong() };
}

bool stopsTheRead(const Error& error)
{
    return error.code == ErrorCode::Cancelled || error.code == ErrorCode::Unreachable
        || error.code == ErrorCode::AccessDenied;
}

} // namespace

MlflowRestStore::MlflowRestStore(StoreLocation location, RestOptions options)
    : m_location(std::move(location))
    , m_client(std::move(options))
    , m_histories(m_client)
{ }

MlflowRestStore::~MlflowRestStore() = default;

StoreDescription MlflowRestStore::describe() const
{
    const QString major = m_version.section(QLatin1Char('.'), 0, 0);
    return StoreDescription { m_location.kindName(), m_version,
        major.isEmpty() ? QString() : QStringLiteral("MLflow %1.x").arg(major) };
}

Result<ExperimentScan> MlflowRestStore::scanExperiments(const CancellationToken& cancel) const
{
    m_cancel = cancel;
    RestRequest version;
    version.path = QStringLiteral("/version");
    version.what = QStringLiteral("the server's version");
    version.expectsText = true;
    if (auto reply = m_client.send(version, cancel); reply && reply->text.size() < 40)
        m_version = QString::fromUtf8(reply->text).trimmed();
    else if (!reply && stopsTheRead(reply.error()))
        return reply.error();
    ExperimentScan scan;
    const auto request = [](const QString& token) {
        QJsonObject body { { QStringLiteral("max_results"), pageSize },
            { QStringLiteral("view_type"), QStringLiteral("ALL") } };
        if (!token.isEmpty())
            body.insert(QStringLiteral("page_token"), token);
        return post(QStringLiteral("experiments/search"), body, QStringLiteral("the list of experiments"));
    };
    const auto take = [&](const QJsonObject& page) {
        for (const QJsonValue& item : page.value(QLatin1String("experiments")).toArray()) {
            if (auto experiment = MlflowRestJson::experiment(item.toObject()))
                scan.experiments.append(std::move(*experiment));
            else
                scan.issues.append({ StoreIssue::Severity::Error, m_location.uri,
                    QStringLiteral("an experiment without an id or with an unknown lifecycle stage is skipped"), {},
                    {} });
        }
    };
    if (Status s = RestPager::readAll(m_client, request, take, cancel); !s)
        return s.error();
    std::sort(scan.experiments.begin(), scan.experiments.end(),
        [](const Experiment& a, const Experiment& b) { return a.name < b.name; });
    return scan;
}

Result<RunScan> MlflowRestStore::scanRuns(const Experiment& experiment, const CancellationToken& cancel) const
{
    RunScan scan;
    QHash<QString, RunRecord> records;
    const QString what = QStringLiteral("the runs of experiment '%1'").arg(experiment.name);
    const auto request = [&](const QString& token) {
        QJsonObject body { { QStringLiteral("experiment_ids"), QJsonArray { experiment.experimentId } },
            { QStringLiteral("max_results"), pageSize }, { QStringLiteral("run_view_type"), QStringLiteral("ALL") } };
        if (!token.isEmpty())
            body.insert(QStringLiteral("page_token"), token);
        return post(QStringLiteral("runs/search"), body, what);
    };
    const auto take = [&](const QJsonObject& page) {
        for (const QJsonValue& item : page.value(QLatin1String("runs")).toArray()) {
            const QJsonObject json = item.toObject();
            auto record = MlflowRestJson::run(json);
            if (!record) {
                scan.issues.append({ StoreIssue::Severity::Error, m_location.uri,
                    QStringLiteral("a run without an id or with an unknown status is skipped"), experiment.experimentId,
                    {} });
                continue;
            }
            scan.runs.append(RunStamp { record->info.runId, experiment.experimentId, fingerprintOf(json), {} });
            records.insert(record->info.runId, std::move(*record));
        }
    };
    if (Status s = RestPager::readAll(m_client, request, take, cancel); !s)
        return s.error();
    std::sort(
        scan.runs.begin(), scan.runs.end(), [](const RunStamp& a, const RunStamp& b) { return a.runId < b.runId; });
    const QMutexLocker lock(&m_mutex);
    m_scanned.insert(records);
    return scan;
}

void MlflowRestStore::prepareReads(const QList<RunStamp>& runs, const MetricIsCurrent& isCurrent) const
{
    QList<RestHistoryFetcher::PlannedRun> plan;
    {
        const QMutexLocker lock(&m_mutex);
        QHash<QString, RunRecord> wanted;
        for (const RunStamp& stamp : runs) {
            auto it = m_scanned.find(stamp.runId);
            if (it == m_scanned.end())
                continue;
            RestHistoryFetcher::PlannedRun planned { stamp.runId, {} };
            for (const MetricStamp& metric : std::as_const(it->metrics)) {
                if (!isCurrent(stamp, metric))
                    planned.keys.append(plannedKey(metric));
            }
            plan.append(std::move(planned));
            wanted.insert(stamp.runId, std::move(*it));
        }
        m_scanned = std::move(wanted); // unchanged runs need nothing more
    }
    m_histories.plan(plan);
}

Result<RunRecord> MlflowRestStore::fetchRun(const QString& runId) const
{
    RestRequest request;
    request.path = api + QStringLiteral("runs/get");
    request.query.append({ QStringLiteral("run_id"), runId });
    request.what = QStringLiteral("run %1").arg(runId);
    auto reply = m_client.send(request, m_cancel);
    if (!reply)
        return reply.error();
    auto record = MlflowRestJson::run(reply->json.value(QLatin1String("run")).toObject());
    if (!record)
        return makeError(ErrorCode::Corrupt, QStringLiteral("the server's answer holds no usable run"), m_location.uri);
    return std::move(*record);
}

Status MlflowRestStore::listArtifacts(RunRecord& record) const
{
    std::deque<QString> folders { QString() };
    int listed = 0;
    while (!folders.empty()) {
        if (++listed > maxArtifactFolders) {
            record.issues.append({ StoreIssue::Severity::Warning, m_location.uri,
                QStringLiteral("the artifact tree has more than %1 folders; only those are listed")
                    .arg(maxArtifactFolders),
                record.info.experimentId, record.info.runId });
            break;
        }
        RestRequest request;
        request.path = api + QStringLiteral("artifacts/list");
        request.query.append({ QStringLiteral("run_id"), record.info.runId });
        if (!folders.front().isEmpty())
            request.query.append({ QStringLiteral("path"), folders.front() });
        request.what = QStringLiteral("the artifacts of run %1").arg(record.info.runId);
        folders.pop_front();
        auto reply = m_client.send(request, m_cancel);
        if (!reply) {
            if (stopsTheRead(reply.error()))
                return reply.error();
            record.issues.append({ StoreIssue::Severity::Warning, reply.error().location, reply.error().message,
                record.info.experimentId, record.info.runId });
            break;
        }
        for (const QJsonValue& item : reply->json.value(QLatin1String("files")).toArray()) {
            const QJsonObject file = item.toObject();
            const QString path = file.value(QLatin1String("path")).toString();
            const bool isDir = file.value(QLatin1String("is_dir")).toBool();
            if (path.isEmpty())
                continue;
            record.artifacts.append(ArtifactEntry {
                path, isDir, isDir ? 0 : MlflowRestJson::int64(file.value(QLatin1String("file_size"))).value_or(0) });
            if (isDir)
                folders.push_back(path);
        }
    }
    std::sort(record.artifacts.begin(), record.artifacts.end(),
        [](const ArtifactEntry& a, const ArtifactEntry& b) { return a.path < b.path; });
    return {};
}

Result<RunRecord> MlflowRestStore::readRun(const RunStamp& run) const
{
    std::optional<RunRecord> scanned;
    {
        const QMutexLocker lock(&m_mutex);
        if (auto it = m_scanned.find(run.runId); it != m_scanned.end()) {
            scanned = std::move(*it);
            m_scanned.erase(it);
        }
    }
    RunRecord record;
    if (scanned) {
        record = std::move(*scanned);
    } else {
        auto fetched = fetchRun(run.runId);
        if (!fetched)
            return fetched.error();
        record = std::move(fetched).value();
    }
    if (Status s = listArtifacts(record); !s)
        return s.error();
    return record;
}

Result<MetricRead> MlflowRestStore::readMetrics(const RunStamp& run, const QStringList& keys) const
{
    return m_histories.read(run.runId, keys, m_cancel);
}

Result<LoggedModelScan> MlflowRestStore::scanLoggedModels(const Experiment& experiment) const
{
    if (!m_hasLoggedModels)
        return LoggedModelScan();
    auto scan = MlflowRestModels(m_client).loggedModels(experiment, m_cancel);
    if (!scan && (scan.error().code == ErrorCode::Unsupported || scan.error().code == ErrorCode::NotFound)) {
        qCInfo(lcRest) << "the server has no logged models (MLflow 2.x):" << scan.error().describe();
        m_hasLoggedModels = false; // a 2.x server answers 404: nothing to read, not an error
        return LoggedModelScan();
    }
    return scan;
}

Result<RegistryScan> MlflowRestStore::scanRegistry() const
{
    return MlflowRestModels(m_client).registry(m_cancel);
}

StoreTraffic MlflowRestStore::traffic() const
{
    const RestTraffic t = m_client.traffic();
    return StoreTraffic { t.requests, t.bytesReceived };
}

} // namespace prov
