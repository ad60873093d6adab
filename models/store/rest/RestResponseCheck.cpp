#include "store/rest/RestResponseCheck.h"

#include "core/LogCategories.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QNetworkReply>

namespace prov {
namespace {

Error failure(
    ErrorCode code, const RestRequest& request, const RestResponseCheck::Context& context, const QString& cause)
{
    const QString what = request.what.isEmpty() ? QStringLiteral("data") : request.what;
    const QString verb = request.changes ? QStringLiteral("could not save ") : QStringLiteral("could not read ");
    return makeError(code, verb + what + QStringLiteral(": ") + cause, context.server);
}

// MLflow's JSON error body: {"error_code": ..., "message": ...}; empty when it is not one.
QString mlflowMessage(const QByteArray& body)
{
    const QJsonDocument document = QJsonDocument::fromJson(body);
    if (!document.isObject())
        return {};
    return document.object().value(QLatin1String("message")).toString();
}

// MLflow's /ajax-api answers are written by Python's json module, which spells non-finite
// floats as the bare words NaN, Infinity and -Infinity (its /api answers quote them). JSON has
// no such numbers, so they are quoted here, outside strings only, and read like the quoted ones.
QByteArray quoteNonFiniteNumbers(const QByteArray& body)
{
    static const QByteArray words[]
        = { QByteArrayLiteral("-Infinity"), QByteArrayLiteral("Infinity"), QByteArrayLiteral("NaN") };
    QByteArray out;
    out.reserve(body.size() + 64);
    bool inString = false;
    for (qsizetype i = 0; i < body.size(); ++i) {
        const char c = body.at(i);
        if (inString) {
            out.append(c);
            if (c == '\\' && i + 1 < body.size())
                out.append(body.at(++i));
            else if (c == '"')
                inString = false;
            continue;
        }
        if (c == '"') {
            inString = true;
            out.append(c);
            continue;
        }
        bool replaced = false;
        for (const QByteArray& word : words) {
            if (QByteArrayView(body).sliced(i).startsWith(word)) {
                out.append('"').append(word).append('"');
                i += word.size() - 1;
                replaced = true;
                break;
            }
        }
        if (!replaced)
            out.append(c);
    }
    return out;
}

bool looksLikeWebPage(const RestRawResponse& raw)
{
    return raw.contentType.startsWith("text/html") || raw.body.trimmed().startsWith('<');
}

QString networkCause(const RestRawResponse& raw, const RestResponseCheck::Context& context)
{
    if (raw.timedOut)
        return QStringLiteral("no answer within %1 s (MLFLOW_HTTP_REQUEST_TIMEOUT), %2 attempt(s)")
            .arg(context.timeoutMs / 1000.0)
            .arg(raw.attempts);
    switch (static_cast<QNetworkReply::NetworkError>(raw.networkError)) {
    case QNetworkReply::ConnectionRefusedError:
        return QStringLiteral("the connection was refused; is the server running?");
    case QNetworkReply::HostNotFoundError:
        return QStringLiteral("the host name could not be resolved");
    case QNetworkReply::RemoteHostClosedError:
        return QStringLiteral("the server closed the connection before its answer was complete (%1 attempt(s))")
            .arg(raw.attempts);
    case QNetworkReply::SslHandshakeFailedError:
        return QStringLiteral("the server's TLS certificate could not be verified; set "
                              "MLFLOW_TRACKING_SERVER_CERT_PATH to its CA certificate");
    default:
        return QStringLiteral("the network failed (%1 attempt(s))").arg(raw.attempts);
    }
}

Result<RestReply> judgeData(
    const RestRawResponse& raw, const RestRequest& request, const RestResponseCheck::Context& context)
{
    RestReply reply;
    reply.status = raw.status;
    if (request.expectsText) {
        reply.text = raw.body;
        return reply;
    }
    if (!raw.contentType.contains("json")) {
        qCWarning(lcRest) << request.path << "answered" << raw.contentType << raw.body.left(200);
        return failure(ErrorCode::Corrupt, request, context,
            looksLikeWebPage(raw) ? QStringLiteral("the server answered with a web page instead of MLflow data; "
                                                   "check the address, including any path prefix")
                                  : QStringLiteral("the server answered with something other than MLflow data"));
    }
    QJsonParseError error;
    QJsonDocument document = QJsonDocument::fromJson(raw.body, &error);
    if (error.error == QJsonParseError::IllegalNumber)
        document = QJsonDocument::fromJson(quoteNonFiniteNumbers(raw.body), &error);
    if (error.error != QJsonParseError::NoError || !document.isObject()) {
        qCWarning(lcRest) << request.path << "sent invalid JSON:" << error.errorString() << "at" << error.offset << "of"
                          << raw.body.size() << "bytes";
        return failure(ErrorCode::Corrupt, request, context,
            QStringLiteral("the server's answer is not valid JSON (it may have been cut off)"));
    }
    reply.json = document.object();
    return reply;
}

} // namespace

bool RestResponseCheck::isConnectionFailure(const RestRawResponse& raw)
{
    const auto error = static_cast<QNetworkReply::NetworkError>(raw.networkError);
    return raw.status == 0 && !raw.timedOut
        && (error == QNetworkReply::ConnectionRefusedError || error == QNetworkReply::HostNotFoundError);
}

bool RestResponseCheck::isRetryable(const RestRawResponse& raw)
{
    if (raw.status == 429 || raw.status == 500 || raw.status == 502 || raw.status == 503 || raw.status == 504)
        return true;
    if (raw.status != 0)
        return false;
    if (raw.timedOut)
        return true;
    switch (static_cast<QNetworkReply::NetworkError>(raw.networkError)) {
    case QNetworkReply::ConnectionRefusedError:
    case QNetworkReply::HostNotFoundError:
    case QNetworkReply::RemoteHostClosedError:
    case QNetworkReply::TimeoutError:
    case QNetworkReply::TemporaryNetworkFailureError:
    case QNetworkReply::NetworkSessionFailedError:
    case QNetworkReply::UnknownNetworkError:
    case QNetworkReply::ProxyConnectionClosedError:
    case QNetworkReply::ProxyTimeoutError:
        return true;
    default:
        return false;
    }
}

qint64 RestResponseCheck::retryAfterMs(const QByteArray& header, qint64 nowMs)
{
    const QByteArray value = header.trimmed();
    if (value.isEmpty())
        return -1;
    bool isNumber = false;
    const double seconds = value.toDouble(&isNumber);
    if (isNumber)
        return seconds < 0 ? -1 : static_cast<qint64>(seconds * 1000);
    // HTTP dates end in "GMT", which Qt's RFC 2822 parser reads only as a numeric offset.
    QString date = QString::fromLatin1(value);
    if (date.endsWith(QLatin1String(" GMT")))
        date = date.chopped(4) + QStringLiteral(" +0000");
    const QDateTime when = QDateTime::fromString(date, Qt::RFC2822Date);
    if (!when.isValid())
        return -1;
    return std::max<qint64>(0, when.toMSecsSinceEpoch() - nowMs);
}

Result<RestReply> RestResponseCheck::judge(
    const RestRawResponse& raw, const RestRequest& request, const Context& context)
{
    if (raw.status == 0) {
        qCWarning(lcRest) << request.path << "network error" << raw.networkError << raw.networkErrorText;
        const bool tls = raw.networkError == QNetworkReply::SslHandshakeFailedError;
        return failure(
            tls ? ErrorCode::Unsupported : ErrorCode::Unreachable, request, context, networkCause(raw, context));
    }
    if (raw.status >= 200 && raw.status < 300)
        return judgeData(raw, request, context);
    // MLflow's auth answers 401/403 with a plain-text body ("Permission denied"): log it only.
    qCWarning(lcRest) << request.path << "HTTP" << raw.status << raw.body.left(300);
    if (raw.status == 401)
        return failure(ErrorCode::AccessDenied, request, context,
            context.hasCredentials ? QStringLiteral("401: the server refused these credentials")
                                   : QStringLiteral("401: the server asks for credentials; set "
                                                    "MLFLOW_TRACKING_USERNAME and MLFLOW_TRACKING_PASSWORD, or "
                                                    "MLFLOW_TRACKING_TOKEN"));
    if (raw.status == 403)
        return failure(ErrorCode::AccessDenied, request, context,
            request.changes ? QStringLiteral("403: these credentials are not allowed to change it")
                            : QStringLiteral("403: these credentials are not allowed to read it"));
    const QString message = mlflowMessage(raw.body);
    if (raw.status == 404)
        return failure(message.isEmpty() ? ErrorCode::Unsupported : ErrorCode::NotFound, request, context,
            message.isEmpty() ? QStringLiteral("the server does not offer it (404)") : message);
    if (raw.status == 429 || raw.status >= 500)
        return failure(ErrorCode::Unreachable, request, context,
            QStringLiteral("the server kept answering HTTP %1 (%2) after %3 attempt(s)")
                .arg(raw.status)
                .arg(raw.status == 429 ? QStringLiteral("too many requests") : QStringLiteral("server error"))
                .arg(raw.attempts));
    return failure(ErrorCode::InvalidArgument, request, context,
        QStringLiteral("the server refused the request (HTTP %1)%2")
            .arg(raw.status)
            .arg(message.isEmpty() ? QString() : QStringLiteral(": ") + message));
}

} // namespace prov
