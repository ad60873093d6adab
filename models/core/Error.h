#pragma once

#include <QString>

namespace prov {

// What kind of failure an Error describes; callers branch on this, users read the message.
enum class ErrorCode {
    InvalidArgument, // the caller (user, command line) passed something malformed
    NotFound, // a store, file, run or key that does not exist
    Unsupported, // recognised but not handled (e.g. an unknown MLflow schema revision)
    Corrupt, // data exists but cannot be understood
    Io, // the operating system refused a read or write
    Database, // SQLite reported an error
    Cancelled, // the user cancelled the work
    Unreachable, // a tracking server could not be reached (no connection, timeouts, 5xx after retries)
    AccessDenied, // a tracking server refused the credentials (401) or the read (403)
};

// A structured failure: a code to branch on, a message a user can act on, and where it happened.
// `location` names the file, run, URI or expression the message is about (may be empty).
struct Error
{
    ErrorCode code = ErrorCode::InvalidArgument;
    QString message;
    QString location;

    // "location: message" when a location is known, else the message alone.
    QString describe() const { return location.isEmpty() ? message : location + QStringLiteral(": ") + message; }
};

} // namespace prov
