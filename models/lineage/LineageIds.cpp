#include "lineage/LineageIds.h"

#include <QCryptographicHash>
#include <QUrl>

namespace prov {
namespace {

// Eight hex digits naming a long or free-form text (a dataset source, a repository URL).
QString shortHash(const QString& text)
{
    return QString::fromLatin1(QCryptographicHash::hash(text.toUtf8(), QCryptographicHash::Sha1).toHex().left(8));
}

} // namespace

QString LineageIds::encode(const QString& text)
{
    return QString::fromLatin1(QUrl::toPercentEncoding(text));
}

QString LineageIds::run(const QString& runId)
{
    return QStringLiteral("run:") + encode(runId);
}

QString LineageIds::dataset(const QString& source, const QString& digest)
{
    return QStringLiteral("dataset:") + encode(digest) + QLatin1Char('-') + shortHash(source);
}

QString LineageIds::code(const QString& repository, const QString& commit, const QString& sourceName)
{
    if (commit.isEmpty())
        return QStringLiteral("code:") + encode(sourceName);
    if (repository.isEmpty())
        return QStringLiteral("code:") + encode(commit);
    return QStringLiteral("code:") + encode(commit) + QLatin1Char('-') + shortHash(repository);
}

QString LineageIds::loggedModel(const QString& modelId)
{
    static const QString runsScheme = QStringLiteral("runs:/");
    return QStringLiteral("model:") + encode(modelId.startsWith(runsScheme) ? modelId.mid(runsScheme.size()) : modelId);
}

QString LineageIds::modelVersion(const QString& modelName, qint64 version)
{
    return QStringLiteral("version:") + encode(modelName) + QLatin1Char('/') + QString::number(version);
}

QString LineageIds::deployment(const QString& modelName, const QString& kind, const QString& binding)
{
    return QStringLiteral("deployment:") + encode(modelName) + QLatin1Char('/') + kind + QLatin1Char('/')
        + encode(binding);
}

QString LineageIds::agent(const QString& user)
{
    return QStringLiteral("agent:") + encode(user);
}

QString LineageIds::prefixOf(const QString& id)
{
    return id.section(QLatin1Char(':'), 0, 0);
}

} // namespace prov
