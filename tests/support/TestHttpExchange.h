#pragma once

#include <QByteArray>
#include <QList>
#include <QString>

#include <utility>

// One HTTP request as the test server parsed it, and the answer it sends.
struct TestHttpRequest
{
    QByteArray method;
    QString path; // decoded, without the query
    QList<std::pair<QString, QString>> query; // decoded, in order ('+' read as a space, as Flask does)
    QByteArray body;
    QByteArray authorization;
    qsizetype requestLineLength = 0;

    QString value(const QString& key) const;
    QStringList values(const QString& key) const;
};

struct TestHttpResponse
{
    int status = 200;
    QByteArray contentType = "application/json";
    QByteArray body;
    QList<std::pair<QByteArray, QByteArray>> headers;

    static TestHttpResponse json(const QByteArray& body, int status = 200);
    // MLflow's JSON error: {"error_code": ..., "message": ...}.
    static TestHttpResponse mlflowError(int status, const QString& code, const QString& message);
    static TestHttpResponse text(const QByteArray& body, int status = 200, const QByteArray& type = "text/plain");
    // Flask's HTML page for an unknown endpoint.
    static TestHttpResponse notFoundPage();
};
