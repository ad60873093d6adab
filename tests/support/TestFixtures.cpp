#include "TestFixtures.h"

#include "core/CancellationToken.h"
#include "jobs/WorkerPool.h"
#include "store/StoreLocation.h"
#include "store/StoreReaderFactory.h"
#include "sync/SyncEngine.h"

#include <QCryptographicHash>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>

#include <algorithm>
#include <filesystem>

namespace TestFixtures {

QString dataPath(const QString& relative)
{
    return QDir(QStringLiteral(PROVENANCE_TEST_DATA)).filePath(relative);
}

bool copyTree(const QString& source, const QString& destination)
{
    // std::filesystem, not QFile::copy: the latter syncs every file to disk, which makes a
    // copy of a fixture store take seconds on slow disks.
    namespace fs = std::filesystem;
    std::error_code error;
    const fs::path from(source.toStdString());
    const fs::path to(destination.toStdString());
    fs::create_directories(to, error);
    if (error)
        return false;
    fs::copy(from, to, fs::copy_options::recursive | fs::copy_options::copy_symlinks, error);
    if (error)
        return false;
    for (const auto& entry : fs::recursive_directory_iterator(to, error)) {
        if (!entry.is_symlink())
            fs::permissions(entry.path(), fs::perms::owner_write, fs::perm_options::add, error);
    }
    return !error;
}

QByteArray treeDigest(const QString& root)
{
    QStringList paths;
    QDirIterator it(
        root, QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot | QDir::System, QDirIterator::Subdirectories);
    while (it.hasNext())
        paths << it.next();
    std::sort(paths.begin(), paths.end());
    QCryptographicHash hash(QCryptographicHash::Sha256);
    const QDir base(root);
    for (const QString& path : std::as_const(paths)) {
        const QFileInfo info(path);
        hash.addData(base.relativeFilePath(path).toUtf8());
        hash.addData(QByteArray::number(info.size()));
        hash.addData(QByteArray::number(static_cast<int>(info.permissions())));
        hash.addData(QByteArray::number(info.lastModified().toMSecsSinceEpoch()));
        if (info.isFile()) {
            QFile file(path);
            if (file.open(QIODevice::ReadOnly))
                hash.addData(file.readAll());
        }
    }
    return hash.result().toHex();
}

QJsonDocument readJson(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QJsonDocument::fromJson(file.readAll());
}

QJsonObject mlflow2Expected(const QString& store)
{
    return readJson(dataPath(QStringLiteral("mlflow2/expected.json")))
        .object()
        .value(QStringLiteral("stores"))
        .toObject()
        .value(store)
        .toObject();
}

prov::Result<void> syncInto(const QString& store, const QString& cachePath)
{
    auto location = prov::StoreLocation::fromArgument(store, dataPath({}));
    if (!location)
        return location.error();
    prov::WorkerPool workers;
    auto reader = prov::StoreReaderFactory::open(*location, workers);
    if (!reader)
        return reader.error();
    auto summary = prov::SyncEngine(**reader, cachePath, workers).run(prov::CancellationToken());
    if (!summary)
        return summary.error();
    return {};
}

prov::Result<prov::CacheReader> syncedCache(const QString& store, const QString& cachePath)
{
    if (auto synced = syncInto(store, cachePath); !synced)
        return synced.error();
    return prov::CacheReader::open(cachePath);
}

} // namespace TestFixtures
