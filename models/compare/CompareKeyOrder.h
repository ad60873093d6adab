#pragma once

#include <QStringList>

namespace prov {

// The order the user put a page's items in -- the Compare page's metric charts, the parallel
// coordinates' axes -- kept while the page is open, across comparisons. Keys start in the
// order they are first seen; moving a key swaps it with its neighbour among the keys shown
// (keys not shown keep their places, so showing one again puts it back where it was). Pure.
class CompareKeyOrder
{
public:
    // Remembers `keys` not seen before, after the others, in the order given.
    void learn(const QStringList& keys);
    // `keys` in the user's order (keys never learnt last, as given).
    QStringList arrange(const QStringList& keys) const;
    // Moves `key` by `delta` places (-1: left / up, +1: right / down) among `shown`; false when
    // it is not shown or would leave the ends.
    bool move(const QString& key, int delta, const QStringList& shown);
    // Puts `keys` first, in this order (a chooser's result); the others follow as they were.
    void place(const QStringList& keys);

private:
    QStringList m_order;
};

} // namespace prov
