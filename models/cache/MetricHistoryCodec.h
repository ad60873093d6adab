#pragma once

#include "core/Result.h"
#include "domain/MetricHistory.h"

#include <QByteArray>

namespace prov {

// The BLOB format of metric_histories.points: a whole history in one row, so drawing a chart
// is one indexed read. Layout: "PMH" + format byte + uint32 count (little-endian), then per
// point, in MetricHistory order, the step and the timestamp as zigzag LEB128 varints of
// their difference to the previous point's, and the value as 8 raw IEEE-754 bytes. Steps
// and times usually advance by small amounts, so a point takes ~11 bytes instead of 24, and
// values (NaN and infinities included) round-trip bit for bit.
// Format 1 (three raw 8-byte fields per point) is still read.
class MetricHistoryCodec
{
public:
    static QByteArray encode(const MetricHistory& history);
    static Result<MetricHistory> decode(const void* data, qsizetype size);
};

} // namespace prov
