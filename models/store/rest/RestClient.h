#pragma once

#include "core/CancellationToken.h"
#include "store/rest/RestCall.h"
#include "store/rest/RestOptions.h"
#include "store/rest/RestTraffic.h"

#include <QThread>

#include <memory>

namespace prov {

class RestDispatcher;

// A blocking HTTP client for MLflow's REST API, usable from any number of threads at once.
// Requests travel to one network thread of its own (Qt Network needs an event loop), which
// keeps at most `maxInFlight` of them in flight, times them out and retries them
// (RestDispatcher). start() sends without waiting, so one thread can have many requests in
// flight; wait() returns the judged answer or gives up as soon as `cancel` is set.
class RestClient
{
public:
    using Call = std::shared_ptr<RestCall>;

    explicit RestClient(RestOptions options);
    ~RestClient();
    RestClient(const RestClient&) = delete;
    RestClient& operator=(const RestClient&) = delete;

    Call start(RestRequest request) const;
    Result<RestReply> wait(const Call& call, const CancellationToken& cancel) const;
    Result<RestReply> send(RestRequest request, const CancellationToken& cancel) const
    {
        return wait(start(std::move(request)), cancel);
    }

    const RestOptions& options() const { return m_options; }
    RestTraffic traffic() const;
    // Set once the server could no longer be reached mid-work; every later call fails at once.
    std::optional<Error> lostConnection() const { return m_traffic->lost(); }

private:
    const RestOptions m_options;
    std::shared_ptr<RestTrafficCounters> m_traffic;
    QThread m_thread;
    RestDispatcher* m_dispatcher = nullptr; // lives on m_thread
};

} // namespace prov
