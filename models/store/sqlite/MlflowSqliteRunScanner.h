#pragma once

#include "core/CancellationToken.h"
#include "store/StoreReader.h"

#include <QHash>

namespace prov {

class MlflowSqliteContext;
class MlflowSqliteFingerprint;

// Stamps every run of one experiment with a fingerprint of everything MLflow keeps about it:
// its `runs` row, tags, params, latest_metrics rows, its number of metric points and its
// inputs/outputs with their tags. A few experiment-wide ordered queries, not queries per
// run, so that an unchanged store of thousands of runs is checked in well under a second.
// Runs whose status or lifecycle cannot be understood are reported and left out.
class MlflowSqliteRunScanner
{
public:
    explicit MlflowSqliteRunScanner(const MlflowSqliteContext& context);

    Result<RunScan> scan(const Experiment& experiment, const CancellationToken& cancel) const;

private:
    using Fingerprints = QHash<QString, MlflowSqliteFingerprint>;

    Status readRunRows(
        qint64 experimentId, const QString& experimentKey, Fingerprints& prints, StoreIssueList& issues) const;
    // Feeds every row of `sql` (column 0 = run id, bound ?1 = experiment id) to its run.
    Status addRows(const QString& sql, qint64 experimentId, char section, QLatin1StringView kinds, Fingerprints& prints,
        const CancellationToken& cancel) const;

    const MlflowSqliteContext& m_context;
};

} // namespace prov
