#include "RunIndex.h"

#include <QJsonValue>

using namespace Qt::StringLiterals;

std::map<RunKey, QJsonObject> byName(const QJsonArray& runs)
{
    std::map<RunKey, QJsonObject> map;
    for (const QJsonValue& run : runs)
        map[{ run[u"experiment_name"_s].toString(), run[u"run_name"_s].toString() }] = run.toObject();
    return map;
}

std::map<QString, QJsonObject> byId(const QJsonArray& runs, const QString& idKey)
{
    std::map<QString, QJsonObject> map;
    for (const QJsonValue& run : runs)
        map[run[idKey].toString()] = run.toObject();
    return map;
}

bool newestFirst(const QJsonArray& runs)
{
    for (qsizetype i = 1; i < runs.size(); ++i) {
        if (runs[i - 1][u"start_time"_s].toInteger() < runs[i][u"start_time"_s].toInteger())
            return false;
    }
    return true;
}
