#pragma once

#include "compare/CompareRunFacts.h"

#include <QWidget>

#include <vector>

QT_BEGIN_NAMESPACE
class QCheckBox;
class QComboBox;
class QTableView;
QT_END_NAMESPACE

namespace prov {

class CompareDiffModel;

// The diff table of the Compare page with its controls: "Only differences", a reference run
// the other runs' numbers are compared with, copying the selected cells (Ctrl+C, the Copy
// button or the table's context menu) as tab-separated text, and saving the table as CSV
// (saveRequested: the page's exporter asks for a file and writes it).
class CompareDiffPanel : public QWidget
{
    Q_OBJECT

public:
    explicit CompareDiffPanel(QWidget* parent = nullptr);

    void setRuns(std::vector<CompareRunFacts> runs);
    CompareDiffModel* model() const { return m_model; }
    QTableView* table() const { return m_table; }
    void copySelection() const;

Q_SIGNALS:
    void saveRequested();

private:
    CompareDiffModel* m_model;
    QCheckBox* m_onlyDifferences;
    QComboBox* m_reference;
    QTableView* m_table;
};

} // namespace prov
