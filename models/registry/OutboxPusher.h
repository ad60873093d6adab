#pragma once

#include "core/CancellationToken.h"
#include "core/Result.h"
#include "store/StoreLocation.h"
#include "store/rest/RestOptions.h"

#include <QString>

#include <optional>

namespace prov {

class SqliteDatabase;

// Pushes the journal's queued write-backs to their store, oldest first, through the store's
// StoreWriter: an entry the store took is removed; one the store refused (bad data, unknown
// schema, a version that is gone) is marked refused with the reason and left for the user; when
// the store cannot be reached or is busy, pushing stops and everything stays queued for the
// next attempt (the next successful sync, or the next start). Runs off the GUI thread.
class OutboxPusher
{
public:
    struct Report
    {
        int written = 0;
        int refused = 0;
        int pending = 0; // still queued after this push
        QString problem; // why pushing stopped or what was refused last, as a sentence
    };

    // `server`: how to reach a tracking server (credentials typed in the app); none: the
    // environment's.
    OutboxPusher(
        StoreLocation location, const SqliteDatabase& journal, std::optional<RestOptions> server = std::nullopt);

    Result<Report> pushAll(const CancellationToken& cancel);

private:
    StoreLocation m_location;
    const SqliteDatabase& m_journal;
    std::optional<RestOptions> m_server;
};

} // namespace prov
