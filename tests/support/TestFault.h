#pragma once

#include <QString>

// A failure the test tracking server injects into the answers of requests whose path contains
// `pathContains`, for the next `times` such requests (-1: all of them).
struct TestFault
{
    enum class Kind {
        ServerError, // 500 with MLflow's JSON error
        TooManyRequests, // 429 with Retry-After: `retryAfterSeconds`
        Slow, // the right answer, `delayMs` late
        MalformedJson, // 200, application/json, "{not json"
        TruncatedJson, // 200, the first half of the right answer (a valid HTTP message)
        WrongContentType, // 200, a login web page
        PageTokenLoop, // the right page, but always the same next_page_token
        ResetMidBody, // headers and half the body, then the connection is dropped
        Unauthorized, // 401 with MLflow's plain-text body
        Forbidden, // 403 "Permission denied"
        NotFoundPage, // 404 with Flask's web page, as for an endpoint the server does not have
        GoneAway, // the server stops: this and every open connection is dropped, new ones refused
    };

    QString pathContains;
    Kind kind = Kind::ServerError;
    int times = -1;
    int delayMs = 0;
    int retryAfterSeconds = 1;
};
