#include "MlflowTestServer.h"

#include <QHash>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMutexLocker>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTimer>
#include <QUrl>

namespace {

QString decode(QByteArray part)
{
    part.replace('+', ' ');
    return QUrl::fromPercentEncoding(part);
}

// Parses one request whose head ends at `headEnd`; -1 when the body is not all there yet.
qsizetype parseRequest(const QByteArray& buffer, qsizetype headEnd, TestHttpRequest& request)
{
    const QList<QByteArray> lines = buffer.left(headEnd).split('\n');
    const QByteArray requestLine = lines.value(0).trimmed();
    request.requestLineLength = requestLine.size();
    const QList<QByteArray> parts = requestLine.split(' ');
    request.method = parts.value(0);
    const QByteArray target = parts.value(1);
    const qsizetype question = target.indexOf('?');
    request.path = QUrl::fromPercentEncoding(question < 0 ? target : target.left(question));
    if (question >= 0) {
        for (const QByteArray& item : target.mid(question + 1).split('&')) {
            const qsizetype equals = item.indexOf('=');
            request.query.append({ decode(equals < 0 ? item : item.left(equals)),
                equals < 0 ? QString() : decode(item.mid(equals + 1)) });
        }
    }
    qsizetype length = 0;
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const QByteArray line = lines[i].trimmed();
        const qsizetype colon = line.indexOf(':');
        const QByteArray name = line.left(colon).trimmed().toLower();
        const QByteArray value = line.mid(colon + 1).trimmed();
        if (name == "content-length")
            length = value.toLongLong();
        else if (name == "authorization")
            request.authorization = value;
    }
    const qsizetype total = headEnd + 4 + length;
    if (buffer.size() < total)
        return -1;
    request.body = buffer.mid(headEnd + 4, length);
    return total;
}

QByteArray reason(int status)
{
    switch (status) {
    case 200:
        return "OK";
    case 400:
        return "Bad Request";
    case 401:
        return "Unauthorized";
    case 403:
        return "Forbidden";
    case 404:
        return "Not Found";
    case 429:
        return "Too Many Requests";
    default:
        return "Internal Server Error";
    }
}

TestHttpResponse unauthorized()
{
    TestHttpResponse r = TestHttpResponse::text("You are not authenticated. Please see "
                                                "https://www.mlflow.org/docs/latest/auth/index.html#authenticating-to-"
                                                "mlflow on how to authenticate.",
        401);
    r.headers.append(std::pair<QByteArray, QByteArray>("WWW-Authenticate", "Basic realm=\"mlflow\""));
    return r;
}

} // namespace

std::unique_ptr<MlflowTestServer> MlflowTestServer::start(const QString& storePath, QString* error, quint16 port)
{
    auto content = MlflowTestContent::load(storePath);
    if (!content) {
        if (error)
            *error = content.error().describe();
        return nullptr;
    }
    std::unique_ptr<MlflowTestServer> server(new MlflowTestServer(std::move(content).value(), port));
    if (server->m_port == 0) {
        if (error)
            *error = QStringLiteral("cannot listen on 127.0.0.1:%1").arg(port);
        return nullptr;
    }
    return server;
}

MlflowTestServer::MlflowTestServer(MlflowTestContent content, quint16 port)
    : m_content(std::move(content))
{
    m_thread.setObjectName(QStringLiteral("mlflow-test-server"));
    m_home = new QObject();
    m_home->moveToThread(&m_thread);
    m_thread.start();
    QMetaObject::invokeMethod(
        m_home,
        [this, port] {
            m_tcp = new QTcpServer();
            QObject::connect(m_tcp, &QTcpServer::newConnection, m_tcp, [this] {
                while (QTcpSocket* socket = m_tcp->nextPendingConnection()) {
                    QObject::connect(socket, &QTcpSocket::readyRead, socket, [this, socket] { onReadable(socket); });
                    QObject::connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
                }
            });
            if (m_tcp->listen(QHostAddress::LocalHost, port))
                m_port = m_tcp->serverPort();
        },
        Qt::BlockingQueuedConnection);
}

MlflowTestServer::~MlflowTestServer()
{
    QMetaObject::invokeMethod(
        m_home,
        [this] {
            delete m_tcp;
            delete m_home;
        },
        Qt::BlockingQueuedConnection);
    m_thread.quit();
    m_thread.wait();
}

QString MlflowTestServer::url() const
{
    return QStringLiteral("http://127.0.0.1:%1").arg(m_port);
}

void MlflowTestServer::addFault(const TestFault& fault)
{
    const QMutexLocker lock(&m_mutex);
    m_faults.append(fault);
}

void MlflowTestServer::clearFaults()
{
    const QMutexLocker lock(&m_mutex);
    m_faults.clear();
}

void MlflowTestServer::requireAuthorization(const QByteArray& header)
{
    const QMutexLocker lock(&m_mutex);
    m_authorization = header;
}

QStringList MlflowTestServer::requestLog() const
{
    const QMutexLocker lock(&m_mutex);
    return m_log;
}

