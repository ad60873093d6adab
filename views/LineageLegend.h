#pragma once

#include <QWidget>

namespace prov {

// A one-row key to the lineage view: each node kind's shape and colour with its name.
class LineageLegend : public QWidget
{
    Q_OBJECT

public:
    explicit LineageLegend(QWidget* parent = nullptr);

    QSize sizeHint() const override;

protected:
    void paintEvent(QPaintEvent* event) override;
};

} // namespace prov
