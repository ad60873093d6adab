#include "sync/SyncJob.h"

#include "store/StoreReaderFactory.h"
#include "sync/SyncEngine.h"

#include <QElapsedTimer>
#include <QPointer>
#include <QtConcurrent/QtConcurrentRun>

#include <mutex>

namespace prov {
namespace {

// Forwards progress from the sync thread at most every 66 ms, always including the last.
class ProgressThrottle
{
public:
    explicit ProgressThrottle(QPointer<SyncJob> job)
        : m_job(std::move(job))
    {
        m_timer.start();
    }

    void operator()(const SyncProgress& progress)
    {
        const bool phaseChanged = progress.phase != m_lastPhase;
        if (!phaseChanged && m_timer.elapsed() < 66 && progress.done != progress.total)
            return;
        m_lastPhase = progress.phase;
        m_timer.restart();
        QMetaObject::invokeMethod(
            m_job.data(),
            [job = m_job, progress] {
                if (job)
                    Q_EMIT job->progressChanged(progress);
            },
            Qt::QueuedConnection);
    }

private:
    QPointer<SyncJob> m_job;
    QElapsedTimer m_timer;
    SyncProgress::Phase m_lastPhase = SyncProgress::Phase::Finishing;
};

} // namespace

SyncJob::SyncJob(QObject* parent)
    : QObject(parent)
{
    static std::once_flag registered;
    std::call_once(registered, [] {
        qRegisterMetaType<SyncProgress>();
        qRegisterMetaType<SyncSummary>();
        qRegisterMetaType<Error>();
    });
    m_pool.setMaxThreadCount(1);
}

SyncJob::~SyncJob()
{
    m_cancel.cancel();
    m_pool.waitForDone();
}

bool SyncJob::start(const StoreLocation& location, const QString& cachePath)
{
    if (m_running)
        return false;
    m_running = true;
    m_cancel = CancellationToken();
    const CancellationToken cancel = m_cancel;
    QPointer<SyncJob> self(this);
    m_future = QtConcurrent::run(&m_pool, [self, location, cachePath, cancel] {
        Result<SyncSummary> result = [&]() -> Result<SyncSummary> {
            auto reader = StoreReaderFactory::open(location);
            if (!reader)
                return reader.error();
            ProgressThrottle throttle(self);
            return SyncEngine(**reader, cachePath).run(cancel, std::ref(throttle));
        }();
        QMetaObject::invokeMethod(
            self.data(),
            [self, result] {
                if (self)
                    self->deliver(result);
            },
            Qt::QueuedConnection);
    });
    return true;
}

void SyncJob::cancel()
{
    m_cancel.cancel();
}

void SyncJob::deliver(const Result<SyncSummary>& result)
{
    m_running = false;
    if (result)
        Q_EMIT succeeded(*result);
    else
        Q_EMIT failed(result.error());
}

} // namespace prov
