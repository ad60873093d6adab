#include "query/CacheQueryRunner.h"

namespace prov {

CacheQueryRunner::CacheQueryRunner(JobRunner& jobs, QObject* parent)
    : QObject(parent)
    , m_jobs(jobs)
{ }

void CacheQueryRunner::setCachePath(const QString& cachePath)
{
    m_cachePath = cachePath;
    ++m_epoch; // results for the previous cache are stale whatever their channel
}

} // namespace prov
