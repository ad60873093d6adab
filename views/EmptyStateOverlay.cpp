#include "EmptyStateOverlay.h"

#include <QEvent>

namespace prov {

EmptyStateOverlay::EmptyStateOverlay(QWidget* target)
    : QLabel(target)
    , m_target(target)
{
    setAlignment(Qt::AlignCenter);
    setWordWrap(true);
    setTextFormat(Qt::PlainText);
    setAttribute(Qt::WA_TransparentForMouseEvents);
    setContentsMargins(24, 24, 24, 24);
    // Over a view's viewport a label would paint with the Text role (its parent's background
    // is Base); pin WindowText and mute it so the message reads as a hint, not as data.
    setForegroundRole(QPalette::WindowText);
    QPalette p = palette();
    p.setColor(QPalette::WindowText, p.color(QPalette::Disabled, QPalette::Text));
    setPalette(p);
    target->installEventFilter(this);
    hide();
}

void EmptyStateOverlay::setMessage(const QString& message)
{
    setText(message);
    setVisible(!message.isEmpty());
    if (!message.isEmpty()) {
        follow();
        raise();
    }
}

bool EmptyStateOverlay::eventFilter(QObject* watched, QEvent* event)
{
    if (watched == m_target && event->type() == QEvent::Resize)
        follow();
    return QLabel::eventFilter(watched, event);
}

void EmptyStateOverlay::follow()
{
    setGeometry(m_target->rect());
}

} // namespace prov
