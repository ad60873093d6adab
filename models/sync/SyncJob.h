#pragma once

#include "core/CancellationToken.h"
#include "core/Result.h"
#include "store/StoreLocation.h"
#include "sync/SyncProgress.h"
#include "sync/SyncSummary.h"

#include <QFuture>
#include <QObject>
#include <QThreadPool>

#include <memory>

namespace prov {

// Runs one sync at a time off the GUI thread and reports back on it: throttled progress
// (about 15 updates a second) and one finished() per started sync. cancel() keeps what was
// already written. Starting while a sync runs is refused; destroying the job cancels and
// waits, so a sync never outlives its owner.
class SyncJob : public QObject
{
    Q_OBJECT

public:
    explicit SyncJob(QObject* parent = nullptr);
    ~SyncJob() override;

    bool start(const StoreLocation& location, const QString& cachePath);
    void cancel();
    bool isRunning() const { return m_running; }

Q_SIGNALS:
    void progressChanged(const prov::SyncProgress& progress);
    void succeeded(const prov::SyncSummary& summary);
    // `error.code` is Cancelled when the user cancelled, NotFound when the store is gone.
    void failed(const prov::Error& error);

private:
    void deliver(const Result<SyncSummary>& result);

    QThreadPool m_pool;
    QFuture<void> m_future;
    CancellationToken m_cancel;
    bool m_running = false;
};

} // namespace prov

Q_DECLARE_METATYPE(prov::SyncProgress)
Q_DECLARE_METATYPE(prov::SyncSummary)
Q_DECLARE_METATYPE(prov::Error)
