#pragma once

#include "core/Result.h"
#include "jobs/JobContext.h"
#include "jobs/WorkerPool.h"

#include <QHash>
#include <QObject>
#include <QPointer>

#include <functional>

namespace prov {

// The one place background work runs: syncs, cache queries, decimation, layout, exports.
// Jobs are grouped in channels ("sync", "query:runs", "chart:loss", ...): starting a job
// makes the channel's older job stale, cancels it, and drops its result (generation
// counter), so a slow answer never overwrites a newer one. Results and progress arrive on
// the runner's thread (the GUI thread), only while their receiver exists. Destroying the
// runner cancels every job and waits for it. The command line runs the same work functions
// on its own thread with runHere().
class JobRunner : public QObject
{
    Q_OBJECT

public:
    template<typename T> using Work = std::function<Result<T>(JobContext&)>;
    template<typename T> using Done = std::function<void(const Result<T>&)>;
    using Progress = std::function<void(const JobProgress&)>;

    explicit JobRunner(QObject* parent = nullptr, int maxThreads = 0);
    ~JobRunner() override;

    template<typename T>
    void run(const QString& channel, Work<T> work, QObject* receiver, Done<T> done, Progress progress = {})
    {
        const Ticket ticket = begin(channel);
        const QPointer<QObject> target(receiver);
        JobContext::ProgressSink sink;
        if (progress)
            sink = [this, ticket, target, progress](const JobProgress& p) {
                QMetaObject::invokeMethod(
                    this,
                    [this, ticket, target, progress, p] {
                        if (target && isCurrent(ticket))
                            progress(p);
                    },
                    Qt::QueuedConnection);
            };
        m_workers.start([this, ticket, target, work = std::move(work), done = std::move(done), sink] {
            JobContext context(ticket.cancel, m_workers, sink);
            Result<T> result = work(context);
            QMetaObject::invokeMethod(
                this,
                [this, ticket, target, done, result = std::move(result)] {
                    if (finish(ticket) && target)
                        done(result);
                },
                Qt::QueuedConnection);
        });
    }

    // Runs `work` on the calling thread with the same kind of context (for the command line).
    template<typename T>
    Result<T> runHere(const Work<T>& work, JobContext::ProgressSink progress = {}, CancellationToken cancel = {})
    {
        JobContext context(std::move(cancel), m_workers, std::move(progress));
        return work(context);
    }

    // Asks the channel's job to stop; it still delivers what it returns (usually a Cancelled
    // error), unless a newer job of the channel has started since.
    void cancel(const QString& channel);
    // A job of the channel has started and its result has not been delivered yet.
    bool isRunning(const QString& channel) const;
    WorkerPool& workers() { return m_workers; }

Q_SIGNALS:
    // A channel started or finished its newest job.
    void runningChanged(const QString& channel, bool running);

private:
    struct Ticket
    {
        QString channel;
        quint64 generation = 0;
        CancellationToken cancel;
    };
    struct Channel
    {
        quint64 generation = 0;
        CancellationToken cancel;
        bool running = false;
    };

    Ticket begin(const QString& channel);
    bool isCurrent(const Ticket& ticket) const;
    // Marks the job delivered; true when it is still the channel's newest.
    bool finish(const Ticket& ticket);

    QHash<QString, Channel> m_channels;
    WorkerPool m_workers;
};

} // namespace prov
