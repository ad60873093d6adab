#include "TestFixtures.h"

#include <QCryptographicHash>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>

#include <algorithm>

namespace TestFixtures {

QString dataPath(const QString& relative)
{
    return QDir(QStringLiteral(PROVENANCE_TEST_DATA)).filePath(relative);
}

bool copyTree(const QString& source, const QString& destination)
{
    const QDir src(source);
    if (!QDir().mkpath(destination))
        return false;
    const auto entries = src.entryInfoList(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot | QDir::System);
    for (const QFileInfo& entry : entries) {
        const QString target = QDir(destination).filePath(entry.fileName());
        if (entry.isDir() && !entry.isSymLink()) {
            if (!copyTree(entry.filePath(), target))
                return false;
        } else if (!QFile::copy(entry.filePath(), target)) {
            return false;
        } else {
            QFile::setPermissions(target, QFile::permissions(target) | QFile::WriteOwner);
        }
    }
    return true;
}

QByteArray treeDigest(const QString& root)
{
    QStringList paths;
    QDirIterator it(root, QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot | QDir::System,
        QDirIterator::Subdirectories);
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

} // namespace TestFixtures
