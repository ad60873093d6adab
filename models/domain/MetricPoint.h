#pragma once

#include <QtGlobal>

namespace prov {

// One logged metric value. Times are milliseconds since the Unix epoch, as in MLflow.
// `value` may be NaN or +/-infinity: MLflow accepts and keeps them.
struct MetricPoint
{
    qint64 step = 0;
    qint64 timestamp = 0;
    double value = 0.0;
};

} // namespace prov
