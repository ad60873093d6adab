#include "registry/ModelCardTags.h"

#include "store/RegistryWriteRules.h"

#include <QCryptographicHash>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>

namespace prov {
namespace {

const QString partPrefix = QStringLiteral("provenance.card.");

QString partKey(qsizetype n)
{
    return partPrefix + QString::number(n);
}

QByteArray cardJson(const CardFields& fields)
{
    QJsonObject object;
    for (auto it = fields.begin(); it != fields.end(); ++it) {
        if (!it.value().isEmpty())
            object.insert(it.key(), it.value());
    }
    return QJsonDocument(QJsonObject { { QStringLiteral("provenance_card"), 1 }, { QStringLiteral("fields"), object } })
        .toJson(QJsonDocument::Compact);
}

// Splits `text` into pieces of at most `limit` code points, never between a surrogate pair.
QStringList split(const QString& text, qsizetype limit)
{
    QStringList parts;
    QString current;
    qsizetype points = 0;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const bool pair = text[i].isHighSurrogate() && i + 1 < text.size() && text[i + 1].isLowSurrogate();
        if (points == limit) {
            parts << current;
            current.clear();
            points = 0;
        }
        current += text[i];
        if (pair)
            current += text[++i];
        ++points;
    }
    if (!current.isEmpty())
        parts << current;
    return parts;
}

CardFields fieldsOf(const QJsonObject& object)
{
    CardFields fields;
    const QJsonObject stored = object.value(QLatin1String("fields")).toObject();
    for (auto it = stored.begin(); it != stored.end(); ++it) {
        // Fields a newer Provenance wrote are kept, so that saving here does not drop them.
        if (it.value().isString() && !it.value().toString().isEmpty())
            fields.insert(it.key(), it.value().toString());
    }
    return fields;
}

} // namespace

const QString ModelCardTags::Key = QStringLiteral("provenance.card");

bool ModelCardTags::isCardTag(const QString& key)
{
    if (key == Key)
        return true;
    if (!key.startsWith(partPrefix))
        return false;
    bool ok = false;
    key.mid(partPrefix.size()).toInt(&ok);
    return ok;
}

KeyValueList ModelCardTags::encode(const CardFields& fields)
{
    bool any = false;
    for (const QString& value : fields)
        any = any || !value.isEmpty();
    if (!any)
        return {};
    const QByteArray json = cardJson(fields);
    const QString text = QString::fromUtf8(json);
    if (RegistryWriteRules::pythonLength(text) <= RegistryWriteRules::MaxTagValueLength)
        return { { Key, text } };
    const QStringList parts = split(text, RegistryWriteRules::MaxTagValueLength);
    const QJsonObject header { { QStringLiteral("provenance_card"), 1 }, { QStringLiteral("parts"), parts.size() },
        { QStringLiteral("sha256"),
            QString::fromLatin1(QCryptographicHash::hash(json, QCryptographicHash::Sha256).toHex()) } };
    KeyValueList tags { { Key, QString::fromUtf8(QJsonDocument(header).toJson(QJsonDocument::Compact)) } };
    for (qsizetype i = 0; i < parts.size(); ++i)
        tags.append({ partKey(i + 1), parts[i] });
    return tags;
}

ModelCardTags::Stored ModelCardTags::read(const KeyValueList& tags)
{
    Stored stored;
    const QString head = valueOf(tags, Key);
    if (head.isNull())
        return stored;
    stored.state = Stored::State::Damaged;
    const QJsonObject object = QJsonDocument::fromJson(head.toUtf8()).object();
    if (object.value(QLatin1String("provenance_card")).toInt() < 1) {
        stored.problem = QStringLiteral("the tag “provenance.card” does not hold a model card");
        return stored;
    }
    if (!object.contains(QLatin1String("parts"))) {
        stored.fields = fieldsOf(object);
        stored.state = Stored::State::Complete;
        return stored;
    }
    const qint64 count = object.value(QLatin1String("parts")).toInteger();
    QString whole;
    for (qint64 n = 1; n <= count; ++n) {
        const QString part = valueOf(tags, partKey(n));
        if (part.isNull()) {
            stored.problem = QStringLiteral("part %1 of %2 of the stored card is missing").arg(n).arg(count);
            return stored;
        }
        whole += part;
    }
    const QByteArray json = whole.toUtf8();
    if (QString::fromLatin1(QCryptographicHash::hash(json, QCryptographicHash::Sha256).toHex())
        != object.value(QLatin1String("sha256")).toString()) {
        stored.problem = QStringLiteral("the parts of the stored card do not fit together (it was saved halfway)");
        return stored;
    }
    stored.fields = fieldsOf(QJsonDocument::fromJson(json).object());
    stored.state = Stored::State::Complete;
    return stored;
}

RegistryWrites ModelCardTags::writes(
    const QString& modelName, qint64 version, const CardFields& fields, const KeyValueList& currentTags)
{
    const KeyValueList wanted = encode(fields);
    RegistryWrites writes;
    // Parts first and the head last: a tool that writes tags one by one never shows a head
    // whose parts are not there yet.
    for (auto it = wanted.crbegin(); it != wanted.crend(); ++it) {
        if (valueOf(currentTags, it->key) != it->value || valueOf(currentTags, it->key).isNull())
            writes.append(RegistryWrite::setVersionTag(modelName, version, it->key, it->value));
    }
    for (const KeyValue& tag : currentTags) {
        const bool kept
            = std::any_of(wanted.begin(), wanted.end(), [&](const KeyValue& w) { return w.key == tag.key; });
        if (isCardTag(tag.key) && !kept)
            writes.append(RegistryWrite::deleteVersionTag(modelName, version, tag.key));
    }
    return writes;
}

} // namespace prov
