#pragma once

#include "compare/ComparedRun.h"
#include "domain/KeyValue.h"
#include "domain/MetricHistory.h"

#include <QList>

namespace prov {

// What the diff table of a comparison shows of one run: its params, tags and each metric's
// latest, lowest and highest value (from the summaries kept beside the histories).
struct CompareRunFacts
{
    ComparedRun run;
    KeyValueList params; // sorted by key
    KeyValueList tags; // sorted by key
    QList<MetricSummary> metrics; // sorted by key
};

} // namespace prov
