#pragma once

#include "compare/CompareRunFacts.h"

#include <QStringList>

#include <optional>
#include <vector>

namespace prov {

// One quantity the compared runs can be placed along -- a param, or a metric's latest value --
// as the parallel coordinates and the scatter view use it. Numeric when every value present
// reads as a finite number; otherwise categorical, each run at the index of its value among the
// sorted distinct values. Values are kept per run, in the page's run order.
struct CompareDimension
{
    enum class Source { Param, Metric };

    Source source = Source::Param;
    QString key;
    std::vector<std::optional<double>> values; // per run; a category index when categorical
    QStringList categories; // sorted distinct values; empty when numeric
    std::optional<double> min; // over the values present
    std::optional<double> max;

    bool isNumeric() const { return categories.isEmpty(); }
    // Every value present is > 0, so a log scale can show them all.
    bool allowsLog() const { return isNumeric() && min && *min > 0; }
    // How the run's value reads ("" when it has none).
    QString text(size_t run) const;
    // "lr" for a param, "val_loss (latest)" for a metric.
    QString label() const;
    // The dimensions of `runs`: every param, then every metric's latest value, each in key
    // order. With `varyingOnly`, those where the runs do not all share one value.
    static std::vector<CompareDimension> of(const std::vector<CompareRunFacts>& runs, bool varyingOnly);
};

} // namespace prov
