#pragma once

#include "core/Result.h"
#include "domain/RegisteredModel.h"

#include <QList>

namespace prov {

class SqliteDatabase;

// Records what one sync saw of the model registry in the journal: the observation time, every
// alias and stage binding (as intervals: still seen extends, no longer seen closes, newly seen
// opens) and which models and versions were present. MLflow keeps only the current state, so
// these records are the only history there is. Each record() is one transaction; an
// observation older than the newest one recorded (a slower concurrent sync) is skipped, since
// intervals only grow forward in time.
class BindingRecorder
{
public:
    explicit BindingRecorder(const SqliteDatabase& journal);

    Status record(const QList<RegisteredModel>& models, qint64 observedAt, const QString& syncId);

private:
    const SqliteDatabase& m_db;
};

} // namespace prov
