#pragma once

#include <QByteArray>
#include <QString>

namespace prov {

// What a reader reports about a run before reading it: enough for sync to decide whether
// the cached copy is current. `fingerprint` changes whenever anything of the run changes,
// its metric histories included, so an unchanged fingerprint lets sync skip the run without
// reading it. `locator` is private to the reader (e.g. the run's folder).
struct RunStamp
{
    QString runId;
    QString experimentId;
    QByteArray fingerprint;
    QString locator;
};

// A metric key of a run and a fingerprint of its history (file size + mtime, row count +
// newest timestamp, ...): an unchanged fingerprint means the cached history is current.
struct MetricStamp
{
    QString key;
    QByteArray fingerprint;
};

} // namespace prov
