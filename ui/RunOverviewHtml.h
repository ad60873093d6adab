#pragma once

#include "query/RunDetail.h"

#include <QString>

namespace prov {

// The Overview tab of a run as HTML: who ran what, when, from which code and data, what it
// produced and where it was registered. All store text is escaped (see DetailsHtml).
class RunOverviewHtml
{
public:
    static QString build(const RunDetail& detail);
};

} // namespace prov
