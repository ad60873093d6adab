#pragma once

#include "core/SqliteDatabase.h"

namespace prov {

// Runs `sql` (no parameters) and calls `row` with each result row; the statement's error, or
// the stepping's, when there is one.
template<typename RowFn> Status forEachRow(const SqliteDatabase& db, const QString& sql, RowFn row)
{
    auto stmt = db.prepare(sql);
    if (!stmt)
        return stmt.error();
    while (stmt->step())
        row(*stmt);
    return stmt->lastStatus();
}

} // namespace prov
