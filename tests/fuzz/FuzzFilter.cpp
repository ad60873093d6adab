// libFuzzer target: the run filter tokenizer and parser (a filter comes from whatever a user
// types or a script passes), and the SQL it turns into.
#include "query/RunFilter.h"

#include <QString>

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    const QString expression = QString::fromUtf8(reinterpret_cast<const char*>(data), static_cast<qsizetype>(size));
    const auto filter = prov::RunFilter::parse(expression);
    if (filter)
        (void)filter->toSql();
    else
        (void)filter.error().describe();
    return 0;
}
