#pragma once

#include "store/rest/RestCall.h"
#include "store/rest/RestOptions.h"
#include "store/rest/RestTraffic.h"

#include <QHash>
#include <QObject>

#include <deque>
#include <memory>
#include <random>

QT_BEGIN_NAMESPACE
class QNetworkAccessManager;
class QNetworkReply;
QT_END_NAMESPACE

namespace prov {

// Lives on the client's network thread: sends calls with at most `maxInFlight` in flight,
// applies the per-request timeout, retries 429/5xx/time-outs/broken connections with
// exponential backoff and jitter (or the server's Retry-After), and finishes each call with
// its judged result. Calls abandoned by their waiter are aborted or dropped.
class RestDispatcher : public QObject
{
public:
    RestDispatcher(RestOptions options, std::shared_ptr<RestTrafficCounters> traffic);
    ~RestDispatcher() override;

    void submit(const std::shared_ptr<RestCall>& call);
    void abandon(const std::shared_ptr<RestCall>& call);

private:
    void pump();
    void send(const std::shared_ptr<RestCall>& call);
    void onFinished(const std::shared_ptr<RestCall>& call, QNetworkReply* reply);
    qint64 backoffMs(const RestCall& call, const RestRawResponse& raw);
    QNetworkAccessManager& network();

    const RestOptions m_options;
    std::shared_ptr<RestTrafficCounters> m_traffic;
    QNetworkAccessManager* m_network = nullptr;
    std::deque<std::shared_ptr<RestCall>> m_queue;
    QHash<RestCall*, QNetworkReply*> m_inFlight;
    std::mt19937 m_random { std::random_device {}() };
};

} // namespace prov
