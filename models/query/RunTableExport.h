#pragma once

#include "query/RunTable.h"

#include <QByteArray>

class QIODevice;

namespace prov {

// Writes a RunTable the way `provenance runs --format json|csv|table` prints it, streaming
// to a device so a 10,000-run export needs no more memory than the table itself.
// JSON follows MLflow's REST conventions: times in ms since the epoch, end_time null while
// running, non-finite metric values as the strings "NaN", "Infinity", "-Infinity".
class RunTableExport
{
public:
    // An array of objects with run_id, experiment_id, experiment_name, run_name, status,
    // lifecycle_stage, start_time, end_time, user, parent_run_id, artifact_uri,
    // params{}, metrics{key: latest value}, tags{}. False when the device refused a write.
    static bool writeJson(const RunTable& table, QIODevice& out);
    // One row per run: the attributes, then params.<key>, metrics.<key>, tags.<key> columns.
    static bool writeCsv(const RunTable& table, QIODevice& out);
    // Aligned columns for a terminal: run id, experiment, name, status, start, duration, user.
    static QByteArray toText(const RunTable& table);
};

} // namespace prov
