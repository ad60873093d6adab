#include "WriteBackQueue.h"

#include "core/SqliteDatabase.h"
#include "jobs/JobRunner.h"
#include "journal/CardDraftStore.h"
#include "journal/JournalDatabase.h"
#include "registry/OutboxPusher.h"

#include <QDateTime>
#include <QFileInfo>

namespace prov {
namespace {

struct PushResult
{
    QList<OutboxEntry> entries;
    QString problem;
    int written = 0;
};

Result<QList<OutboxEntry>> readEntries(const QString& journalPath)
{
    if (!QFileInfo::exists(journalPath))
        return QList<OutboxEntry>();
    auto journal = JournalDatabase::open(journalPath, JournalDatabase::Access::Read);
    if (!journal)
        return journal.error();
    return Outbox(*journal).entries();
}

} // namespace

WriteBackQueue::WriteBackQueue(JobRunner& jobs, QObject* parent)
    : QObject(parent)
    , m_jobs(jobs)
{ }

void WriteBackQueue::setStore(
    const std::optional<StoreLocation>& location, const QString& journalPath, const std::optional<RestOptions>& server)
{
    m_location = location;
    m_journalPath = journalPath;
    m_server = server;
    m_entries.clear();
    m_lastProblem.clear();
    Q_EMIT changed();
    refresh();
}

int WriteBackQueue::pendingCount() const
{
    return int(std::count_if(m_entries.begin(), m_entries.end(),
        [](const OutboxEntry& e) { return e.state == OutboxEntry::State::Pending; }));
}

int WriteBackQueue::refusedCount() const
{
    return int(m_entries.size()) - pendingCount();
}

void WriteBackQueue::refresh()
{
    if (m_journalPath.isEmpty())
        return;
    m_jobs.run<QList<OutboxEntry>>(
        QStringLiteral("writeback:read"), [path = m_journalPath](JobContext&) { return readEntries(path); }, this,
        [this](const Result<QList<OutboxEntry>>& entries) {
            m_entries = entries ? *entries : QList<OutboxEntry>();
            Q_EMIT changed();
        });
}

void WriteBackQueue::push()
{
    if (!m_location || m_journalPath.isEmpty() || !QFileInfo::exists(m_journalPath) || m_pushing)
        return;
    m_pushing = true;
    Q_EMIT changed();
    m_jobs.run<PushResult>(
        QStringLiteral("writeback:push"),
        [location = *m_location, path = m_journalPath, server = m_server](JobContext& job) -> Result<PushResult> {
            auto journal = JournalDatabase::open(path, JournalDatabase::Access::Write);
            if (!journal)
                return journal.error();
            auto report = OutboxPusher(location, *journal, server).pushAll(job.cancellation());
            if (!report)
                return report.error();
            auto entries = Outbox(*journal).entries();
            if (!entries)
                return entries.error();
            return PushResult { *entries, report->problem, report->written };
        },
        this,
        [this](const Result<PushResult>& result) {
            m_pushing = false;
            if (result) {
                m_entries = result->entries;
                m_lastProblem = result->problem;
            } else {
                m_lastProblem = result.error().message;
            }
            Q_EMIT changed();
            if (result && result->written > 0)
                Q_EMIT written(result->written);
        });
}

void WriteBackQueue::change(const QString& what, Change work)
{
    if (m_journalPath.isEmpty())
        return;
    m_jobs.run<QList<OutboxEntry>>(
        QStringLiteral("writeback:") + what,
        [path = m_journalPath, work = std::move(work)](JobContext&) -> Result<QList<OutboxEntry>> {
            auto journal = JournalDatabase::open(path, JournalDatabase::Access::Write);
            if (!journal)
                return journal.error();
            if (Status s = work(*journal); !s)
                return s.error();
            return Outbox(*journal).entries();
        },
        this,
        [this](const Result<QList<OutboxEntry>>& entries) {
            if (entries)
                m_entries = *entries;
            else
                m_lastProblem = entries.error().message;
            Q_EMIT changed();
        });
}

void WriteBackQueue::retry(qint64 id)
{
    change(QStringLiteral("retry"), [id](const SqliteDatabase& journal) { return Outbox(journal).retry(id); });
    push();
}

void WriteBackQueue::discard(qint64 id)
{
    change(QStringLiteral("discard"), [id](const SqliteDatabase& journal) { return Outbox(journal).remove(id); });
}

void WriteBackQueue::backToDraft(qint64 id)
{
    change(QStringLiteral("draft"), [id](const SqliteDatabase& journal) -> Status {
        Outbox outbox(journal);
        auto entry = outbox.entry(id);
        if (!entry)
            return entry.error();
        if (!*entry || !(*entry)->isCard())
            return {};
        SqliteTransaction transaction(journal);
        if (!transaction.beginStatus())
            return transaction.beginStatus();
        const OutboxEntry& e = **entry;
        if (Status s = CardDraftStore(journal).save(
                { e.cardModel, e.cardVersion, e.cardFields, std::nullopt, QDateTime::currentMSecsSinceEpoch() });
            !s)
            return s;
        if (Status s = outbox.remove(id); !s)
            return s;
        return transaction.commit();
    });
}

} // namespace prov
