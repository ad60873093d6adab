#pragma once

#include <QByteArray>
#include <QString>
#include <QUrl>

namespace prov {

struct StoreLocation;

// How Provenance talks to one tracking server: where, with which credentials, how many
// requests at once, how long to wait and how often to retry. Read from the variables MLflow's
// own client reads (MLFLOW_TRACKING_USERNAME/_PASSWORD, MLFLOW_TRACKING_TOKEN,
// MLFLOW_HTTP_REQUEST_TIMEOUT, MLFLOW_HTTP_REQUEST_MAX_RETRIES, ..._BACKOFF_FACTOR,
// MLFLOW_TRACKING_INSECURE_TLS, MLFLOW_TRACKING_SERVER_CERT_PATH, ..._CLIENT_CERT_PATH), or set
// by the GUI from its login dialog. Credentials live here only, never in a StoreLocation.
struct RestOptions
{
    QUrl baseUrl; // the server's canonical URI (scheme, host, port, path prefix)
    QString username;
    QString password;
    QString token;
    int maxInFlight = 8;
    int timeoutMs = 120'000;
    int maxRetries = 5;
    int backoffMs = 500; // first retry after about this long, then doubling (plus jitter)
    int maxBackoffMs = 30'000;
    bool insecureTls = false;
    QString serverCertPath;
    QString clientCertPath;

    static RestOptions fromEnvironment(const StoreLocation& location);

    bool hasCredentials() const { return !token.isEmpty() || !username.isEmpty(); }
    // The Authorization header value, empty without credentials. Never logged.
    QByteArray authorization() const;
};

} // namespace prov
