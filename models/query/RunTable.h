#pragma once

#include "domain/RunInfo.h"

#include <QString>
#include <QStringList>

#include <optional>
#include <vector>

namespace prov {

// A selection of runs with every param, latest metric value and tag, stored by column:
// one vector per key, indexed by row. This is what the run table and `provenance runs`
// show; column storage keeps 10,000 runs x hundreds of keys compact and makes sorting a
// column a pass over one vector. Repeated strings share one QString. Immutable once built
// (it crosses threads as std::shared_ptr<const RunTable>).
struct RunTable
{
    struct Row
    {
        RunInfo info;
        QString experimentName;
        QString parentRunId;
    };

    struct NumberColumn
    {
        QString key;
        std::vector<std::optional<double>> values; // absent: the run has no such metric
    };

    struct TextColumn
    {
        QString key;
        std::vector<std::optional<QString>> values; // absent: the run has no such key
    };

    std::vector<Row> rows;
    std::vector<NumberColumn> metrics; // latest values (NaN is a value, not absence)
    std::vector<TextColumn> params;
    std::vector<TextColumn> tags;
    bool filterSearchedNames = false; // the filter text was taken as a run-name search

    qsizetype size() const { return static_cast<qsizetype>(rows.size()); }
};

} // namespace prov
