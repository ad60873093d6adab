#pragma once

#include "itemmodels/RunTableColumns.h"

#include <QDialog>

#include <array>
#include <memory>

class QGroupBox;
class QLabel;
class QListWidget;

namespace prov {

namespace Ui {
class ColumnChooserDialog;
}

class EmptyStateOverlay;
struct RunTable;

// Lets the user pick which metric, parameter and tag keys of the current runs become run
// table columns. Ticking every metric (or parameter) means "all", so keys logged later show
// up by themselves. Tags start from the caller's choice (off unless chosen). Remembers
// nothing: the caller reads choice() after exec() and stores it.
class ColumnChooserDialog : public QDialog
{
    Q_OBJECT

public:
    ColumnChooserDialog(const RunTable& table, const RunColumnChoice& current, QWidget* parent = nullptr);
    ~ColumnChooserDialog() override;

    RunColumnChoice choice() const;

private:
    enum SectionId { Metrics, Params, Tags, SectionCount };

    struct Section
    {
        QGroupBox* group = nullptr;
        QListWidget* list = nullptr;
        QLabel* count = nullptr;
        EmptyStateOverlay* emptyState = nullptr;
        QString title;
        QString noKeysMessage;
    };

    void setupSection(SectionId id, const QStringList& keys, const QStringList& checked, bool allChecked);
    void setShownChecked(SectionId id, bool checked);
    void applySearch(const QString& text);
    void updateCount(SectionId id);
    bool allChecked(SectionId id) const;
    QStringList checkedKeys(SectionId id) const;

    std::unique_ptr<Ui::ColumnChooserDialog> m_ui;
    RunColumnChoice m_current;
    std::array<Section, SectionCount> m_sections;
};

} // namespace prov
