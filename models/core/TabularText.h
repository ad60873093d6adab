#pragma once

#include <QByteArray>
#include <QList>
#include <QStringList>

namespace prov {

// Rows of text (the first row is the header) written as aligned columns for a terminal or
// as RFC 4180 CSV. Shared by every command-line listing so they all look alike.
class TabularText
{
public:
    static QByteArray aligned(const QList<QStringList>& rows);
    static QByteArray csv(const QList<QStringList>& rows);
};

} // namespace prov
