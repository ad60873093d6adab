#include "compare/CompareKeyOrder.h"

#include <utility>

namespace prov {

void CompareKeyOrder::learn(const QStringList& keys)
{
    for (const QString& key : keys) {
        if (!m_order.contains(key))
            m_order.append(key);
    }
}

QStringList CompareKeyOrder::arrange(const QStringList& keys) const
{
    QStringList arranged;
    for (const QString& key : m_order) {
        if (keys.contains(key) && !arranged.contains(key))
            arranged.append(key);
    }
    for (const QString& key : keys) {
        if (!arranged.contains(key))
            arranged.append(key);
    }
    return arranged;
}

bool CompareKeyOrder::move(const QString& key, int delta, const QStringList& shown)
{
    learn(shown);
    const QStringList arranged = arrange(shown);
    const qsizetype from = arranged.indexOf(key);
    const qsizetype to = from + delta;
    if (from < 0 || delta == 0 || to < 0 || to >= arranged.size())
        return false;
    // Step by step, so a move of several places passes each shown key between.
    const int step = delta > 0 ? 1 : -1;
    for (qsizetype i = from; i != to; i += step)
        m_order.swapItemsAt(m_order.indexOf(key), m_order.indexOf(arranged[i + step]));
    return true;
}

void CompareKeyOrder::place(const QStringList& keys)
{
    QStringList order = keys;
    order.removeDuplicates();
    for (const QString& key : std::as_const(m_order)) {
        if (!order.contains(key))
            order.append(key);
    }
    m_order = order;
}

} // namespace prov