void MlflowTestServer::resetCounters()
{
    const QMutexLocker lock(&m_mutex);
    m_log.clear();
    m_requests = 0;
    m_bytes = 0;
    m_longestLine = 0;
}

std::optional<TestFault> MlflowTestServer::takeFault(const QString& path)
{
    const QMutexLocker lock(&m_mutex);
    for (TestFault& fault : m_faults) {
        if (fault.times != 0 && path.contains(fault.pathContains)) {
            if (fault.times > 0)
                --fault.times;
            return fault;
        }
    }
    return std::nullopt;
}

void MlflowTestServer::onReadable(QTcpSocket* socket)
{
    QByteArray buffer = socket->property("buffer").toByteArray() + socket->readAll();
    for (;;) {
        const qsizetype headEnd = buffer.indexOf("\r\n\r\n");
        if (headEnd < 0)
            break;
        TestHttpRequest request;
        const qsizetype used = parseRequest(buffer, headEnd, request);
        if (used < 0)
            break;
        buffer.remove(0, used);
        respond(socket, request);
    }
    socket->setProperty("buffer", buffer);
}

void MlflowTestServer::respond(QTcpSocket* socket, const TestHttpRequest& request)
{
    ++m_requests;
    m_longestLine = std::max(m_longestLine.load(), request.requestLineLength);
    QByteArray authorization;
    {
        const QMutexLocker lock(&m_mutex);
        m_log.append(QString::fromLatin1(request.method) + QLatin1Char(' ') + request.path);
        authorization = m_authorization;
    }
    if (!authorization.isEmpty() && request.path != QLatin1String("/health") && request.authorization != authorization)
        return send(socket, unauthorized());
    const std::optional<TestFault> fault = takeFault(request.path);
    if (!fault)
        return send(socket, m_content.answer(request));
    switch (fault->kind) {
    case TestFault::Kind::ServerError:
        return send(
            socket, TestHttpResponse::mlflowError(500, QStringLiteral("INTERNAL_ERROR"), QStringLiteral("boom")));
    case TestFault::Kind::TooManyRequests: {
        TestHttpResponse r = TestHttpResponse::text("Too Many Requests", 429);
        r.headers.append(
            std::pair<QByteArray, QByteArray>("Retry-After", QByteArray::number(fault->retryAfterSeconds)));
        return send(socket, r);
    }
    case TestFault::Kind::Slow: {
        const TestHttpResponse r = m_content.answer(request);
        QTimer::singleShot(fault->delayMs, socket, [this, socket, r] { send(socket, r); });
        return;
    }
    case TestFault::Kind::MalformedJson:
        return send(socket, TestHttpResponse::json("{not json"));
    case TestFault::Kind::TruncatedJson: {
        TestHttpResponse r = m_content.answer(request);
        r.body.truncate(r.body.size() / 2);
        return send(socket, r);
    }
    case TestFault::Kind::WrongContentType:
        return send(socket, TestHttpResponse::text("<html><body>Sign in</body></html>", 200, "text/html"));
    case TestFault::Kind::PageTokenLoop: {
        TestHttpResponse r = m_content.answer(request);
        QJsonObject json = QJsonDocument::fromJson(r.body).object();
        json.insert(QStringLiteral("next_page_token"), QStringLiteral("eyJvZmZzZXQiOiAwfQ=="));
        r.body = QJsonDocument(json).toJson(QJsonDocument::Compact);
        return send(socket, r);
    }
    case TestFault::Kind::ResetMidBody: {
        const TestHttpResponse r = m_content.answer(request);
        send(socket, r, r.body.size() / 2);
        socket->flush();
        socket->abort();
        return;
    }
    case TestFault::Kind::Unauthorized:
        return send(socket, unauthorized());
    case TestFault::Kind::Forbidden:
        return send(socket, TestHttpResponse::text("Permission denied", 403));
    case TestFault::Kind::NotFoundPage:
        return send(socket, TestHttpResponse::notFoundPage());
    case TestFault::Kind::GoneAway: {
        m_tcp->close();
        const auto open = m_tcp->findChildren<QTcpSocket*>();
        for (QTcpSocket* connection : open)
            connection->abort();
        socket->abort();
        return;
    }
    }
}

void MlflowTestServer::send(QTcpSocket* socket, const TestHttpResponse& response, qsizetype bodyBytes)
{
    QByteArray head = "HTTP/1.1 " + QByteArray::number(response.status) + ' ' + reason(response.status) + "\r\n";
    head += "Content-Type: " + response.contentType + "\r\n";
    head += "Content-Length: " + QByteArray::number(response.body.size()) + "\r\n";
    for (const auto& [name, value] : response.headers)
        head += name + ": " + value + "\r\n";
    head += "Connection: keep-alive\r\n\r\n";
    const QByteArray body = bodyBytes < 0 ? response.body : response.body.left(bodyBytes);
    m_bytes += head.size() + body.size();
    socket->write(head + body);
}
