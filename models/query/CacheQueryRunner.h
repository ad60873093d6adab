#pragma once

#include "core/Result.h"
#include "jobs/JobRunner.h"
#include "query/CacheReader.h"

#include <QObject>
#include <QPointer>

#include <functional>

namespace prov {

// Runs read queries against the current cache as jobs of the job runner, each with its own
// read connection, and hands results back on the GUI thread. Requests are grouped by a
// channel name ("runs", "detail", ...): a newer request on a channel makes older ones stale
// and their results are dropped. Switching to another cache makes every pending result
// stale, whatever its channel.
class CacheQueryRunner : public QObject
{
    Q_OBJECT

public:
    explicit CacheQueryRunner(JobRunner& jobs, QObject* parent = nullptr);

    void setCachePath(const QString& cachePath);
    const QString& cachePath() const { return m_cachePath; }

    template<typename T>
    void run(const QString& channel, std::function<Result<T>(const CacheReader&)> work, QObject* context,
        std::function<void(const Result<T>&)> done)
    {
        runJob<T>(
            channel, [work = std::move(work)](const CacheReader& cache, JobContext&) { return work(cache); }, context,
            std::move(done));
    }

    // The same for work that fans out on the job's workers or reports progress.
    template<typename T>
    void runJob(const QString& channel, std::function<Result<T>(const CacheReader&, JobContext&)> work,
        QObject* context, std::function<void(const Result<T>&)> done)
    {
        const QString path = m_cachePath;
        const quint64 epoch = m_epoch;
        const QPointer<CacheQueryRunner> self(this);
        m_jobs.run<T>(
            QStringLiteral("query:") + channel,
            [path, work = std::move(work)](JobContext& job) -> Result<T> {
                auto cache = CacheReader::open(path);
                return cache ? work(*cache, job) : Result<T>(cache.error());
            },
            context,
            [self, epoch, done = std::move(done)](const Result<T>& result) {
                if (self && self->m_epoch == epoch)
                    done(result);
            });
    }

private:
    JobRunner& m_jobs;
    QString m_cachePath;
    quint64 m_epoch = 0;
};

} // namespace prov
