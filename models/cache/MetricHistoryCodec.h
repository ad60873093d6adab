#pragma once

#include "core/Result.h"
#include "domain/MetricHistory.h"

#include <QByteArray>

namespace prov {

// The BLOB format of metric_histories.points: a whole history in one row, so drawing a chart
// is one indexed read. Layout (little-endian): "PMH" + format byte (1) + uint32 count, then
// `count` records of { int64 step, int64 timestamp, float64 value }, in MetricHistory order.
class MetricHistoryCodec
{
public:
    static QByteArray encode(const MetricHistory& history);
    static Result<MetricHistory> decode(const void* data, qsizetype size);
};

} // namespace prov
