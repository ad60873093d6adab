#include "store/rest/RestClient.h"

#include "store/rest/RestDispatcher.h"

namespace prov {
namespace {

// How often a waiting thread looks at its cancellation token.
constexpr int cancelPollMs = 50;

} // namespace

RestClient::RestClient(RestOptions options)
    : m_options(std::move(options))
    , m_traffic(std::make_shared<RestTrafficCounters>())
{
    m_thread.setObjectName(QStringLiteral("provenance-rest"));
    m_dispatcher = new RestDispatcher(m_options, m_traffic);
    m_dispatcher->moveToThread(&m_thread);
    m_thread.start();
}

RestClient::~RestClient()
{
    RestDispatcher* dispatcher = m_dispatcher;
    QMetaObject::invokeMethod(
        dispatcher, [dispatcher] { delete dispatcher; }, Qt::BlockingQueuedConnection);
    m_thread.quit();
    m_thread.wait();
}

RestClient::Call RestClient::start(RestRequest request) const
{
    auto call = std::make_shared<RestCall>(std::move(request));
    RestDispatcher* dispatcher = m_dispatcher;
    QMetaObject::invokeMethod(
        dispatcher, [dispatcher, call] { dispatcher->submit(call); }, Qt::QueuedConnection);
    return call;
}

Result<RestReply> RestClient::wait(const Call& call, const CancellationToken& cancel) const
{
    for (;;) {
        if (auto result = call->waitFor(cancelPollMs))
            return std::move(*result);
        if (cancel.isCancelled()) {
            RestDispatcher* dispatcher = m_dispatcher;
            QMetaObject::invokeMethod(
                dispatcher, [dispatcher, call] { dispatcher->abandon(call); }, Qt::QueuedConnection);
            return makeError(ErrorCode::Cancelled, QStringLiteral("sync cancelled; what was read so far is kept"));
        }
    }
}

RestTraffic RestClient::traffic() const
{
    return RestTraffic { m_traffic->requests.load(), m_traffic->retries.load(), m_traffic->bytesReceived.load() };
}

} // namespace prov
