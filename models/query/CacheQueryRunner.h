#pragma once

#include "core/Result.h"
#include "query/CacheReader.h"

#include <QHash>
#include <QObject>
#include <QPointer>
#include <QThreadPool>

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
        QPointer<QObject> receiver(context);
        // The result is posted to this runner, which outlives every task (its destructor
        // waits for them); the receiver is checked on the GUI thread, where it may have gone.
        m_pool.start([this, path, channel, generation, receiver, work = std::move(work), done = std::move(done)] {
            auto cache = CacheReader::open(path);
            Result<T> result = cache ? work(*cache) : Result<T>(cache.error());
            QMetaObject::invokeMethod(
                this,
                [this, channel, generation, receiver, done, result = std::move(result)] {
                    if (receiver && m_generations.value(channel) == generation)
                        done(result);
                },
                Qt::QueuedConnection);
        });
    }

private:
    QThreadPool m_pool;
    QString m_cachePath;
    QHash<QString, quint64> m_generations;
};

} // namespace prov
