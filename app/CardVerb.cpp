#include "CardVerb.h"

#include "CliContext.h"
#include "CliOutput.h"
#include "ModelCardPdf.h"
#include "core/CancellationToken.h"
#include "core/DisplayFormat.h"
#include "journal/JournalDatabase.h"
#include "registry/CardWriteBack.h"
#include "registry/ModelCardJson.h"
#include "registry/ModelCardMarkdown.h"
#include "registry/ModelCardSchema.h"

#include <QCommandLineParser>
#include <QDateTime>
#include <QSaveFile>

namespace prov {
namespace {

const QCommandLineOption modelOption { QStringLiteral("model"), QStringLiteral("The registered model."),
    QStringLiteral("NAME") };
const QCommandLineOption versionOption { QStringLiteral("version"), QStringLiteral("The version number."),
    QStringLiteral("N") };
const QCommandLineOption formatOption { QStringLiteral("format"), QStringLiteral("Output format: md, json or pdf."),
    QStringLiteral("FORMAT"), QStringLiteral("md") };
const QCommandLineOption outOption { QStringLiteral("out"), QStringLiteral("Write to FILE instead of stdout."),
    QStringLiteral("FILE") };
const QCommandLineOption setOption { QStringLiteral("set"),
    QStringLiteral("Set a hand-written field (Model Card Toolkit name, e.g. owners, license, intended_use, users, "
                   "limitations, ethical_considerations, risk_rating); \\n starts a new line."),
    QStringLiteral("FIELD=TEXT") };
const QCommandLineOption saveOption { QStringLiteral("save"), QStringLiteral("Write the card to the store.") };

// Applies --set options to `fields`; a sentence naming the bad option otherwise.
Result<CardFields> applySets(const QStringList& sets, CardFields fields)
{
    for (const QString& set : sets) {
        const qsizetype equals = set.indexOf(QLatin1Char('='));
        const QString name = equals < 0 ? set : set.left(equals);
        const auto field = ModelCardSchema::field(name);
        if (!field)
            return makeError(ErrorCode::InvalidArgument,
                QStringLiteral("“%1” is not a model card field; the fields are %2")
                    .arg(name, ModelCardSchema::names().join(QStringLiteral(", "))));
        if (equals < 0)
            return makeError(
                ErrorCode::InvalidArgument, QStringLiteral("--set %1 needs a value: --set %1=TEXT").arg(name));
        QString text = set.mid(equals + 1).replace(QStringLiteral("\\n"), QStringLiteral("\n")).trimmed();
        if (field->shape == ModelCardField::Shape::Rating && !text.isEmpty()) {
            const auto rating
                = std::find_if(ModelCardSchema::riskRatings().begin(), ModelCardSchema::riskRatings().end(),
                    [&](const QString& r) { return r.compare(text, Qt::CaseInsensitive) == 0; });
            if (rating == ModelCardSchema::riskRatings().end())
                return makeError(ErrorCode::InvalidArgument,
                    QStringLiteral("risk_rating must be one of %1, not “%2”")
                        .arg(ModelCardSchema::riskRatings().join(QStringLiteral(", ")), text));
            text = *rating;
        }
        if (text.isEmpty())
            fields.remove(field->name);
        else
            fields.insert(field->name, text);
    }
    return fields;
}

Status writeOutput(CliContext& context, const ModelCard& card, const QString& format, const QString& path)
{
    if (format == QLatin1String("pdf"))
        return ModelCardPdf::write(card, path);
    const QByteArray bytes
        = format == QLatin1String("json") ? ModelCardJson::toJson(card) : ModelCardMarkdown::toMarkdown(card).toUtf8();
    if (path.isEmpty()) {
        context.out() << QString::fromUtf8(bytes);
        return {};
    }
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size() || !file.commit())
        return makeError(ErrorCode::Io, QStringLiteral("cannot write the card: %1").arg(file.errorString()), path);
    return {};
}

// Saves the card and says what happened; re-syncs after a write so the cache reads it back.
int save(CliContext& context, const SqliteDatabase& journal, const CardState& state, const CardFields& fields)
{
    auto outcome = CardWriteBack::save(context.store(), journal, state, fields, CancellationToken());
    if (!outcome)
        return CliOutput::fail(context, QStringLiteral("card"), outcome.error());
    using Kind = CardWriteBack::Outcome::Kind;
    switch (outcome->kind) {
    case Kind::Unchanged:
        context.err() << "provenance card: the store already holds this card\n";
        return CliExit::Done;
    case Kind::Written:
        context.err() << "provenance card: saved to the store\n";
        if (auto synced = context.sync(); !synced)
            context.err() << "provenance card: saved, but reading it back failed: " << synced.error().describe()
                          << '\n';
        return CliExit::Done;
    case Kind::Queued:
        context.err() << "provenance card: not written yet (" << outcome->message
                      << "); it is queued in the journal and will be written by the next sync that reaches the store\n";
        return CliExit::Failed;
    case Kind::Refused:
        context.err() << "provenance card: the store refused the card: " << outcome->message
                      << "; the edits are kept as a draft\n";
        return CliExit::Failed;
    }
    return CliExit::Failed;
}

} // namespace

