#include "store/sqlite/MlflowSqliteArtifacts.h"

#include "core/Result.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QUrl>

#include <algorithm>
#include <exception>

namespace prov {
namespace {

const QString proxiedScheme = QStringLiteral("mlflow-artifacts:");

// `mlflow-artifacts:/1/abc/artifacts` or `mlflow-artifacts://host:5000/1/abc/artifacts`.
QString proxiedPath(const QString& uri)
{
    QString rest = uri.mid(proxiedScheme.size());
    if (rest.startsWith(QLatin1String("//"))) {
        const qsizetype slash = rest.indexOf(QLatin1Char('/'), 2);
        rest = slash < 0 ? QString() : rest.mid(slash);
    }
    while (rest.startsWith(QLatin1Char('/')))
        rest.remove(0, 1);
    return QUrl::fromPercentEncoding(rest.toUtf8());
}

bool isDirectory(const QString& path)
{
    return !path.isEmpty() && QFileInfo(path).isDir();
}

} // namespace

MlflowSqliteArtifacts::MlflowSqliteArtifacts(const QString& databasePath)
    : m_databaseFolder(QFileInfo(databasePath).absolutePath())
{ }

QString MlflowSqliteArtifacts::localFolder(const QString& uri) const
{
    if (uri.startsWith(proxiedScheme)) {
        const QString relative = proxiedPath(uri);
        if (relative.isEmpty() || relative.split(QLatin1Char('/')).contains(QLatin1String("..")))
            return {};
        for (const QString& root : { QStringLiteral("artifacts"), QStringLiteral("mlartifacts") }) {
            const QString candidate = QDir(m_databaseFolder).filePath(root + QLatin1Char('/') + relative);
            if (isDirectory(candidate))
                return QDir::cleanPath(candidate);
        }
        return {};
    }
    QString path;
    if (uri.startsWith(QLatin1String("file:")))
        path = QUrl(uri).toLocalFile();
    else if (QDir::isAbsolutePath(uri))
        path = uri;
    return isDirectory(path) ? QDir::cleanPath(path) : QString();
}

ArtifactList MlflowSqliteArtifacts::list(const QString& folder)
{
    ArtifactList entries;
    if (folder.isEmpty())
        return entries;
    const QDir root(folder);
    QDirIterator it(
        folder, QDir::AllEntries | QDir::Hidden | QDir::System | QDir::NoDotAndDotDot, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        it.next();
        const QFileInfo info = it.fileInfo();
        const bool isDir = info.isDir();
        entries.append(ArtifactEntry { root.relativeFilePath(info.filePath()), isDir, isDir ? 0 : info.size() });
    }
    std::sort(
        entries.begin(), entries.end(), [](const ArtifactEntry& a, const ArtifactEntry& b) { return a.path < b.path; });
    return entries;
}

MlmodelSummary MlflowSqliteArtifacts::mlmodel(const QString& folder, StoreIssueList& issues)
{
    if (folder.isEmpty())
        return {};
    const QString path = QDir(folder).filePath(QStringLiteral("MLmodel"));
    QFile file(path);
    if (!file.exists())
        return {};
    auto fail = [&](const QString& why) {
        issues.append(StoreIssue {
            StoreIssue::Severity::Warning, path, QStringLiteral("cannot read the model's flavors: ") + why, {}, {} });
        return MlmodelSummary();
    };
    if (!file.open(QIODevice::ReadOnly))
        return fail(file.errorString());
    auto summary = MlmodelSummary::parse(file.readAll());
    if (!summary)
        return fail(summary.error().message);
    return summary.value();
}

} // namespace prov
