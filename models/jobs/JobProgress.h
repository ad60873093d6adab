#pragma once

#include <QMetaType>
#include <QString>
#include <QVariant>

namespace prov {

// How far a job is: `done` of `total` units (total 0: unknown), a sentence for a status
// bar, and optionally a richer value for screens that know the job (a SyncProgress).
struct JobProgress
{
    qint64 done = 0;
    qint64 total = 0;
    QString message;
    QVariant detail;
};

} // namespace prov

Q_DECLARE_METATYPE(prov::JobProgress)
