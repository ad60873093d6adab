#include "store/rest/RestDispatcher.h"

#include "core/LogCategories.h"
#include "store/rest/RestResponseCheck.h"

#include <QDateTime>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QTimer>

#if QT_CONFIG(ssl)
#include <QFile>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QSslKey>
#endif

#include <algorithm>

namespace prov {
namespace {

// Connection failures usually mean "offline": give up on them sooner than on a busy server.
constexpr int maxConnectionRetries = 2;

QUrl urlOf(const QUrl& base, const RestRequest& request)
{
    QUrl url = base;
    url.setPath(base.path() + request.path);
    QByteArray query;
    for (const auto& [key, value] : request.query) {
        if (!query.isEmpty())
            query += '&';
        query += QUrl::toPercentEncoding(key) + '=' + QUrl::toPercentEncoding(value);
    }
    if (!query.isEmpty())
        url.setQuery(QString::fromLatin1(query), QUrl::TolerantMode);
    return url;
}

#if QT_CONFIG(ssl)
void applyTls(QNetworkRequest& request, const RestOptions& options)
{
    if (options.serverCertPath.isEmpty() && options.clientCertPath.isEmpty())
        return;
    QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
    if (!options.serverCertPath.isEmpty())
        tls.setCaCertificates(tls.caCertificates() + QSslCertificate::fromPath(options.serverCertPath));
    if (!options.clientCertPath.isEmpty()) {
        QFile file(options.clientCertPath);
        if (file.open(QIODevice::ReadOnly)) {
            const QByteArray pem = file.readAll();
            const QList<QSslCertificate> certificates = QSslCertificate::fromData(pem);
            if (!certificates.isEmpty())
                tls.setLocalCertificate(certificates.first());
            tls.setPrivateKey(QSslKey(pem, QSsl::Rsa));
        } else {
            qCWarning(lcRest) << "cannot read the client certificate" << options.clientCertPath;
        }
    }
    request.setSslConfiguration(tls);
}
#endif

} // namespace

RestDispatcher::RestDispatcher(RestOptions options, std::shared_ptr<RestTrafficCounters> traffic)
    : m_options(std::move(options))
    , m_traffic(std::move(traffic))
{ }

RestDispatcher::~RestDispatcher()
{
    for (auto it = m_inFlight.cbegin(); it != m_inFlight.cend(); ++it)
        it.value()->abort();
}

QNetworkAccessManager& RestDispatcher::network()
{
    // Created on first use, on the network thread it belongs to.
    if (!m_network) {
        m_network = new QNetworkAccessManager(this);
        m_network->setRedirectPolicy(QNetworkRequest::NoLessSafeRedirectPolicy);
    }
    return *m_network;
}

void RestDispatcher::submit(const std::shared_ptr<RestCall>& call)
{
    m_queue.push_back(call);
    pump();
}

void RestDispatcher::abandon(const std::shared_ptr<RestCall>& call)
{
    call->abandoned = true;
    if (QNetworkReply* reply = m_inFlight.value(call.get()))
        reply->abort();
    m_queue.erase(std::remove(m_queue.begin(), m_queue.end(), call), m_queue.end());
}

void RestDispatcher::pump()
{
    const std::optional<Error> lost = m_traffic->lost();
    while (!m_queue.empty() && (lost || m_inFlight.size() < m_options.maxInFlight)) {
        std::shared_ptr<RestCall> call = std::move(m_queue.front());
        m_queue.pop_front();
        if (call->abandoned)
            continue;
        if (lost) // the server is gone: asking again would only wait for the same refusal
            call->finish(*lost);
        else
            send(call);
    }
}

void RestDispatcher::send(const std::shared_ptr<RestCall>& call)
{
    QNetworkRequest request(urlOf(m_options.baseUrl, call->request));
    request.setTransferTimeout(m_options.timeoutMs);
    request.setRawHeader("User-Agent", "Provenance");
    request.setRawHeader("Accept", "application/json");
    if (const QByteArray auth = m_options.authorization(); !auth.isEmpty())
        request.setRawHeader("Authorization", auth);
#if QT_CONFIG(ssl)
    applyTls(request, m_options);
#endif
    QNetworkReply* reply = nullptr;
    if (call->request.method == "GET") {
        reply = network().get(request);
    } else {
        request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
        reply = call->request.method == "POST"
            ? network().post(request, call->request.body)
            : network().sendCustomRequest(request, call->request.method, call->request.body);
    }
#if QT_CONFIG(ssl)
    if (m_options.insecureTls)
        reply->ignoreSslErrors();
#endif
    ++call->attempts;
    ++m_traffic->requests;
    m_inFlight.insert(call.get(), reply);
    connect(reply, &QNetworkReply::finished, this, [this, call, reply] { onFinished(call, reply); });
}

qint64 RestDispatcher::backoffMs(const RestCall& call, const RestRawResponse& raw)
{
    const qint64 asked = RestResponseCheck::retryAfterMs(raw.retryAfter, QDateTime::currentMSecsSinceEpoch());
    if (asked >= 0)
        return std::min<qint64>(asked, 5 * 60 * 1000);
    const qint64 base = std::min<qint64>(
        m_options.maxBackoffMs, static_cast<qint64>(m_options.backoffMs) << std::min(call.attempts - 1, 20));
    std::uniform_int_distribution<qint64> jitter(0, std::max<qint64>(1, base / 2));
    return base + jitter(m_random);
}

void RestDispatcher::onFinished(const std::shared_ptr<RestCall>& call, QNetworkReply* reply)
{
    m_inFlight.remove(call.get());
    reply->deleteLater();
    RestRawResponse raw;
    raw.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    raw.contentType = reply->header(QNetworkRequest::ContentTypeHeader).toByteArray().toLower();
    raw.retryAfter = reply->rawHeader("Retry-After");
    raw.body = reply->isOpen() ? reply->readAll() : QByteArray(); // a timed-out reply is closed
    raw.networkError = reply->error();
    raw.networkErrorText = reply->errorString();
    raw.attempts = call->attempts;
    m_traffic->bytesReceived += raw.body.size();
    // A body cut short by a broken connection is no answer, whatever status came first.
    if (reply->error() != QNetworkReply::NoError && (raw.status < 400 || reply->error() < 100))
        raw.status = 0;
    raw.timedOut = raw.status == 0 && reply->error() == QNetworkReply::OperationCanceledError && !call->abandoned;
    if (call->abandoned) {
        call->finish(makeError(ErrorCode::Cancelled, QStringLiteral("cancelled")));
        pump();
        return;
    }
    const int retries = RestResponseCheck::isConnectionFailure(raw)
        ? std::min(maxConnectionRetries, m_options.maxRetries)
        : m_options.maxRetries;
    if (RestResponseCheck::isRetryable(raw) && call->attempts <= retries) {
        const qint64 wait = backoffMs(*call, raw);
        qCInfo(lcRest) << call->request.path << "attempt" << call->attempts << "failed (HTTP" << raw.status
                       << raw.networkErrorText << "); retrying in" << wait << "ms";
        ++m_traffic->retries;
        QTimer::singleShot(wait, this, [this, call] {
            if (call->abandoned)
                return;
            m_queue.push_front(call);
            pump();
        });
    } else {
        const RestResponseCheck::Context context { m_options.baseUrl.toString(), m_options.hasCredentials(),
            m_options.timeoutMs };
        Result<RestReply> judged = RestResponseCheck::judge(raw, call->request, context);
        if (!judged && RestResponseCheck::isConnectionFailure(raw))
            m_traffic->setLost(judged.error());
        call->finish(std::move(judged));
    }
    pump();
}

} // namespace prov
