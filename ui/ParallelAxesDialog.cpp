#include "ParallelAxesDialog.h"

#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QVBoxLayout>

namespace prov {

ParallelAxesDialog::ParallelAxesDialog(const QList<Axis>& axes, QWidget* parent)
    : QDialog(parent)
    , m_list(new QListWidget)
    , m_up(new QPushButton(tr("Move Up")))
    , m_down(new QPushButton(tr("Move Down")))
{
    setWindowTitle(tr("Parallel Coordinates Axes"));
    setObjectName(QStringLiteral("parallelAxesDialog"));
    m_list->setObjectName(QStringLiteral("axesList"));
    m_list->setDragDropMode(QAbstractItemView::InternalMove);
    m_list->setDefaultDropAction(Qt::MoveAction);
    for (const Axis& axis : axes) {
        auto* item = new QListWidgetItem(axis.label, m_list);
        item->setData(Qt::UserRole, axis.id);
        item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsUserCheckable | Qt::ItemIsDragEnabled);
        item->setCheckState(axis.shown ? Qt::Checked : Qt::Unchecked);
        item->setToolTip(axis.label);
    }
    m_list->setCurrentRow(0);
    m_up->setAutoDefault(false); // Enter accepts the dialog
    m_down->setAutoDefault(false);
    m_up->setObjectName(QStringLiteral("moveAxisUpButton"));
    m_up->setShortcut(QKeySequence(Qt::ALT | Qt::Key_Up));
    m_down->setObjectName(QStringLiteral("moveAxisDownButton"));
    m_down->setShortcut(QKeySequence(Qt::ALT | Qt::Key_Down));
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel);

    auto* side = new QVBoxLayout;
    side->addWidget(m_up);
    side->addWidget(m_down);
    side->addStretch();
    auto* row = new QHBoxLayout;
    row->addWidget(m_list, 1);
    row->addLayout(side);
    auto* layout = new QVBoxLayout(this);
    auto* hint = new QLabel(tr("Tick the axes to draw; drag them, or use Move Up and Move Down, to order them "
                               "left to right."));
    hint->setWordWrap(true);
    layout->addWidget(hint);
    layout->addLayout(row, 1);
    layout->addWidget(buttons);
    resize(420, 460);

    connect(m_up, &QPushButton::clicked, this, [this] { moveCurrent(-1); });
    connect(m_down, &QPushButton::clicked, this, [this] { moveCurrent(1); });
    connect(m_list, &QListWidget::currentRowChanged, this, &ParallelAxesDialog::updateButtons);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    updateButtons();
}

void ParallelAxesDialog::moveCurrent(int delta)
{
    const int from = m_list->currentRow();
    const int to = from + delta;
    if (from < 0 || to < 0 || to >= m_list->count())
        return;
    QListWidgetItem* item = m_list->takeItem(from);
    m_list->insertItem(to, item);
    m_list->setCurrentRow(to);
}

void ParallelAxesDialog::updateButtons()
{
    const int row = m_list->currentRow();
    m_up->setEnabled(row > 0);
    m_down->setEnabled(row >= 0 && row + 1 < m_list->count());
}

QStringList ParallelAxesDialog::chosen() const
{
    QStringList ids;
    for (int row = 0; row < m_list->count(); ++row) {
        if (m_list->item(row)->checkState() == Qt::Checked)
            ids.append(m_list->item(row)->data(Qt::UserRole).toString());
    }
    return ids;
}

} // namespace prov
