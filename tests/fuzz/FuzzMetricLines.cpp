// libFuzzer target: a file-store metric file, fed to the parser in uneven chunks as read(2)
// would, and each line as a logged-model metric line.
#include "store/file/MetricFileParser.h"

#include <cstddef>
#include <cstdint>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    prov::MetricFileParser parser;
    // The first byte picks the chunk size, so chunk boundaries fall everywhere.
    const size_t chunk = size > 0 ? 1 + data[0] % 64 : 1;
    for (size_t at = 0; at < text.size(); at += chunk)
        parser.feed(text.substr(at, chunk));
    parser.finish();
    (void)parser.points().size();
    size_t start = 0;
    while (start < text.size()) {
        const size_t end = text.find('\n', start);
        const std::string_view line = text.substr(start, end == std::string_view::npos ? end : end - start);
        prov::LoggedModelMetric metric;
        (void)prov::MetricFileParser::parseModelLine(line, metric);
        if (end == std::string_view::npos)
            break;
        start = end + 1;
    }
    return 0;
}
