#include "query/CacheQueryRunner.h"

namespace prov {

CacheQueryRunner::CacheQueryRunner(QObject* parent)
    : QObject(parent)
{
    m_pool.setMaxThreadCount(2);
}

CacheQueryRunner::~CacheQueryRunner()
{
    m_pool.waitForDone();
}

void CacheQueryRunner::setCachePath(const QString& cachePath)
{
    m_cachePath = cachePath;
    // Results for the previous cache are stale whatever their channel.
    for (auto it = m_generations.begin(); it != m_generations.end(); ++it)
        ++it.value();
}

} // namespace prov
