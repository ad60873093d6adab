#pragma once

#include "core/Result.h"

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QString>

#include <utility>

#include <atomic>
#include <condition_variable>
#include <mutex>
#include <optional>

namespace prov {

// One request to a tracking server. `path` is below the server's prefix
// ("/api/2.0/mlflow/runs/search"); `what` names what is read, for messages
// ("the runs of experiment 'churn'").
// Query items, unencoded; each is percent-encoded in full when sent (QUrlQuery would leave '+',
// which servers read as a space).
using RestQuery = QList<std::pair<QString, QString>>;

struct RestRequest
{
    QByteArray method = QByteArrayLiteral("GET");
    QString path;
    RestQuery query;
    QByteArray body; // JSON, for POST, PATCH and DELETE (MLflow reads DELETE parameters from a JSON body)
    QString what;
    // A change to the server (a registry write): messages say "could not save", not "could not read".
    bool changes = false;
    // Answers that are data but not JSON (an MLmodel file): returned as `text`.
    bool expectsText = false;
};

// A server's answer, checked: a 2xx status with a JSON object (or text, when asked for).
struct RestReply
{
    int status = 0;
    QJsonObject json;
    QByteArray text;
};

// What the network thread saw for one attempt, before it is judged (RestResponseCheck).
struct RestRawResponse
{
    int status = 0; // 0: no HTTP answer at all
    QByteArray contentType;
    QByteArray body;
    int networkError = 0; // QNetworkReply::NetworkError
    QString networkErrorText; // for the log only
    bool timedOut = false;
    QByteArray retryAfter; // the Retry-After header, when the server sent one
    int attempts = 1;
};

// A request on its way, shared by the thread that waits for it and the network thread that
// sends it (and retries it). The waiter may give up (cancel); the network thread then drops it.
class RestCall
{
public:
    explicit RestCall(RestRequest what)
        : request(std::move(what))
    { }

    void finish(Result<RestReply> result)
    {
        {
            const std::lock_guard lock(m_mutex);
            if (m_result)
                return;
            m_result.emplace(std::move(result));
        }
        m_done.notify_all();
    }

    // Waits up to `ms`; the result when there is one.
    std::optional<Result<RestReply>> waitFor(int ms)
    {
        std::unique_lock lock(m_mutex);
        m_done.wait_for(lock, std::chrono::milliseconds(ms), [this] { return m_result.has_value(); });
        return m_result;
    }

    const RestRequest request;
    int attempts = 0; // network thread only
    std::atomic_bool abandoned { false };

private:
    std::mutex m_mutex;
    std::condition_variable m_done;
    std::optional<Result<RestReply>> m_result;
};

} // namespace prov
