#pragma once

#include <QDialog>

class QLabel;
class QListWidget;
class QPushButton;

namespace prov {

class WriteBackQueue;

// Lists the store's queued write-backs (saved model cards not yet in the store, or refused by
// it with the reason) and lets the user retry now, discard one, or turn a refused card save
// back into a draft to edit. Non-modal; follows the queue as it changes.
class OutboxDialog : public QDialog
{
    Q_OBJECT

public:
    explicit OutboxDialog(WriteBackQueue* queue, QWidget* parent = nullptr);

private:
    void refresh();
    void updateButtons();
    qint64 currentId() const;

    WriteBackQueue* m_queue;
    QLabel* m_summary;
    QListWidget* m_list;
    QPushButton* m_retry;
    QPushButton* m_discard;
    QPushButton* m_draft;
};

} // namespace prov
