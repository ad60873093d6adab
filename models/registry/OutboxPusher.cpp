#include "registry/OutboxPusher.h"

#include "core/LogCategories.h"
#include "journal/Outbox.h"
#include "store/StoreWriterFactory.h"

namespace prov {

OutboxPusher::OutboxPusher(StoreLocation location, const SqliteDatabase& journal, std::optional<RestOptions> server)
    : m_location(std::move(location))
    , m_journal(journal)
    , m_server(std::move(server))
{ }

Result<OutboxPusher::Report> OutboxPusher::pushAll(const CancellationToken& cancel)
{
    Outbox outbox(m_journal);
    auto entries = outbox.entries();
    if (!entries)
        return entries.error();
    Report report;
    QList<OutboxEntry> pending;
    for (const OutboxEntry& e : *entries) {
        if (e.state == OutboxEntry::State::Pending)
            pending.append(e);
    }
    if (pending.isEmpty())
        return report;
    auto writer = m_server ? StoreWriterFactory::open(m_location, *m_server) : StoreWriterFactory::open(m_location);
    for (qsizetype i = 0; i < pending.size(); ++i) {
        const OutboxEntry& e = pending[i];
        if (cancel.isCancelled()) {
            report.pending += int(pending.size() - i);
            break;
        }
        const Status s = writer ? (*writer)->apply(e.writes) : Status(writer.error());
        if (s) {
            if (Status removed = outbox.remove(e.id); !removed)
                return removed.error();
            ++report.written;
            continue;
        }
        const bool transient = StoreWriter::isTransient(s.error());
        report.problem = s.error().message;
        qCInfo(lcRegistry) << "write-back" << e.id << (transient ? "stays queued:" : "refused:")
                           << s.error().describe();
        if (Status recorded = outbox.recordFailure(e.id, s.error().message, !transient); !recorded)
            return recorded.error();
        if (transient) {
            report.pending += int(pending.size() - i);
            break;
        }
        ++report.refused;
    }
    return report;
}

} // namespace prov
