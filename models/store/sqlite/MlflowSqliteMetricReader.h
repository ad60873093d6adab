#pragma once

#include "store/StoreReader.h"

namespace prov {

class MlflowSqliteContext;

// Reads a run's metrics from the `metrics` table: per-key stamps (for RunRecord::metrics)
// and full histories. Every query is driven by the run_uuid index (MLflow's only index on
// `metrics`), never by the (key, ...) primary key, which would visit every run's points.
// Values are decoded from MLflow's SQLite encoding (is_nan flag, +/-DBL_MAX for infinity).
class MlflowSqliteMetricReader
{
public:
    explicit MlflowSqliteMetricReader(const MlflowSqliteContext& context);

    // One stamp per metric key, sorted by key: a digest of the key's point count, newest
    // timestamp, highest step and latest value.
    Result<QList<MetricStamp>> stamps(const QString& runId) const;
    // The histories of `keys` (sorted by key); a key without points is left out and reported
    // as a warning (it was stamped a moment ago, so the run changed in between).
    Result<MetricRead> histories(const QString& runId, const QStringList& keys) const;

private:
    void reportMissing(const QString& runId, const QStringList& wanted, MetricRead& read) const;

    const MlflowSqliteContext& m_context;
};

} // namespace prov
