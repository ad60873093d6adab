#include "store/rest/RestPager.h"

#include <QSet>

namespace prov {

Status RestPager::readAll(
    const RestClient& client, const MakeRequest& makeRequest, const TakePage& take, const CancellationToken& cancel)
{
    QSet<QString> seen;
    QString token;
    for (;;) {
        const RestRequest request = makeRequest(token);
        auto reply = client.send(request, cancel);
        if (!reply)
            return reply.error();
        take(reply->json);
        token = reply->json.value(QLatin1String("next_page_token")).toString();
        if (token.isEmpty())
            return {};
        if (seen.contains(token))
            return makeError(ErrorCode::Corrupt,
                QStringLiteral("could not read %1: the server sent the same page token twice; reading stopped")
                    .arg(request.what),
                client.options().baseUrl.toString());
        seen.insert(token);
    }
}

} // namespace prov
