#pragma once

#include "MlflowTestContent.h"
#include "TestFault.h"

#include <QList>
#include <QMutex>
#include <QString>
#include <QThread>

#include <atomic>
#include <memory>

class QTcpServer;
class QTcpSocket;

// An MLflow tracking server for tests: serves MlflowTestContent over HTTP/1.1 (keep-alive) on
// 127.0.0.1 at an ephemeral port, from a thread of its own so that a test may block (running
// the command-line binary) while it answers. Faults can be injected per path, credentials
// required (basic or bearer, answered 401 as MLflow's auth app does), and every request is
// counted and logged (method, path and query as sent).
class MlflowTestServer
{
public:
    // Loads the store at `storePath` (an mlruns folder or mlflow.db) and starts listening, on
    // `port` when given (a server that comes back where it was), else on an ephemeral port.
    static std::unique_ptr<MlflowTestServer> start(
        const QString& storePath, QString* error = nullptr, quint16 port = 0);
    ~MlflowTestServer();

    QString url() const;
    quint16 port() const { return m_port; }
    // Only while no request is being answered (between syncs).
    MlflowTestContent& content() { return m_content; }

    void addFault(const TestFault& fault);
    void clearFaults();
    // Empty: no credentials needed. Otherwise the Authorization header must equal it.
    void requireAuthorization(const QByteArray& header);

    qint64 requestCount() const { return m_requests; }
    qint64 bytesSent() const { return m_bytes; }
    qsizetype longestRequestLine() const { return m_longestLine; }
    QStringList requestLog() const;
    void resetCounters();

private:
    MlflowTestServer(MlflowTestContent content, quint16 port);
    void onReadable(QTcpSocket* socket);
    void respond(QTcpSocket* socket, const TestHttpRequest& request);
    void send(QTcpSocket* socket, const TestHttpResponse& response, qsizetype bodyBytes = -1);
    std::optional<TestFault> takeFault(const QString& path);

    MlflowTestContent m_content;
    QThread m_thread;
    QObject* m_home = nullptr; // lives on m_thread: what work is sent to
    QTcpServer* m_tcp = nullptr; // lives on m_thread
    quint16 m_port = 0;
    mutable QMutex m_mutex; // guards the faults, the authorization and the log
    QList<TestFault> m_faults;
    QByteArray m_authorization;
    QStringList m_log;
    std::atomic<qint64> m_requests { 0 };
    std::atomic<qint64> m_bytes { 0 };
    std::atomic<qsizetype> m_longestLine { 0 };
};
