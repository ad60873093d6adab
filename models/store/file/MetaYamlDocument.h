#pragma once

#include "core/Result.h"

#include <QByteArray>
#include <QList>
#include <QString>

#include <utility>

namespace prov {

// A meta.yaml as MLflow's file store writes it (a top-level block mapping, keys sorted, one
// per line at column 0, nested values indented or, for sequences, led by "- "), edited by
// replacing whole top-level entries. Entries it does not touch keep their exact bytes, so an
// update changes only what MLflow's own update would change in the file. A file in another
// form (hand-edited, flow style) is refused rather than rewritten.
class MetaYamlDocument
{
public:
    static Result<MetaYamlDocument> parse(const QByteArray& text, const QString& location);

    bool has(const QString& key) const;
    // Replaces the entry of `key`, or inserts it in sorted position; `entry` is the complete
    // text of the entry as PyYamlWriter makes it.
    void set(const QString& key, const QByteArray& entry);
    QByteArray text() const;

private:
    QList<std::pair<QString, QByteArray>> m_entries;
};

} // namespace prov
