#pragma once

#include <QLabel>

namespace prov {

// A centred, muted message laid over another widget (typically an item view's viewport) that
// says what to do when there is nothing to show: "No runs match the filter", ... Follows the
// target's size; hidden while the message is empty.
class EmptyStateOverlay : public QLabel
{
    Q_OBJECT

public:
    explicit EmptyStateOverlay(QWidget* target);

    void setMessage(const QString& message);

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void follow();

    QWidget* m_target;
};

} // namespace prov
