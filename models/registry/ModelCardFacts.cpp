#include "registry/ModelCardFacts.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace prov {

QList<SignatureColumn> ModelCardFacts::parseSignature(const QString& json)
{
    QList<SignatureColumn> columns;
    const QJsonArray specs = QJsonDocument::fromJson(json.toUtf8()).array();
    for (const QJsonValue& value : specs) {
        const QJsonObject spec = value.toObject();
        SignatureColumn column;
        column.name = spec.value(QLatin1String("name")).toString();
        column.type = spec.value(QLatin1String("type")).toString();
        column.required = spec.value(QLatin1String("required")).toBool(true);
        const QJsonObject tensor = spec.value(QLatin1String("tensor-spec")).toObject();
        if (!tensor.isEmpty()) {
            QStringList shape;
            for (const QJsonValue& dim : tensor.value(QLatin1String("shape")).toArray())
                shape << QString::number(dim.toInteger());
            column.type = QStringLiteral("tensor %1 (%2)")
                              .arg(tensor.value(QLatin1String("dtype")).toString(), shape.join(QStringLiteral(", ")));
        }
        columns.append(column);
    }
    return columns;
}

QString ModelCardFacts::describe(const QList<SignatureColumn>& columns)
{
    QStringList parts;
    for (const SignatureColumn& c : columns) {
        const QString type = c.required ? c.type : c.type + QStringLiteral(", optional");
        parts << (c.name.isEmpty() ? type : c.name + QStringLiteral(" (") + type + QLatin1Char(')'));
    }
    return parts.join(QStringLiteral(", "));
}

} // namespace prov
