#pragma once

#include "core/Result.h"

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace prov {

// A set of file changes to a file store, staged in memory and then committed as one change:
// each file is replaced atomically (written to a temporary file in `scratchFolder`, flushed to
// disk, renamed over the target, keeping the mode of the file it replaces), and when one step
// fails every file already changed is put back as it was and folders the edit created are
// removed. A reader may see some files changed before others while the commit runs (a file
// system has no multi-file transaction); it never sees a half-written file.
//
// Temporary files go to the registered model's folder, where neither MLflow nor Provenance
// looks for tags, aliases or versions (both list only folders there).
class FileStoreEdit
{
public:
    // The content a read of `path` would give once the edit is committed (staged changes
    // first, else the file on disk); nullopt when it does not or would not exist.
    Result<std::optional<QByteArray>> read(const QString& path) const;
    void write(const QString& path, const QByteArray& content, const QString& scratchFolder);
    void remove(const QString& path, const QString& scratchFolder);
    bool isEmpty() const { return m_order.isEmpty(); }
    // Every path staged so far, written or removed.
    const QStringList& stagedPaths() const { return m_order; }

    // Commits the changes in the order they were first staged.
    Status commit();

private:
    struct Change
    {
        std::optional<QByteArray> content; // nullopt: remove
        QString scratchFolder;
    };
    struct Done
    {
        QString path;
        std::optional<QByteArray> previous;
        int previousMode = 0;
    };

    Status apply(const QString& path, const Change& change, QList<Done>& done, QStringList& madeFolders);
    void undo(const QList<Done>& done, const QStringList& madeFolders);

    QHash<QString, Change> m_changes;
    QStringList m_order;
};

} // namespace prov
