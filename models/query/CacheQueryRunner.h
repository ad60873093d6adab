#pragma once

#include "core/Result.h"
#include "query/CacheReader.h"

#include <QFuture>
#include <QHash>
#include <QObject>
#include <QPointer>
#include <QThreadPool>
#include <QtConcurrent/QtConcurrentRun>

#include <functional>

namespace prov {

// Runs read queries against a cache off the GUI thread, each with its own read connection,
// and hands results back on the context object's thread. Requests are grouped by a channel
// name ("runs", "detail", ...): a newer request on a channel makes older ones stale, and a
// stale result is dropped instead of overwriting newer data (generation counter).
class CacheQueryRunner : public QObject
{
    Q_OBJECT

public:
    explicit CacheQueryRunner(QObject* parent = nullptr);
    ~CacheQueryRunner() override;

    void setCachePath(const QString& cachePath);
    const QString& cachePath() const { return m_cachePath; }

    template<typename T>
    void run(const QString& channel, std::function<Result<T>(const CacheReader&)> work, QObject* context,
        std::function<void(const Result<T>&)> done)
    {
        const quint64 generation = ++m_generations[channel];
        const QString path = m_cachePath;
        QPointer<CacheQueryRunner> self(this);
        QPointer<QObject> receiver(context);
        QtConcurrent::run(&m_pool, [path, work = std::move(work)]() -> Result<T> {
            auto cache = CacheReader::open(path);
            if (!cache)
                return cache.error();
            return work(*cache);
        }).then(context, [self, receiver, channel, generation, done = std::move(done)](const Result<T>& result) {
            if (self && receiver && self->m_generations.value(channel) == generation)
                done(result);
        });
    }

private:
    QThreadPool m_pool;
    QString m_cachePath;
    QHash<QString, quint64> m_generations;
};

} // namespace prov
