#pragma once

#include "compare/CompareScatter.h"

#include <QColor>
#include <QWidget>

#include <vector>

QT_BEGIN_NAMESPACE
class QChart;
class QChartView;
class QScatterSeries;
QT_END_NAMESPACE

namespace prov {

// A scatter plot of the compared runs: one dimension (param or latest metric) against another,
// a point per run in its page colour; runs filtered out elsewhere on the page are drawn as
// small grey points. Categorical dimensions put their values along the axis; log axes where
// asked and every value is > 0. Hovering a point names its run and values.
class CompareScatterView : public QWidget
{
    Q_OBJECT

public:
    explicit CompareScatterView(QWidget* parent = nullptr);

    // `runLabels`, `runColors` and `passing` are per run, in the dimensions' run order.
    void setData(const CompareDimension& x, const CompareDimension& y, const QStringList& runLabels,
        const std::vector<QColor>& runColors, const std::vector<bool>& passing, bool logX, bool logY);
    void clear(const QString& message);
    QChart* chart() const { return m_chart; }
    // The runs drawn as points, in series order ("points" then "filteredOut").
    const std::vector<size_t>& shownRuns() const { return m_shown; }

private:
    void showPointText(const QPointF& point, bool state);

    QChart* m_chart;
    QChartView* m_view;
    std::vector<size_t> m_shown;
    std::vector<QString> m_texts;
    QScatterSeries* m_points = nullptr;
};

} // namespace prov
