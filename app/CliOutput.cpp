#include "CliOutput.h"

#include "CliContext.h"
#include "core/TabularText.h"

#include <QCommandLineParser>
#include <QJsonDocument>

namespace prov {

QCommandLineOption CliOutput::formatOption()
{
    return QCommandLineOption(QStringLiteral("format"), QStringLiteral("Output format: table, csv or json."),
        QStringLiteral("FORMAT"), QStringLiteral("table"));
}

std::optional<CliFormat> CliOutput::format(CliContext& context, const QCommandLineParser& parser)
{
    const QString text = parser.value(QStringLiteral("format"));
    if (text == QLatin1String("table"))
        return CliFormat::Table;
    if (text == QLatin1String("csv"))
        return CliFormat::Csv;
    if (text == QLatin1String("json"))
        return CliFormat::Json;
    context.err() << "provenance: unknown --format '" << text << "' (use table, csv or json)\n";
    return std::nullopt;
}

int CliOutput::fail(CliContext& context, const QString& verb, const Error& error)
{
    context.err() << "provenance " << verb << ": " << error.describe() << '\n';
    return CliExit::Failed;
}

int CliOutput::usageError(CliContext& context, const QString& verb, const QString& message)
{
    context.err() << "provenance " << verb << ": " << message << '\n';
    return CliExit::Usage;
}

int CliOutput::emit(CliContext& context, CliFormat format, const QList<QStringList>& rows, const QJsonArray& json)
{
    QByteArray text;
    switch (format) {
    case CliFormat::Json:
        text = QJsonDocument(json).toJson(QJsonDocument::Indented);
        break;
    case CliFormat::Csv:
        text = TabularText::csv(rows);
        break;
    case CliFormat::Table:
        text = TabularText::aligned(rows);
        break;
    }
    context.out() << QString::fromUtf8(text);
    return CliExit::Done;
}

QJsonObject CliOutput::keyValueObject(const KeyValueList& list)
{
    QJsonObject object;
    for (const KeyValue& kv : list)
        object.insert(kv.key, kv.value);
    return object;
}

} // namespace prov
