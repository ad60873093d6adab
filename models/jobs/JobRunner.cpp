#include "jobs/JobRunner.h"

namespace prov {

JobRunner::JobRunner(QObject* parent, int maxThreads)
    : QObject(parent)
    , m_workers(maxThreads)
{
    qRegisterMetaType<JobProgress>();
}

JobRunner::~JobRunner()
{
    for (const Channel& channel : std::as_const(m_channels))
        channel.cancel.cancel();
    // Jobs still refer to the pool and post to this object: let them finish first. What
    // they post afterwards is discarded with this object.
    m_workers.waitForDone();
}

JobRunner::Ticket JobRunner::begin(const QString& channel)
{
    Channel& c = m_channels[channel];
    c.cancel.cancel(); // the older job's result would be dropped anyway
    c.cancel = CancellationToken();
    ++c.generation;
    const bool wasRunning = c.running;
    c.running = true;
    if (!wasRunning)
        Q_EMIT runningChanged(channel, true);
    return Ticket { channel, c.generation, c.cancel };
}

bool JobRunner::isCurrent(const Ticket& ticket) const
{
    const auto it = m_channels.constFind(ticket.channel);
    return it != m_channels.constEnd() && it->generation == ticket.generation;
}

bool JobRunner::finish(const Ticket& ticket)
{
    if (!isCurrent(ticket))
        return false;
    m_channels[ticket.channel].running = false;
    Q_EMIT runningChanged(ticket.channel, false);
    return true;
}

void JobRunner::cancel(const QString& channel)
{
    const auto it = m_channels.find(channel);
    if (it != m_channels.end())
        it->cancel.cancel();
}

bool JobRunner::isRunning(const QString& channel) const
{
    return m_channels.value(channel).running;
}

} // namespace prov
