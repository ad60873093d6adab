#include "JsonSchemaCheck.h"

#include <QDateTime>
#include <QJsonArray>
#include <QRegularExpression>
#include <QUrl>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace {

bool hasType(const QJsonValue& value, const QString& type)
{
    if (type == u"object"_s)
        return value.isObject();
    if (type == u"array"_s)
        return value.isArray();
    if (type == u"string"_s)
        return value.isString();
    if (type == u"boolean"_s)
        return value.isBool();
    if (type == u"null"_s)
        return value.isNull();
    if (type == u"number"_s)
        return value.isDouble();
    if (type == u"integer"_s)
        return value.isDouble() && value.toDouble() == double(qint64(value.toDouble()));
    return false;
}

bool hasFormat(const QString& text, const QString& format)
{
    if (format == u"uuid"_s) {
        static const QRegularExpression uuid(
            u"^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$"_s);
        return uuid.match(text).hasMatch();
    }
    if (format == u"date-time"_s) {
        // RFC 3339: a date, 'T', a time with optional fraction, and a zone (Z or ±hh:mm).
        static const QRegularExpression rfc3339(
            u"^\\d{4}-\\d{2}-\\d{2}[Tt]\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?([Zz]|[+-]\\d{2}:\\d{2})$"_s);
        return rfc3339.match(text).hasMatch() && QDateTime::fromString(text, Qt::ISODateWithMs).isValid();
    }
    if (format == u"uri"_s) {
        const QUrl url(text, QUrl::StrictMode);
        return url.isValid() && !url.scheme().isEmpty();
    }
    return true;
}

} // namespace

bool JsonSchemaCheck::addSchema(const QJsonObject& schema)
{
    const QString id = schema.value(u"$id"_s).toString();
    if (id.isEmpty())
        return false;
    m_documents.insert(id, schema);
    return true;
}

QJsonValue JsonSchemaCheck::resolve(const QString& uri, QString& baseId) const
{
    const QString document = uri.section(u'#', 0, 0);
    const QString pointer = uri.section(u'#', 1);
    if (!document.isEmpty())
        baseId = document;
    QJsonValue node = m_documents.value(baseId);
    for (const QString& token : pointer.split(u'/', Qt::SkipEmptyParts)) {
        if (!node.isObject())
            return {};
        node = node.toObject().value(QString(token).replace(u"~1"_s, u"/"_s).replace(u"~0"_s, u"~"_s));
    }
    return node;
}

QStringList JsonSchemaCheck::check(const QJsonValue& value, const QString& uri) const
{
    QStringList problems;
    QString baseId;
    const QJsonValue schema = resolve(uri, baseId);
    if (schema.isUndefined())
        return { u"no schema %1"_s.arg(uri) };
    checkValue(value, schema, baseId, u"$"_s, problems);
    return problems;
}

void JsonSchemaCheck::checkValue(const QJsonValue& value, const QJsonValue& schemaValue, const QString& baseId,
    const QString& path, QStringList& problems) const
{
    if (schemaValue.isBool()) {
        if (!schemaValue.toBool())
            problems << path + u": not allowed"_s;
        return;
    }
    const QJsonObject schema = schemaValue.toObject();
    if (schema.contains(u"$ref"_s)) {
        QString refBase = baseId;
        const QJsonValue target = resolve(schema.value(u"$ref"_s).toString(), refBase);
        if (target.isUndefined())
            problems << path + u": unresolved $ref "_s + schema.value(u"$ref"_s).toString();
        else
            checkValue(value, target, refBase, path, problems);
    }
    for (const QJsonValue& part : schema.value(u"allOf"_s).toArray())
        checkValue(value, part, baseId, path, problems);
    for (const char* keyword : { "anyOf", "oneOf" }) {
        const QJsonArray options = schema.value(QLatin1String(keyword)).toArray();
        if (options.isEmpty())
            continue;
        int matching = 0;
        for (const QJsonValue& option : options) {
            QStringList optionProblems;
            checkValue(value, option, baseId, path, optionProblems);
            matching += optionProblems.isEmpty() ? 1 : 0;
        }
        if (matching == 0 || (QLatin1String(keyword) == "oneOf"_L1 && matching != 1))
            problems << path + u": matches %1 of the %2 alternatives"_s.arg(matching).arg(QLatin1String(keyword));
    }
    if (schema.contains(u"not"_s)) {
        QStringList notProblems;
        checkValue(value, schema.value(u"not"_s), baseId, path, notProblems);
        if (notProblems.isEmpty())
            problems << path + u": matches a schema it must not"_s;
    }
    if (schema.contains(u"type"_s)) {
        const QJsonValue type = schema.value(u"type"_s);
        const QStringList types = type.isArray() ? type.toVariant().toStringList() : QStringList { type.toString() };
        if (std::none_of(types.cbegin(), types.cend(), [&](const QString& t) { return hasType(value, t); }))
            problems << path + u": is not of type "_s + types.join(u'|');
    }
    if (schema.contains(u"enum"_s) && !schema.value(u"enum"_s).toArray().contains(value))
        problems << path + u": is not one of the allowed values"_s;
    if (value.isString() && schema.contains(u"format"_s)
        && !hasFormat(value.toString(), schema.value(u"format"_s).toString()))
        problems << path + u": “%1” is not a valid %2"_s.arg(value.toString(), schema.value(u"format"_s).toString());
    if (value.isObject())
        checkObject(value.toObject(), schema, baseId, path, problems);
    if (value.isArray() && schema.contains(u"items"_s)) {
        const QJsonArray items = value.toArray();
        for (qsizetype i = 0; i < items.size(); ++i)
            checkValue(items.at(i), schema.value(u"items"_s), baseId, path + u"[%1]"_s.arg(i), problems);
    }
}

void JsonSchemaCheck::checkObject(const QJsonObject& value, const QJsonObject& schema, const QString& baseId,
    const QString& path, QStringList& problems) const
{
    for (const QJsonValue& required : schema.value(u"required"_s).toArray()) {
        if (!value.contains(required.toString()))
            problems << path + u": lacks required “"_s + required.toString() + u"”"_s;
    }
    const QJsonObject properties = schema.value(u"properties"_s).toObject();
    for (auto it = value.begin(); it != value.end(); ++it) {
        const QString childPath = path + u'.' + it.key();
        if (properties.contains(it.key()))
            checkValue(it.value(), properties.value(it.key()), baseId, childPath, problems);
        else if (schema.contains(u"additionalProperties"_s))
            checkValue(it.value(), schema.value(u"additionalProperties"_s), baseId, childPath, problems);
    }
}
