#include "TestHttpExchange.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QStringList>

QString TestHttpRequest::value(const QString& key) const
{
    for (const auto& [k, v] : query) {
        if (k == key)
            return v;
    }
    return {};
}

QStringList TestHttpRequest::values(const QString& key) const
{
    QStringList all;
    for (const auto& [k, v] : query) {
        if (k == key)
            all << v;
    }
    return all;
}

TestHttpResponse TestHttpResponse::json(const QByteArray& body, int status)
{
    return TestHttpResponse { status, "application/json", body, {} };
}

TestHttpResponse TestHttpResponse::mlflowError(int status, const QString& code, const QString& message)
{
    const QJsonObject error { { QStringLiteral("error_code"), code }, { QStringLiteral("message"), message } };
    return json(QJsonDocument(error).toJson(QJsonDocument::Compact), status);
}

TestHttpResponse TestHttpResponse::text(const QByteArray& body, int status, const QByteArray& type)
{
    return TestHttpResponse { status, type, body, {} };
}

TestHttpResponse TestHttpResponse::notFoundPage()
{
    return text("<!doctype html>\n<html lang=en>\n<title>404 Not Found</title>\n<h1>Not Found</h1>\n<p>The requested "
                "URL was not found on the server.</p>\n",
        404, "text/html; charset=utf-8");
}
