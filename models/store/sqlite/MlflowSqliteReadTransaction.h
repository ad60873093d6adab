#pragma once

#include "core/Result.h"

namespace prov {

class MlflowSqliteContext;

// Holds one read snapshot across the several queries that assemble a run or the registry,
// so that an MLflow server writing at the same time cannot make a run's params come from
// before a write and its tags from after it. A deferred BEGIN on a read-only connection
// takes only a shared lock and writes nothing; the destructor ends the snapshot.
class MlflowSqliteReadTransaction
{
public:
    explicit MlflowSqliteReadTransaction(const MlflowSqliteContext& context);
    ~MlflowSqliteReadTransaction();
    MlflowSqliteReadTransaction(const MlflowSqliteReadTransaction&) = delete;
    MlflowSqliteReadTransaction& operator=(const MlflowSqliteReadTransaction&) = delete;

    const Status& status() const { return m_status; }

private:
    const MlflowSqliteContext& m_context;
    Status m_status;
};

} // namespace prov
