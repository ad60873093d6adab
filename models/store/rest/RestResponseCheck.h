#pragma once

#include "store/rest/RestCall.h"

namespace prov {

// Judges what a tracking server answered: whether to try again (429, 5xx, time-outs,
// connections that broke), how long to wait first (Retry-After or backoff), and otherwise
// either the data or an Error whose message is a sentence naming what was being read and the
// cause ("401: the server refused these credentials"). Raw bodies and library texts go to the
// log only. Pure functions, so every case is tested without a network.
class RestResponseCheck
{
public:
    struct Context
    {
        QString server; // the server's URI, the error's location
        bool hasCredentials = false;
        int timeoutMs = 0;
    };

    static bool isRetryable(const RestRawResponse& raw);
    // Connection failures (refused, unknown host) are retried less: they usually mean offline.
    static bool isConnectionFailure(const RestRawResponse& raw);
    // Milliseconds the server asked to wait (seconds or an HTTP date), or -1.
    static qint64 retryAfterMs(const QByteArray& header, qint64 nowMs);

    static Result<RestReply> judge(const RestRawResponse& raw, const RestRequest& request, const Context& context);
};

} // namespace prov
