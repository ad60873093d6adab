#pragma once

#include "core/Result.h"

#include <QString>

namespace prov {

// The sample MLflow store compiled into the binary, unpacked once to the user's data folder
// so it can be opened like any other store (readers work on real files).
class SampleStore
{
public:
    // The unpacked `mlruns` folder, unpacking it first when needed.
    static Result<QString> unpack();
};

} // namespace prov
