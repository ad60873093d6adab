#pragma once

#include "domain/Dataset.h"
#include "domain/KeyValue.h"
#include "domain/LoggedModel.h"
#include "domain/RegisteredModel.h"

#include <QList>

namespace prov {

// The order every store reader returns its lists in, defined once so that a file store and
// an SQLite backend with the same logical content give identical values (and so identical
// fingerprints, diffs and exports). Strings compare as QString (UTF-16), not as bytes.
class CanonicalOrder
{
public:
    static void sortByKey(KeyValueList& list);
    // By dataset name, digest, then context; each input's tags by key.
    static void sort(QList<DatasetInput>& inputs);
    // By key, step, then timestamp; points that tie keep their order.
    static void sort(QList<LoggedModelMetric>& metrics);
    // Params and tags by key, metrics as above.
    static void sort(LoggedModel& model);
    // Tags by key, aliases by alias, versions by number, each version's tags by key.
    static void sort(RegisteredModel& model);
};

} // namespace prov
