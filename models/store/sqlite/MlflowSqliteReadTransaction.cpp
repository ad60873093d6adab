#include "store/sqlite/MlflowSqliteReadTransaction.h"

#include "store/sqlite/MlflowSqliteContext.h"

namespace prov {

MlflowSqliteReadTransaction::MlflowSqliteReadTransaction(const MlflowSqliteContext& context)
    : m_context(context)
    , m_status(context.db().exec(QStringLiteral("BEGIN DEFERRED")))
{
    if (!m_status)
        m_status = makeError(ErrorCode::Database,
            QStringLiteral("cannot read the MLflow database: ") + m_status.error().message, context.path());
}

MlflowSqliteReadTransaction::~MlflowSqliteReadTransaction()
{
    // Nothing was written, so COMMIT and ROLLBACK are equivalent; COMMIT releases the lock.
    if (m_status)
        (void)m_context.db().exec(QStringLiteral("COMMIT"));
}

} // namespace prov
