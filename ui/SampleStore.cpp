#include "SampleStore.h"

#include "ResourcePaths.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QStandardPaths>

namespace prov {
namespace {

// Bump when the bundled store changes so an old unpacked copy is replaced.
const QString versionMarker = QStringLiteral(".provenance-sample-v1");

Status copyResources(const QString& from, const QString& to)
{
    QDirIterator it(from, QDir::Files | QDir::Hidden | QDir::NoDotAndDotDot, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString source = it.next();
        const QString target = QDir(to).filePath(source.mid(from.size() + 1));
        QDir().mkpath(QFileInfo(target).absolutePath());
        // Plain read and write: QFile::copy syncs each file to disk, seconds for 900 files.
        QFile in(source);
        QFile out(target);
        if (!in.open(QIODevice::ReadOnly) || !out.open(QIODevice::WriteOnly | QIODevice::Truncate)
            || out.write(in.readAll()) != in.size())
            return makeError(
                ErrorCode::Io, QStringLiteral("cannot unpack the sample store: ") + out.errorString(), target);
    }
    // MLflow creates .trash in every store; resources cannot hold an empty folder.
    QDir(to).mkpath(QStringLiteral(".trash"));
    return {};
}

} // namespace

Result<QString> SampleStore::unpack()
{
    const QString root = QDir(QStandardPaths::writableLocation(QStandardPaths::AppLocalDataLocation))
                             .filePath(QStringLiteral("sample-store/mlruns"));
    if (QFile::exists(QDir(root).filePath(versionMarker)))
        return root;
    QDir(root).removeRecursively();
    if (Status s = copyResources(ResourcePaths::sampleStore(), root); !s)
        return s.error();
    QFile marker(QDir(root).filePath(versionMarker));
    if (!marker.open(QIODevice::WriteOnly))
        return makeError(ErrorCode::Io, marker.errorString(), marker.fileName());
    return root;
}

} // namespace prov
