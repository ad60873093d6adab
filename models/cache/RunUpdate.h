#pragma once

#include "domain/RunRecord.h"
#include "domain/StoreIssue.h"
#include "domain/StoreStamp.h"
#include "store/StoreReader.h"

#include <QList>

namespace prov {

// A run as read from its store, ready to replace the cached copy in one transaction.
// `histories` holds only the metric histories that were re-read; cached histories of keys
// still listed in record.metrics are kept. `metricIssues` are the problems met while
// re-reading them: their metrics are then cached without a fingerprint, so they are read
// (and reported) again the next time the run changes.
struct RunUpdate
{
    RunStamp stamp;
    RunRecord record;
    QList<MetricHistoryRead> histories;
    StoreIssueList metricIssues;
    bool cachedBefore = false;
};

} // namespace prov
