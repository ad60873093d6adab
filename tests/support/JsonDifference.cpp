#include "JsonDifference.h"

#include <QJsonArray>
#include <QJsonObject>

using namespace Qt::StringLiterals;

QString jsonDifference(const QJsonValue& actual, const QJsonValue& expected, const QString& path)
{
    if (actual.isDouble() && expected.isDouble()) {
        return actual.toDouble() == expected.toDouble()
            ? QString()
            : u"%1: %2 != %3"_s.arg(path).arg(actual.toDouble(), 0, 'g', 17).arg(expected.toDouble(), 0, 'g', 17);
    }
    if (actual.type() != expected.type())
        return u"%1: type %2 != %3"_s.arg(path).arg(int(actual.type())).arg(int(expected.type()));
    if (actual.isObject()) {
        const QJsonObject a = actual.toObject();
        const QJsonObject e = expected.toObject();
        if (a.keys() != e.keys()) {
            return u"%1: keys [%2] != [%3]"_s.arg(path, a.keys().join(u", "_s), e.keys().join(u", "_s));
        }
        for (auto it = e.begin(); it != e.end(); ++it) {
            const QString difference = jsonDifference(a.value(it.key()), it.value(), path + u'.' + it.key());
            if (!difference.isEmpty())
                return difference;
        }
        return {};
    }
    if (actual.isArray()) {
        const QJsonArray a = actual.toArray();
        const QJsonArray e = expected.toArray();
        if (a.size() != e.size())
            return u"%1: %2 elements != %3"_s.arg(path).arg(a.size()).arg(e.size());
        for (qsizetype i = 0; i < a.size(); ++i) {
            const QString difference = jsonDifference(a[i], e[i], path + u'[' + QString::number(i) + u']');
            if (!difference.isEmpty())
                return difference;
        }
        return {};
    }
    return actual == expected
        ? QString()
        : u"%1: '%2' != '%3'"_s.arg(path, actual.toVariant().toString(), expected.toVariant().toString());
}
