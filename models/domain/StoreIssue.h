#pragma once

#include <QList>
#include <QString>

namespace prov {

// Something wrong in a store that did not stop the rest of it from opening: a corrupt
// meta.yaml, a metric line that does not parse, an unreadable folder, ... Shown in the
// Issues dock with the file (or table row) and run it came from.
struct StoreIssue
{
    enum class Severity { Warning, Error };

    Severity severity = Severity::Error;
    QString location; // file path, or "table:key" for database stores
    QString message;
    QString experimentId;
    QString runId;

    static QString severityName(Severity severity)
    {
        return severity == Severity::Warning ? QStringLiteral("warning") : QStringLiteral("error");
    }
    static Severity severityFromName(QStringView name)
    {
        return name == u"warning" ? Severity::Warning : Severity::Error;
    }
};

using StoreIssueList = QList<StoreIssue>;

} // namespace prov
