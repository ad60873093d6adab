// libFuzzer target: the cache's metric history blobs (a damaged or hostile cache file must
// be refused, never crash or reserve gigabytes).
#include "cache/MetricHistoryCodec.h"

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    const auto history = prov::MetricHistoryCodec::decode(data, static_cast<qsizetype>(size));
    if (history)
        (void)prov::MetricHistoryCodec::encode(*history);
    return 0;
}
