#pragma once

#include "core/Result.h"
#include "query/RunSelection.h"

#include <QStringList>

namespace prov {

class SqliteDatabase;

// The runs a selection lists, as ids in MLflow's order (newest start first), without their
// values: one query over `runs`, cheap enough to run on every keystroke of the filter box
// while the run table's values stay loaded.
struct RunIdSelection
{
    QStringList runIds;
    bool searchedNames = false; // the filter text was taken as a run-name search
};

class RunSelectionQuery
{
public:
    explicit RunSelectionQuery(const SqliteDatabase& db);

    Result<RunIdSelection> select(const RunSelection& selection) const;

private:
    const SqliteDatabase& m_db;
};

} // namespace prov
