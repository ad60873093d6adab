#include "registry/RegistryAtTime.h"

#include <QDateTime>
#include <QRegularExpression>

#include <algorithm>

namespace prov {

RegistryAsObserved RegistryAtTime::apply(
    const QList<RegisteredModelEntry>& current, const ObservedRegistryState& observed)
{
    RegistryAsObserved result;
    result.observedAt = observed.observedAt;
    result.nextObservation = observed.nextObservation;
    for (const RegisteredModelEntry& entry : current) {
        const auto then = observed.models.constFind(entry.model.name);
        if (then == observed.models.constEnd())
            continue; // the model did not exist (or was not seen) at that sync
        RegisteredModelEntry past = entry;
        past.model.aliases = then->aliases;
        past.versions.clear();
        for (ModelVersionEntry v : entry.versions) {
            const qint64 number = v.version.version;
            const bool existed = then->presenceKnown ? then->versions.contains(number)
                                                     : v.version.creationTime.value_or(0) <= observed.observedAt;
            if (!existed)
                continue;
            v.version.stage = then->stages.value(number, QStringLiteral("None"));
            v.aliases.clear();
            for (const ModelAlias& alias : then->aliases) {
                if (alias.version == number)
                    v.aliases << alias.alias;
            }
            past.versions.append(v);
        }
        result.models.append(past);
    }
    return result;
}

Result<qint64> RegistryAtTime::parseMoment(const QString& text)
{
    const QString t = text.trimmed();
    if (t.compare(QLatin1String("now"), Qt::CaseInsensitive) == 0)
        return QDateTime::currentMSecsSinceEpoch();
    static const QRegularExpression digits(QStringLiteral("^\\d{1,16}$"));
    if (digits.match(t).hasMatch())
        return t.toLongLong();
    QDateTime moment = QDateTime::fromString(t, Qt::ISODateWithMs);
    if (!moment.isValid()) {
        const QDate day = QDate::fromString(t, Qt::ISODate);
        if (day.isValid())
            moment = day.startOfDay();
    }
    if (!moment.isValid())
        return makeError(ErrorCode::InvalidArgument,
            QStringLiteral("“%1” is not a time: give an ISO 8601 date or time (2026-11-20, 2026-11-20T14:02, "
                           "2026-11-20T14:02:00Z), milliseconds since the epoch, or now")
                .arg(text));
    return moment.toMSecsSinceEpoch();
}

} // namespace prov
