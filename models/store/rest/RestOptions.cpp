#include "store/rest/RestOptions.h"

#include "store/StoreLocation.h"

#include <QtGlobal>

#include <algorithm>

namespace prov {
namespace {

int intFromEnvironment(const char* name, int fallback, int minimum)
{
    bool ok = false;
    const int value = qEnvironmentVariableIntValue(name, &ok);
    return ok ? std::max(minimum, value) : fallback;
}

// MLflow reads durations in seconds, possibly fractional.
int msFromEnvironment(const char* name, int fallbackMs)
{
    bool ok = false;
    const double seconds = qEnvironmentVariable(name).toDouble(&ok);
    return ok && seconds >= 0 ? static_cast<int>(seconds * 1000) : fallbackMs;
}

bool flagFromEnvironment(const char* name)
{
    const QString value = qEnvironmentVariable(name).trimmed().toLower();
    return value == QLatin1String("true") || value == QLatin1String("1") || value == QLatin1String("yes");
}

} // namespace

RestOptions RestOptions::fromEnvironment(const StoreLocation& location)
{
    RestOptions options;
    options.baseUrl = QUrl(location.uri);
    options.username = qEnvironmentVariable("MLFLOW_TRACKING_USERNAME");
    options.password = qEnvironmentVariable("MLFLOW_TRACKING_PASSWORD");
    options.token = qEnvironmentVariable("MLFLOW_TRACKING_TOKEN");
    options.timeoutMs = std::max(1, msFromEnvironment("MLFLOW_HTTP_REQUEST_TIMEOUT", options.timeoutMs));
    options.maxRetries = intFromEnvironment("MLFLOW_HTTP_REQUEST_MAX_RETRIES", options.maxRetries, 0);
    options.backoffMs = msFromEnvironment("MLFLOW_HTTP_REQUEST_BACKOFF_FACTOR", options.backoffMs);
    options.maxInFlight = intFromEnvironment("PROVENANCE_HTTP_MAX_IN_FLIGHT", options.maxInFlight, 1);
    options.insecureTls = flagFromEnvironment("MLFLOW_TRACKING_INSECURE_TLS");
    options.serverCertPath = qEnvironmentVariable("MLFLOW_TRACKING_SERVER_CERT_PATH");
    options.clientCertPath = qEnvironmentVariable("MLFLOW_TRACKING_CLIENT_CERT_PATH");
    return options;
}

QByteArray RestOptions::authorization() const
{
    if (!token.isEmpty())
        return QByteArrayLiteral("Bearer ") + token.toUtf8();
    if (!username.isEmpty())
        return QByteArrayLiteral("Basic ") + (username + QLatin1Char(':') + password).toUtf8().toBase64();
    return {};
}

} // namespace prov
