#include "query/RunSelectionQuery.h"

#include "core/SqliteDatabase.h"

namespace prov {

RunSelectionQuery::RunSelectionQuery(const SqliteDatabase& db)
    : m_db(db)
{ }

Result<RunIdSelection> RunSelectionQuery::select(const RunSelection& selection) const
{
    auto sql = RunSelectionSql::compile(selection);
    if (!sql)
        return sql.error();
    auto stmt = m_db.prepare(QStringLiteral("SELECT r.run_id FROM runs r WHERE ") + sql->where()
        + QStringLiteral(" ORDER BY r.start_time DESC, r.run_id"));
    if (!stmt)
        return stmt.error();
    sql->bindTo(*stmt);
    RunIdSelection result;
    result.searchedNames = sql->searchesNames();
    while (stmt->step())
        result.runIds << stmt->text(0);
    if (!stmt->lastStatus())
        return stmt->lastStatus().error();
    return result;
}

} // namespace prov
