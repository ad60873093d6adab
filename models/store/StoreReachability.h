#pragma once

#include "core/Error.h"

namespace prov {

// The one rule, shared by the GUI and the command line, for "offline": the last sync attempt
// could not reach the store. A local store whose folder or file is gone or unreadable
// (NotFound, Io) and a server that did not answer (Unreachable: no connection, time-outs,
// 429/5xx after every retry) are offline, and their cache answers instead. Refused
// credentials, a refused read or a broken answer are not: the user must see those.
struct StoreReachability
{
    static bool isOffline(const Error& syncError)
    {
        return syncError.code == ErrorCode::NotFound || syncError.code == ErrorCode::Io
            || syncError.code == ErrorCode::Unreachable;
    }
};

} // namespace prov
