#include "CompareDiffPanel.h"

#include "itemmodels/CompareDiffModel.h"

#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTableView>
#include <QVBoxLayout>

namespace prov {

CompareDiffPanel::CompareDiffPanel(QWidget* parent)
    : QWidget(parent)
    , m_model(new CompareDiffModel(this))
    , m_onlyDifferences(new QCheckBox(tr("Only differences")))
    , m_reference(new QComboBox)
    , m_table(new QTableView)
{
    m_onlyDifferences->setObjectName(QStringLiteral("onlyDifferencesCheck"));
    m_reference->setObjectName(QStringLiteral("referenceCombo"));
    m_table->setObjectName(QStringLiteral("diffTable"));
    m_table->setModel(m_model);
    m_table->setWordWrap(false);
    m_table->setAlternatingRowColors(true);
    m_table->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_table->horizontalHeader()->setDefaultSectionSize(150);
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 6);
    auto* copy = new QPushButton(tr("Copy"));
    copy->setObjectName(QStringLiteral("copyDiffButton"));
    auto* copyAction = new QAction(tr("Copy"), m_table);
    copyAction->setShortcut(QKeySequence::Copy);
    copyAction->setShortcutContext(Qt::WidgetShortcut);
    m_table->addAction(copyAction);
    auto* saveAction = new QAction(tr("Save Table as CSV…"), m_table);
    saveAction->setObjectName(QStringLiteral("saveTableAction"));
    m_table->addAction(saveAction);
    m_table->setContextMenuPolicy(Qt::ActionsContextMenu);
    auto* save = new QPushButton(tr("Save as CSV…"));
    save->setObjectName(QStringLiteral("saveTableButton"));

    auto* bar = new QHBoxLayout;
    bar->addWidget(m_onlyDifferences);
    bar->addSpacing(12);
    bar->addWidget(new QLabel(tr("Reference run:")));
    bar->addWidget(m_reference);
    bar->addStretch();
    bar->addWidget(copy);
    bar->addWidget(save);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 4, 0, 0);
    layout->addLayout(bar);
    layout->addWidget(m_table);

    connect(m_onlyDifferences, &QCheckBox::toggled, m_model, &CompareDiffModel::setOnlyDifferences);
    connect(m_reference, &QComboBox::currentIndexChanged, this,
        [this](int index) { m_model->setReferenceRun(index - 1); }); // entry 0 is "None"
    connect(copy, &QPushButton::clicked, this, &CompareDiffPanel::copySelection);
    connect(copyAction, &QAction::triggered, this, &CompareDiffPanel::copySelection);
    connect(save, &QPushButton::clicked, this, &CompareDiffPanel::saveRequested);
    connect(saveAction, &QAction::triggered, this, &CompareDiffPanel::saveRequested);
}

void CompareDiffPanel::setRuns(std::vector<CompareRunFacts> runs)
{
    const QSignalBlocker blocker(m_reference);
    m_reference->clear();
    m_reference->addItem(tr("None"));
    for (const CompareRunFacts& facts : runs)
        m_reference->addItem(facts.run.label());
    m_model->setReferenceRun(-1);
    m_model->setRuns(std::move(runs));
}

void CompareDiffPanel::copySelection() const
{
    QModelIndexList selected = m_table->selectionModel()->selectedIndexes();
    if (selected.isEmpty()) { // nothing selected: the whole table
        for (int r = 0; r < m_model->rowCount(); ++r) {
            for (int c = 0; c < m_model->columnCount(); ++c)
                selected.append(m_model->index(r, c));
        }
    }
    QApplication::clipboard()->setText(m_model->copyText(selected));
}

} // namespace prov
