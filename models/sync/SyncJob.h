#pragma once

#include "core/Result.h"
#include "store/StoreLocation.h"
#include "store/rest/RestOptions.h"
#include "sync/SyncProgress.h"
#include "sync/SyncSummary.h"

#include <QObject>

#include <optional>

namespace prov {

class JobRunner;

// Runs one sync at a time as a job of the job runner and reports back on the GUI thread:
// throttled progress and one succeeded() or failed() per started sync. cancel() keeps what
// was already written. Starting while a sync runs is refused.
class SyncJob : public QObject
{
    Q_OBJECT

public:
    explicit SyncJob(JobRunner& jobs, QObject* parent = nullptr);

    // `journalPath`: where the registry bindings each sync sees are recorded (may be empty).
    // `server`: how to reach a tracking server (credentials typed in the app); none: the
    // environment's (RestOptions::fromEnvironment).
    bool start(const StoreLocation& location, const QString& cachePath, const QString& journalPath = {},
        const std::optional<RestOptions>& server = std::nullopt);
    void cancel();
    bool isRunning() const;

Q_SIGNALS:
    void progressChanged(const prov::SyncProgress& progress);
    void succeeded(const prov::SyncSummary& summary);
    // `error.code` is Cancelled when the user cancelled, NotFound when the store is gone.
    void failed(const prov::Error& error);

private:
    void deliver(const Result<SyncSummary>& result);

    JobRunner& m_jobs;
};

} // namespace prov

Q_DECLARE_METATYPE(prov::SyncProgress)
Q_DECLARE_METATYPE(prov::SyncSummary)
Q_DECLARE_METATYPE(prov::Error)
