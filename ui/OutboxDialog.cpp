#include "OutboxDialog.h"

#include "WriteBackQueue.h"
#include "core/DisplayFormat.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QListWidget>
#include <QMessageBox>
#include <QPushButton>
#include <QVBoxLayout>

namespace prov {

OutboxDialog::OutboxDialog(WriteBackQueue* queue, QWidget* parent)
    : QDialog(parent)
    , m_queue(queue)
    , m_summary(new QLabel(this))
    , m_list(new QListWidget(this))
    , m_retry(new QPushButton(tr("&Retry Now"), this))
    , m_discard(new QPushButton(tr("&Discard…"), this))
    , m_draft(new QPushButton(tr("Back to &Draft"), this))
{
    setWindowTitle(tr("Queued Changes"));
    m_list->setObjectName(QStringLiteral("outboxList"));
    m_summary->setWordWrap(true);
    m_list->setWordWrap(true);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    buttons->addButton(m_retry, QDialogButtonBox::ActionRole);
    buttons->addButton(m_draft, QDialogButtonBox::ActionRole);
    buttons->addButton(m_discard, QDialogButtonBox::DestructiveRole);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_summary);
    layout->addWidget(m_list, 1);
    layout->addWidget(buttons);
    resize(560, 320);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::close);
    connect(m_queue, &WriteBackQueue::changed, this, &OutboxDialog::refresh);
    connect(m_list, &QListWidget::currentRowChanged, this, &OutboxDialog::updateButtons);
    connect(m_retry, &QPushButton::clicked, this, [this] { m_queue->retry(currentId()); });
    connect(m_draft, &QPushButton::clicked, this, [this] { m_queue->backToDraft(currentId()); });
    connect(m_discard, &QPushButton::clicked, this, [this] {
        const auto answer = QMessageBox::question(this, tr("Discard Queued Change"),
            tr("The change will not be written to the store and cannot be recovered. Discard it?"));
        if (answer == QMessageBox::Yes)
            m_queue->discard(currentId());
    });
    refresh();
}

qint64 OutboxDialog::currentId() const
{
    const QListWidgetItem* item = m_list->currentItem();
    return item ? item->data(Qt::UserRole).toLongLong() : 0;
}

void OutboxDialog::refresh()
{
    const qint64 keep = currentId();
    m_list->clear();
    for (const OutboxEntry& e : m_queue->entries()) {
        QString text = e.summary + QStringLiteral("\n") + tr("Saved %1").arg(DisplayFormat::timestamp(e.createdAt));
        if (e.state == OutboxEntry::State::Refused)
            text += QStringLiteral(" — ") + tr("refused by the store: %1").arg(e.lastError);
        else if (!e.lastError.isEmpty())
            text += QStringLiteral(" — ") + tr("waiting: %1").arg(e.lastError);
        auto* item = new QListWidgetItem(text, m_list);
        item->setData(Qt::UserRole, e.id);
        item->setData(Qt::UserRole + 1, e.state == OutboxEntry::State::Refused);
        item->setData(Qt::UserRole + 2, e.isCard());
        if (e.id == keep)
            m_list->setCurrentItem(item);
    }
    m_summary->setText(m_list->count() == 0
            ? tr("Nothing is waiting to be written to the store.")
            : tr("%1 waiting to be written to the store, %2 refused by it. Waiting changes are written at the next "
                 "sync that reaches the store.")
                  .arg(m_queue->pendingCount())
                  .arg(m_queue->refusedCount()));
    if (!m_list->currentItem() && m_list->count() > 0)
        m_list->setCurrentRow(0);
    updateButtons();
}

void OutboxDialog::updateButtons()
{
    const QListWidgetItem* item = m_list->currentItem();
    const bool refused = item && item->data(Qt::UserRole + 1).toBool();
    m_retry->setEnabled(item && !m_queue->isPushing());
    m_discard->setEnabled(item != nullptr);
    m_draft->setEnabled(refused && item->data(Qt::UserRole + 2).toBool());
}

} // namespace prov
