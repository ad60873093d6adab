#include "sync/SyncSession.h"

#include "cache/CacheWriter.h"
#include "core/LogCategories.h"
#include "journal/BindingRecorder.h"
#include "store/StoreReader.h"
#include "sync/CachedRunState.h"
#include "sync/RunReadPipeline.h"

#include <QDateTime>
#include <QSet>

#include <boost/uuid/random_generator.hpp>
#include <boost/uuid/uuid_io.hpp>

namespace prov {
namespace {

Error cancelledError()
{
    return makeError(ErrorCode::Cancelled, QStringLiteral("sync cancelled; runs read so far are kept"));
}

Status inTransaction(CacheWriter& writer, const std::function<Status()>& work)
{
    if (Status s = writer.begin(); !s)
        return s;
    Status s = work();
    if (!s) {
        writer.rollback();
        return s;
    }
    return writer.commit();
}

} // namespace

SyncSession::SyncSession(const StoreReader& reader, CacheWriter& writer, const CancellationToken& cancel,
    const SyncProgressCallback& progress)
    : m_reader(reader)
    , m_writer(writer)
    , m_cancel(cancel)
    , m_progress(progress)
{
    m_timer.start();
    m_summary.storeUri = reader.location().uri;
    m_summary.record.syncId = QString::fromStdString(boost::uuids::to_string(boost::uuids::random_generator()()));
    m_summary.record.started = QDateTime::currentMSecsSinceEpoch();
}

void SyncSession::noteJournalProblem(const Error& error)
{
    qCWarning(lcSync) << "journal:" << error.describe();
    // JournalDatabase's own errors are sentences; SQLite's raw text stays in the log.
    const QString why = error.code == ErrorCode::Database ? QStringLiteral("the journal refused the write (details in "
                                                                           "the log)")
                                                          : error.message;
    m_storeIssues.append({ StoreIssue::Severity::Warning, error.location,
        QStringLiteral("the alias and stage history could not be recorded: ") + why, {}, {} });
}

void SyncSession::report(SyncProgress::Phase phase, qint64 done, qint64 total, const QString& message)
{
    if (m_progress) {
        const StoreTraffic traffic = m_reader.traffic();
        m_progress(SyncProgress { phase, done, total, m_pointsRead, message, traffic.requests, traffic.bytesReceived });
    }
}

Status SyncSession::scanExperiments()
{
    report(SyncProgress::Phase::Scanning, 0, 0, QStringLiteral("Listing experiments"));
    auto scan = m_reader.scanExperiments(m_cancel);
    if (!scan)
        return scan.error();
    m_experiments = scan->experiments;
    m_storeIssues += scan->issues;
    QStringList ids;
    for (const Experiment& e : std::as_const(m_experiments))
        ids << e.experimentId;
    return inTransaction(m_writer, [&] {
        Status s = m_writer.writeStoreInfo(m_reader.location(), m_reader.describe());
        if (s)
            s = m_writer.writeExperiments(m_experiments);
        if (s)
            s = m_writer.removeExperimentsExcept(ids);
        return s;
    });
}

Status SyncSession::scan(const CachedRunState& cached)
{
    if (Status s = scanExperiments(); !s)
        return s;
    m_summary.record.experiments = m_experiments.size();
    for (qsizetype i = 0; i < m_experiments.size(); ++i) {
        if (m_cancel.isCancelled())
            return cancelledError();
        const Experiment& experiment = m_experiments[i];
        report(SyncProgress::Phase::Scanning, i, m_experiments.size(), experiment.name);
        auto runs = m_reader.scanRuns(experiment, m_cancel);
        if (!runs) {
            m_storeIssues.append({ StoreIssue::Severity::Error, runs.error().location,
                QStringLiteral("runs could not be listed: ") + runs.error().message, experiment.experimentId, {} });
            continue;
        }
        m_storeIssues += runs->issues;
        QSet<QString> present;
        for (const RunStamp& stamp : std::as_const(runs->runs)) {
            present.insert(stamp.runId);
            if (cached.runIsCurrent(stamp.runId, stamp.fingerprint))
                ++m_summary.runsUnchanged;
            else
                m_toRead.append(stamp);
        }
        m_summary.record.runs += runs->runs.size();
        if (!runs->complete)
            continue; // runs we could not see may still exist: keep their cached copies
        for (const QString& runId : cached.runsOfExperiment(experiment.experimentId)) {
            if (!present.contains(runId))
                m_toRemove << runId;
        }
    }
    return {};
}

Status SyncSession::syncRuns(RunReadPipeline& pipeline)
{
    const qint64 total = m_toRead.size();
    report(SyncProgress::Phase::Reading, 0, total, QStringLiteral("Reading runs"));
    auto outcome = pipeline.run(m_toRead, m_cancel, [this, total](qint64 done, qint64 points) {
        m_pointsRead = points;
        report(SyncProgress::Phase::Reading, done, total, QStringLiteral("Reading runs"));
    });
    if (!outcome)
        return outcome.error();
    m_summary.record.runsRead = outcome->runsRead;
    if (outcome->cancelled)
        return cancelledError();
    m_summary.runsRemoved = m_toRemove.size();
    return inTransaction(m_writer, [this] {
        Status s = m_writer.runs().remove(m_toRemove);
        for (qsizetype i = 0; s && i < m_toRemove.size(); ++i)
            s = m_writer.registry().replaceRunHistoryModels(m_toRemove[i], {});
        return s;
    });
}

Status SyncSession::syncModels()
{
    report(SyncProgress::Phase::Registry, 0, 0, QStringLiteral("Reading models and the registry"));
    QList<std::pair<QString, LoggedModelScan>> loggedModels;
    for (const Experiment& experiment : std::as_const(m_experiments)) {
        auto scan = m_reader.scanLoggedModels(experiment);
        if (!scan) {
            m_storeIssues.append({ StoreIssue::Severity::Error, scan.error().location,
                QStringLiteral("logged models could not be read: ") + scan.error().message, experiment.experimentId,
                {} });
            continue;
        }
        m_storeIssues += scan->issues;
        loggedModels.append({ experiment.experimentId, std::move(scan).value() });
    }
    auto registry = m_reader.scanRegistry();
    if (!registry) {
        m_storeIssues.append({ StoreIssue::Severity::Error, registry.error().location,
            QStringLiteral("the model registry could not be read: ") + registry.error().message, {}, {} });
    } else {
        m_storeIssues += registry->issues;
    }
    const qint64 observedAt = QDateTime::currentMSecsSinceEpoch();
    if (m_journal && registry) {
        if (Status s = BindingRecorder(*m_journal).record(registry->models, observedAt, m_summary.record.syncId); !s)
            noteJournalProblem(s.error());
    }
    return inTransaction(m_writer, [&] {
        Status s;
        for (qsizetype i = 0; s && i < loggedModels.size(); ++i)
            s = m_writer.registry().replaceLoggedModels(
                loggedModels[i].first, LoggedModel::Origin::LoggedModelEntity, loggedModels[i].second.models);
        if (s && registry)
            s = m_writer.registry().replaceRegistry(registry->models);
        if (s)
            s = m_writer.replaceStoreIssues(m_storeIssues);
        return s;
    });
}

Status SyncSession::recordOutcome(const QString& outcome)
{
    const StoreTraffic traffic = m_reader.traffic();
    m_summary.requests = traffic.requests;
    m_summary.bytesReceived = traffic.bytesReceived;
    SyncRecord& r = m_summary.record;
    r.outcome = outcome;
    r.finished = QDateTime::currentMSecsSinceEpoch();
    const SqliteDatabase& db = m_writer.database();
    r.metricPoints = db.queryInt(QStringLiteral("SELECT coalesce(sum(point_count), 0) FROM latest_metrics")).valueOr(0);
    r.issues = db.queryInt(QStringLiteral("SELECT count(*) FROM issues")).valueOr(0);
    r.seconds = static_cast<double>(m_timer.nsecsElapsed()) / 1e9;
    return inTransaction(m_writer, [&] { return m_writer.recordSync(r); });
}

Result<SyncSummary> SyncSession::finish()
{
    report(SyncProgress::Phase::Finishing, 0, 0, QStringLiteral("Finishing"));
    if (Status s = recordOutcome(QStringLiteral("completed")); !s)
        return s.error();
    return m_summary;
}

Error SyncSession::fail(const Error& error)
{
    if (m_writer.inTransaction())
        m_writer.rollback();
    const Status recorded
        = recordOutcome(error.code == ErrorCode::Cancelled ? QStringLiteral("cancelled") : QStringLiteral("failed"));
    if (!recorded)
        qCWarning(lcSync) << "could not record the failed sync:" << recorded.error().describe();
    return error;
}

} // namespace prov
