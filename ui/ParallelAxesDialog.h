#pragma once

#include <QDialog>
#include <QStringList>

QT_BEGIN_NAMESPACE
class QListWidget;
class QPushButton;
QT_END_NAMESPACE

namespace prov {

// Chooses the axes of the parallel coordinates and their order: a list of every param and
// metric of the compared runs, ticked when shown, reordered by dragging or with Move Up /
// Move Down (Alt+Up / Alt+Down from the keyboard). Remembers nothing: the caller reads
// chosen() after exec().
class ParallelAxesDialog : public QDialog
{
    Q_OBJECT

public:
    struct Axis
    {
        QString id; // ParallelCoordinates::id()
        QString label;
        bool shown = false;
    };

    // `axes` in the order offered (shown ones first, in their order, reads best).
    explicit ParallelAxesDialog(const QList<Axis>& axes, QWidget* parent = nullptr);

    // The ids of the ticked axes, top to bottom.
    QStringList chosen() const;
    QListWidget* list() const { return m_list; }
    // Moves the current row by `delta` rows.
    void moveCurrent(int delta);

private:
    void updateButtons();

    QListWidget* m_list;
    QPushButton* m_up;
    QPushButton* m_down;
};

} // namespace prov
