#pragma once

#include "compare/CompareChart.h"

#include <QHash>
#include <QString>

#include <vector>

namespace prov {

// One pixel column of a group's curve: the mean over the group's runs and the lowest and
// highest of them. Each run contributes the mean of its own finite values in the column.
struct GroupBandPoint
{
    double x = 0.0; // the column's centre, on the chart's x axis
    double mean = 0.0;
    double min = 0.0;
    double max = 0.0;
    int runs = 0; // runs with a finite value in the column
};

// A group of runs in a chart (the runs sharing a param or tag value): what W&B draws when
// runs are grouped -- the mean with a min-max band.
struct GroupBand
{
    QString label; // the shared value ("(none)" for runs without it)
    int runCount = 0; // runs of the group with points for this key
    std::vector<GroupBandPoint> points; // ascending x; columns no run reaches are left out
};

// Groups a chart's runs by a label per run (RunRef -> label; unlisted runs go to "(none)")
// and reduces each group, per pixel column, from every point of its runs (smoothed values
// when the chart smooths). Groups come in order of first appearance among the chart's lines.
// Pure; safe on any thread.
class CompareGrouping
{
public:
    static std::vector<GroupBand> bands(const CompareChart& chart, const QHash<RunRef, QString>& groupOf);
    static QString noValueLabel() { return QStringLiteral("(none)"); }
};

} // namespace prov
