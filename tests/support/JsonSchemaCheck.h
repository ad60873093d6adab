#pragma once

#include <QHash>
#include <QJsonObject>
#include <QJsonValue>
#include <QStringList>

// A small JSON Schema (draft 2020-12) checker for the keywords OpenLineage's schemas use:
// $ref (within a document or to another loaded document by its $id), allOf, anyOf, oneOf,
// not, type, enum, required, properties, additionalProperties, items, and the formats uuid,
// date-time and uri. Unknown keywords (description, example, ...) are ignored. Enough to
// check exported events against the published schemas without a validator package.
class JsonSchemaCheck
{
public:
    // Adds a schema document, found later by its $id; false when it has none.
    bool addSchema(const QJsonObject& schema);
    // The problems of `value` against the schema `uri` ("<$id>" or "<$id>#/$defs/X"), each
    // as "<JSON path>: what is wrong"; empty when it conforms.
    QStringList check(const QJsonValue& value, const QString& uri) const;

private:
    QJsonValue resolve(const QString& uri, QString& baseId) const;
    void checkValue(const QJsonValue& value, const QJsonValue& schema, const QString& baseId, const QString& path,
        QStringList& problems) const;
    void checkObject(const QJsonObject& value, const QJsonObject& schema, const QString& baseId, const QString& path,
        QStringList& problems) const;

    QHash<QString, QJsonObject> m_documents;
};
