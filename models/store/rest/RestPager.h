#pragma once

#include "core/CancellationToken.h"
#include "store/rest/RestClient.h"

#include <QJsonObject>

#include <functional>

namespace prov {

// Reads every page of one of MLflow's paged searches, following next_page_token. A token the
// server sends twice (a page-token loop: a broken proxy or server) stops the read with an
// error instead of looping forever.
class RestPager
{
public:
    using MakeRequest = std::function<RestRequest(const QString& pageToken)>;
    using TakePage = std::function<void(const QJsonObject& page)>;

    static Status readAll(const RestClient& client, const MakeRequest& makeRequest, const TakePage& take,
        const CancellationToken& cancel);
};

} // namespace prov
