#pragma once

#include "compare/CompareDimension.h"

#include <QColor>
#include <QWidget>

#include <vector>

QT_BEGIN_NAMESPACE
class QCheckBox;
class QComboBox;
QT_END_NAMESPACE

namespace prov {

class CompareScatterView;

// The scatter tab of the Compare page: any param or latest metric against any other (two
// choosers), each axis linear or log; runs filtered out by the parallel coordinates are grey.
class CompareScatterPanel : public QWidget
{
    Q_OBJECT

public:
    explicit CompareScatterPanel(QWidget* parent = nullptr);

    // Per run (page order): its label and colour; `dims` are what the axes can show.
    void setRuns(std::vector<CompareDimension> dims, QStringList labels, std::vector<QColor> colors);
    void setPassing(std::vector<bool> passing);
    // Chooses the dimensions by index into the dimensions given (as the choosers do).
    void choose(int x, int y);
    CompareScatterView* view() const { return m_view; }

private:
    void redraw();

    std::vector<CompareDimension> m_dims;
    QStringList m_labels;
    std::vector<QColor> m_colors;
    std::vector<bool> m_passing;
    QComboBox* m_x;
    QComboBox* m_y;
    QCheckBox* m_logX;
    QCheckBox* m_logY;
    CompareScatterView* m_view;
};

} // namespace prov
