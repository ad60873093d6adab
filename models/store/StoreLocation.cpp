#include "store/StoreLocation.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QUrl>

namespace prov {
namespace {

const QString sqliteScheme = QStringLiteral("sqlite:///");

bool looksLikeSqliteFile(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return false;
    return file.read(16) == QByteArrayLiteral("SQLite format 3\0");
}

StoreLocation makeLocation(StoreLocation::Kind kind, const QString& path)
{
    StoreLocation location;
    location.kind = kind;
    location.path = QDir::cleanPath(path);
    location.uri = kind == StoreLocation::Kind::FileStore ? QUrl::fromLocalFile(location.path).toString()
                                                          : sqliteScheme + location.path;
    return location;
}

// A project folder that holds `mlruns/` is accepted for the store inside it.
QString fileStoreRoot(const QString& dir)
{
    const QDir d(dir);
    const bool isStore = d.exists(QStringLiteral("0")) || d.exists(QStringLiteral(".trash"))
        || d.exists(QStringLiteral("models")) || QFileInfo(dir).fileName() == QLatin1String("mlruns");
    if (!isStore && d.exists(QStringLiteral("mlruns/")))
        return d.filePath(QStringLiteral("mlruns"));
    return dir;
}

bool hasDatabaseSuffix(const QString& path)
{
    const QString suffix = QFileInfo(path).suffix().toLower();
    return suffix == QLatin1String("db") || suffix == QLatin1String("sqlite") || suffix == QLatin1String("sqlite3");
}

Result<StoreLocation> classifyPath(
    const QString& path, const QString& argument, StoreLocation::Existence existence, bool fromSqliteUri = false)
{
    const QFileInfo info(path);
    if (!info.exists()) {
        if (existence == StoreLocation::Existence::MayBeMissing)
            return makeLocation(fromSqliteUri || hasDatabaseSuffix(path) ? StoreLocation::Kind::SqliteBackend
                                                                         : StoreLocation::Kind::FileStore,
                info.absoluteFilePath());
        return makeError(ErrorCode::NotFound, QStringLiteral("no such file or folder"), argument);
    }
    if (info.isDir())
        return makeLocation(StoreLocation::Kind::FileStore, fileStoreRoot(info.absoluteFilePath()));
    if (!info.isReadable())
        return makeError(ErrorCode::Io, QStringLiteral("the file is not readable"), argument);
    if (!looksLikeSqliteFile(path))
        return makeError(ErrorCode::InvalidArgument,
            QStringLiteral("not an MLflow store: expected an mlruns folder or an SQLite database (mlflow.db)"),
            argument);
    return makeLocation(StoreLocation::Kind::SqliteBackend, info.absoluteFilePath());
}

Error unsupportedScheme(const QString& argument)
{
    return makeError(ErrorCode::Unsupported,
        QStringLiteral("this kind of tracking URI is not supported; use an mlruns folder, file:///..., a .db file, "
                       "sqlite:///... or http(s)://server"),
        argument);
}

bool isServerUri(const QString& argument)
{
    return argument.startsWith(QLatin1String("http://"), Qt::CaseInsensitive)
        || argument.startsWith(QLatin1String("https://"), Qt::CaseInsensitive);
}

// The identity of a server: scheme and host in lower case, no default port, no credentials,
// query or fragment, and the path prefix without a trailing slash, so that every spelling of
// one server shares one cache.
Result<StoreLocation> serverLocation(const QString& argument)
{
    const QUrl url(argument, QUrl::StrictMode);
    if (!url.isValid() || url.host().isEmpty())
        return makeError(ErrorCode::InvalidArgument, QStringLiteral("not a valid server address"), argument);
    if (!url.userInfo().isEmpty())
        return makeError(ErrorCode::InvalidArgument,
            QStringLiteral("credentials are not taken from the address; set MLFLOW_TRACKING_USERNAME and "
                           "MLFLOW_TRACKING_PASSWORD, or MLFLOW_TRACKING_TOKEN, instead"),
            url.toString(QUrl::RemoveUserInfo));
    QUrl canonical;
    canonical.setScheme(url.scheme().toLower());
    canonical.setHost(url.host().toLower());
    const int defaultPort = canonical.scheme() == QLatin1String("https") ? 443 : 80;
    if (url.port() != -1 && url.port() != defaultPort)
        canonical.setPort(url.port());
    QString path = QDir::cleanPath(url.path());
    while (path.endsWith(QLatin1Char('/')))
        path.chop(1);
    if (path == QLatin1String("."))
        path.clear();
    canonical.setPath(path);
    StoreLocation location;
    location.kind = StoreLocation::Kind::TrackingServer;
    location.uri = canonical.toString(QUrl::FullyEncoded);
    return location;
}

} // namespace

Result<StoreLocation> StoreLocation::fromArgument(
    const QString& argument, const QString& workingDirectory, Existence existence)
{
    const QString arg = argument.trimmed();
    if (arg.isEmpty())
        return makeError(ErrorCode::InvalidArgument, QStringLiteral("no store given"));
    const QDir cwd(workingDirectory);
    if (isServerUri(arg))
        return serverLocation(arg);
    if (arg.startsWith(QLatin1String("file:"))) {
        const QUrl url(arg);
        if (!url.isValid() || !url.isLocalFile())
            return makeError(ErrorCode::InvalidArgument, QStringLiteral("not a valid file: URI"), argument);
        return classifyPath(url.toLocalFile(), argument, existence);
    }
    if (arg.startsWith(QLatin1String("sqlite:"))) {
        if (!arg.startsWith(sqliteScheme))
            return makeError(ErrorCode::InvalidArgument,
                QStringLiteral(
                    "an SQLite tracking URI looks like sqlite:///relative.db or sqlite:////absolute/path.db"),
                argument);
        const QString rest = arg.mid(sqliteScheme.size());
        const QString path = QDir::isAbsolutePath(rest) ? rest : cwd.absoluteFilePath(rest);
        auto location = classifyPath(path, argument, existence, true);
        if (location && location->kind != Kind::SqliteBackend)
            return makeError(ErrorCode::InvalidArgument, QStringLiteral("sqlite: URI names a folder"), argument);
        return location;
    }
    if (arg.contains(QLatin1String("://")))
        return unsupportedScheme(argument);
    return classifyPath(cwd.absoluteFilePath(arg), argument, existence);
}

Result<StoreLocation> StoreLocation::fromUri(const QString& uri)
{
    if (uri.startsWith(sqliteScheme) && QDir::isAbsolutePath(uri.mid(sqliteScheme.size())))
        return makeLocation(Kind::SqliteBackend, uri.mid(sqliteScheme.size()));
    if (isServerUri(uri))
        return serverLocation(uri);
    const QUrl url(uri);
    if (url.isLocalFile())
        return makeLocation(Kind::FileStore, url.toLocalFile());
    return unsupportedScheme(uri);
}

QString StoreLocation::environmentUri()
{
    return qEnvironmentVariable("MLFLOW_TRACKING_URI").trimmed();
}

QString StoreLocation::kindName() const
{
    switch (kind) {
    case Kind::FileStore:
        return QStringLiteral("MLflow file store");
    case Kind::SqliteBackend:
        return QStringLiteral("MLflow SQLite backend");
    case Kind::TrackingServer:
        return QStringLiteral("MLflow tracking server");
    }
    return {};
}

QString StoreLocation::where() const
{
    return isRemote() ? uri : path;
}

QString StoreLocation::displayName() const
{
    if (isRemote()) {
        const QUrl url(uri);
        QString name = url.host();
        if (url.port() != -1)
            name += QLatin1Char(':') + QString::number(url.port());
        return name + url.path(QUrl::FullyDecoded);
    }
    const QFileInfo info(path);
    const QString parent = info.dir().dirName();
    return parent.isEmpty() ? info.fileName() : parent + QLatin1Char('/') + info.fileName();
}

bool StoreLocation::exists() const
{
    if (isRemote())
        return true;
    const QFileInfo info(path);
    return kind == Kind::FileStore ? info.isDir() : info.isFile();
}

} // namespace prov