QString CardVerb::name() const
{
    return QStringLiteral("card");
}

QString CardVerb::synopsis() const
{
    return QStringLiteral(
        "STORE --model NAME --version N [--format md|json|pdf --out FILE] [--set FIELD=TEXT ...] [--save]");
}

QString CardVerb::summary() const
{
    return QStringLiteral(
        "a version's model card (Markdown, JSON or PDF); --set edits it, --save writes it to the store");
}

QList<QCommandLineOption> CardVerb::options() const
{
    return { modelOption, versionOption, formatOption, outOption, setOption, saveOption };
}

int CardVerb::run(CliContext& context, const QCommandLineParser& parser) const
{
    const QString format = parser.value(formatOption);
    if (format != QLatin1String("md") && format != QLatin1String("json") && format != QLatin1String("pdf"))
        return CliOutput::usageError(
            context, name(), QStringLiteral("unknown --format '%1' (use md, json or pdf)").arg(format));
    if (format == QLatin1String("pdf") && !parser.isSet(outOption))
        return CliOutput::usageError(context, name(), QStringLiteral("a PDF needs --out FILE"));
    bool numeric = false;
    const qint64 version = parser.value(versionOption).toLongLong(&numeric);
    if (!parser.isSet(modelOption) || !numeric || version < 1)
        return CliOutput::usageError(
            context, name(), QStringLiteral("give the card's version: --model NAME --version N (N = 1, 2, …)"));
    auto sets = applySets(parser.values(setOption), {});
    if (!sets)
        return CliOutput::usageError(context, name(), sets.error().message);
    auto cache = context.freshCache();
    if (!cache)
        return CliOutput::fail(context, name(), cache.error());
    auto journal = JournalDatabase::open(context.journalPath(), JournalDatabase::Access::Write);
    if (!journal)
        return CliOutput::fail(context, name(), journal.error());
    auto state = ModelCardLoader::load(cache->database(), &*journal, parser.value(modelOption), version);
    if (!state)
        return CliOutput::fail(context, name(), state.error());
    auto fields = applySets(parser.values(setOption), state->card.fields);
    if (!fields)
        return CliOutput::usageError(context, name(), fields.error().message);
    if (!parser.values(setOption).isEmpty()) {
        CardDraft draft { state->card.facts.modelName, version, *fields, state->stored,
            QDateTime::currentMSecsSinceEpoch() };
        if (Status s = CardDraftStore(*journal).save(draft); !s)
            return CliOutput::fail(context, name(), s.error());
        state->draft = draft;
        state->card.fields = *fields;
    } else if (state->draft && !parser.isSet(saveOption)) {
        context.err() << "provenance card: showing unsaved edits from "
                      << DisplayFormat::timestamp(state->draft->updatedAt) << "; --save writes them to the store\n";
    }
    if (!state->card.storedProblem.isEmpty())
        context.err() << "provenance card: the card stored in the store cannot be read: " << state->card.storedProblem
                      << '\n';
    int code = CliExit::Done;
    if (parser.isSet(saveOption))
        code = save(context, *journal, *state, state->card.fields);
    if (Status s = writeOutput(context, state->card, format, parser.value(outOption)); !s)
        return CliOutput::fail(context, name(), s.error());
    return code;
}

} // namespace prov
