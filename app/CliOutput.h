#pragma once

#include "core/Error.h"
#include "domain/KeyValue.h"

#include <QCommandLineOption>
#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QStringList>

#include <optional>

QT_BEGIN_NAMESPACE
class QCommandLineParser;
QT_END_NAMESPACE

namespace prov {

class CliContext;

// Exit codes of every verb.
namespace CliExit {
constexpr int Done = 0;
constexpr int Failed = 1;
constexpr int Usage = 2;
} // namespace CliExit

// Output format of the listing verbs.
enum class CliFormat { Table, Csv, Json };

// What verbs share when they print: the --format option, one-line failures on stderr, and
// rows written as an aligned table, CSV or JSON.
class CliOutput
{
public:
    static QCommandLineOption formatOption();
    // The --format given (table when absent); prints a usage error and returns nullopt when
    // it is not one of table, csv, json.
    static std::optional<CliFormat> format(CliContext& context, const QCommandLineParser& parser);

    // "provenance VERB: what failed" on stderr; returns CliExit::Failed.
    static int fail(CliContext& context, const QString& verb, const Error& error);
    // "provenance VERB: message" on stderr; returns CliExit::Usage.
    static int usageError(CliContext& context, const QString& verb, const QString& message);

    // Writes `rows` (header first) as a table or CSV, or `json` for the JSON format.
    static int emit(CliContext& context, CliFormat format, const QList<QStringList>& rows, const QJsonArray& json);
    static QJsonObject keyValueObject(const KeyValueList& list);
};

} // namespace prov
