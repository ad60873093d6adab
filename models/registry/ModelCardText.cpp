#include "registry/ModelCardText.h"

#include "core/DisplayFormat.h"

#include <QDateTime>
#include <QRegularExpression>

namespace prov {

QList<ModelCardText::Owner> ModelCardText::owners(const ModelCard& card)
{
    static const QRegularExpression withContact(QStringLiteral("^(.*?)\\s*<([^>]*)>\\s*$"));
    QList<Owner> owners;
    for (const QString& line : card.lines(QStringLiteral("owners"))) {
        const auto match = withContact.match(line);
        if (match.hasMatch())
            owners.append({ match.captured(1), match.captured(2) });
        else
            owners.append({ line, {} });
    }
    return owners;
}

QList<ModelCardText::Risk> ModelCardText::risks(const ModelCard& card)
{
    QList<Risk> risks;
    for (const QString& line : card.lines(QStringLiteral("ethical_considerations"))) {
        qsizetype at = line.indexOf(QStringLiteral(" — "));
        qsizetype width = 3;
        if (at < 0) {
            at = line.indexOf(QStringLiteral(" -- "));
            width = 4;
        }
        if (at < 0)
            risks.append({ line, {} });
        else
            risks.append({ line.left(at).trimmed(), line.mid(at + width).trimmed() });
    }
    return risks;
}

std::optional<QString> ModelCardText::licenseIdentifier(const ModelCard& card)
{
    static const QRegularExpression identifier(QStringLiteral("^[A-Za-z0-9][A-Za-z0-9.+-]{0,63}$"));
    const QString license = card.field(QStringLiteral("license"));
    if (identifier.match(license).hasMatch())
        return license;
    return std::nullopt;
}

QString ModelCardText::number(double value)
{
    return DisplayFormat::exactValue(value);
}

QString ModelCardText::isoTime(std::optional<qint64> ms)
{
    if (!ms)
        return {};
    return QDateTime::fromMSecsSinceEpoch(*ms, Qt::UTC).toString(Qt::ISODate);
}

QList<CardMetric> ModelCardText::reportedMetrics(const ModelCardFacts& facts)
{
    QList<CardMetric> linked;
    QList<CardMetric> run;
    for (const CardMetric& m : facts.metrics)
        (m.modelLinked ? linked : run).append(m);
    return linked + run;
}

QString ModelCardText::people(const ModelCard& card)
{
    QStringList names;
    for (const Owner& owner : owners(card))
        names << owner.name;
    if (!names.isEmpty())
        return names.join(QStringLiteral(", "));
    QStringList users;
    for (const QString& user : { card.facts.trainedBy, card.facts.registeredBy }) {
        if (!user.isEmpty() && !users.contains(user))
            users << user;
    }
    return users.join(QStringLiteral(", "));
}

} // namespace prov
