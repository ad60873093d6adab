#pragma once

#include <QStringList>

// A sorted copy, for comparing lists whose order is not part of what a test specifies.
inline QStringList sorted(QStringList list)
{
    list.sort();
    return list;
}
