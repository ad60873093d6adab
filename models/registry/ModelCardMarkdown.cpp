#include "registry/ModelCardMarkdown.h"

#include "registry/ModelCardText.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace prov {
namespace {

// YAML scalars as JSON strings: valid YAML whatever they contain.
QString yamlString(const QString& text)
{
    const QByteArray json = QJsonDocument(QJsonArray { text }).toJson(QJsonDocument::Compact);
    return QString::fromUtf8(json.mid(1, json.size() - 2));
}

void yamlList(QString& out, const QString& key, const QStringList& items)
{
    if (items.isEmpty())
        return;
    out += key + QStringLiteral(":\n");
    for (const QString& item : items)
        out += QStringLiteral("- ") + yamlString(item) + QLatin1Char('\n');
}

QString frontMatter(const ModelCard& card)
{
    const ModelCardFacts& f = card.facts;
    QString out = QStringLiteral("---\n");
    const QString license = card.field(QStringLiteral("license"));
    if (const auto id = ModelCardText::licenseIdentifier(card))
        out += QStringLiteral("license: ") + yamlString(id->toLower()) + QLatin1Char('\n');
    else if (!license.isEmpty())
        out += QStringLiteral("license: other\nlicense_name: ") + yamlString(license.left(80)) + QLatin1Char('\n');
    QString library;
    for (const QString& flavor : f.flavors) {
        if (flavor != QLatin1String("python_function"))
            library = flavor;
    }
    if (!library.isEmpty())
        out += QStringLiteral("library_name: ") + yamlString(library) + QLatin1Char('\n');
    yamlList(out, QStringLiteral("tags"), QStringList { QStringLiteral("mlflow") } + f.flavors);
    QStringList datasets, metrics;
    for (const CardDataset& d : f.datasets) {
        if (!datasets.contains(d.name))
            datasets << d.name;
    }
    for (const CardMetric& m : ModelCardText::reportedMetrics(f)) {
        if (!metrics.contains(m.key))
            metrics << m.key;
    }
    yamlList(out, QStringLiteral("datasets"), datasets);
    yamlList(out, QStringLiteral("metrics"), metrics);
    return out + QStringLiteral("---\n\n");
}

QString orNone(const QString& text, const QString& none)
{
    return text.isEmpty() ? none : text;
}

const QString moreInformation = QStringLiteral("[More Information Needed]"); // the Hugging Face template's words

void bullet(QString& out, const QString& label, const QString& value)
{
    if (value.isEmpty())
        return;
    out += QStringLiteral("- **") + label + QStringLiteral(":** ")
        + (value == moreInformation ? value : ModelCardMarkdown::escape(value)) + QLatin1Char('\n');
}

void listOrNone(QString& out, const QStringList& lines)
{
    if (lines.isEmpty())
        out += moreInformation + QLatin1Char('\n');
    for (const QString& line : lines)
        out += QStringLiteral("- ") + ModelCardMarkdown::escape(line) + QLatin1Char('\n');
    out += QLatin1Char('\n');
}

void table(QString& out, const QStringList& header, const QList<QStringList>& rows)
{
    out += QStringLiteral("| ") + header.join(QStringLiteral(" | ")) + QStringLiteral(" |\n|");
    for (qsizetype i = 0; i < header.size(); ++i)
        out += QStringLiteral(" --- |");
    out += QLatin1Char('\n');
    for (const QStringList& row : rows) {
        QStringList cells;
        for (const QString& cell : row)
            cells << ModelCardMarkdown::escape(cell);
        out += QStringLiteral("| ") + cells.join(QStringLiteral(" | ")) + QStringLiteral(" |\n");
    }
    out += QLatin1Char('\n');
}

void details(QString& out, const ModelCard& card)
{
    const ModelCardFacts& f = card.facts;
    out += QStringLiteral("## Model Details\n\n### Model Description\n\n");
    if (!card.field(QStringLiteral("documentation")).isEmpty())
        out += ModelCardMarkdown::escape(card.field(QStringLiteral("documentation"))) + QStringLiteral("\n\n");
    bullet(out, QStringLiteral("Developed by"), ModelCardText::people(card));
    bullet(out, QStringLiteral("Model type"), card.field(QStringLiteral("model_architecture")));
    bullet(out, QStringLiteral("Flavors"), f.flavors.join(QStringLiteral(", ")));
    bullet(out, QStringLiteral("License"), orNone(card.field(QStringLiteral("license")), moreInformation));
    bullet(out, QStringLiteral("Version"), QString::number(f.version));
    bullet(out, QStringLiteral("Version description"), f.versionDescription);
    bullet(out, QStringLiteral("Registered"), ModelCardText::isoTime(f.registeredAt));
    bullet(out, QStringLiteral("Stage"), f.stage);
    bullet(out, QStringLiteral("Aliases"), f.aliases.join(QStringLiteral(", ")));
    bullet(out, QStringLiteral("Risk rating"), card.field(QStringLiteral("risk_rating")));
    out += QStringLiteral("\n### Model Sources\n\n");
    bullet(out, QStringLiteral("Repository"), f.codeRepository);
    bullet(out, QStringLiteral("Commit"), f.codeCommit);
    bullet(out, QStringLiteral("Model URI"), f.modelUri());
    bullet(out, QStringLiteral("Source"), f.source);
    for (const QString& reference : card.lines(QStringLiteral("references")))
        bullet(out, QStringLiteral("Reference"), reference);
    out += QLatin1Char('\n');
}

void uses(QString& out, const ModelCard& card)
{
    out += QStringLiteral("## Uses\n\n### Direct Use\n\n");
    listOrNone(out, card.lines(QStringLiteral("intended_use")));
    out += QStringLiteral("### Intended Users\n\n");
    listOrNone(out, card.lines(QStringLiteral("users")));
    out += QStringLiteral("## Bias, Risks, and Limitations\n\n### Limitations\n\n");
    listOrNone(out, card.lines(QStringLiteral("limitations")));
    out += QStringLiteral("### Ethical Considerations\n\n");
    QStringList risks;
    for (const ModelCardText::Risk& r : ModelCardText::risks(card))
        risks << (r.mitigation.isEmpty() ? r.name : r.name + QStringLiteral(" — mitigation: ") + r.mitigation);
    listOrNone(out, risks);
    if (!card.lines(QStringLiteral("tradeoffs")).isEmpty()) {
        out += QStringLiteral("### Trade-offs\n\n");
        listOrNone(out, card.lines(QStringLiteral("tradeoffs")));
    }
    out += QStringLiteral("## How to Get Started with the Model\n\n```python\nimport mlflow\n\nmodel = "
                          "mlflow.pyfunc.load_model(")
        + QString::fromUtf8(QJsonDocument(QJsonArray { card.facts.modelUri() }).toJson(QJsonDocument::Compact))
              .mid(1)
              .chopped(1)
        + QStringLiteral(")\n```\n\n");
}

void training(QString& out, const ModelCardFacts& f)
{
    out += QStringLiteral("## Training Details\n\n### Training Data\n\n");
    QList<QStringList> rows;
    for (const CardDataset& d : f.datasets)
        rows.append({ d.name, d.context, d.digest, d.sourceType, d.source, d.schema, d.profile });
    if (rows.isEmpty())
        out += QStringLiteral("No dataset inputs were logged on the run.\n\n");
    else
        table(out,
            { QStringLiteral("Dataset"), QStringLiteral("Context"), QStringLiteral("Digest"),
                QStringLiteral("Source type"), QStringLiteral("Source"), QStringLiteral("Schema"),
                QStringLiteral("Profile") },
            rows);
    out += QStringLiteral("#### Training Hyperparameters\n\n");
    QList<QStringList> params;
    for (const KeyValue& kv : f.params)
        params.append({ kv.key, kv.value });
    if (params.isEmpty())
        out += QStringLiteral("No parameters were logged.\n\n");
    else
        table(out, { QStringLiteral("Parameter"), QStringLiteral("Value") }, params);
}

void evaluation(QString& out, const ModelCardFacts& f)
{
    out += QStringLiteral("## Evaluation\n\n### Results\n\n");
    QList<QStringList> rows;
    for (const CardMetric& m : ModelCardText::reportedMetrics(f))
        rows.append({ m.key, ModelCardText::number(m.value), m.datasetName, m.datasetDigest,
            m.modelLinked ? QStringLiteral("logged model") : QStringLiteral("run (latest)") });
    if (rows.isEmpty())
        out += QStringLiteral("No metrics were logged.\n\n");
    else
        table(out,
            { QStringLiteral("Metric"), QStringLiteral("Value"), QStringLiteral("Dataset"),
                QStringLiteral("Dataset digest"), QStringLiteral("Logged on") },
            rows);
    out += QStringLiteral("## Model Signature\n\n");
    if (f.inputs.isEmpty() && f.outputs.isEmpty()) {
        out += QStringLiteral("The model was logged without a signature.\n\n");
        return;
    }
    QList<QStringList> columns;
    for (const SignatureColumn& c : f.inputs)
        columns.append(
            { QStringLiteral("input"), c.name, c.type, c.required ? QStringLiteral("yes") : QStringLiteral("no") });
    for (const SignatureColumn& c : f.outputs)
        columns.append(
            { QStringLiteral("output"), c.name, c.type, c.required ? QStringLiteral("yes") : QStringLiteral("no") });
    table(out,
        { QStringLiteral("Direction"), QStringLiteral("Name"), QStringLiteral("Type"), QStringLiteral("Required") },
        columns);
}

void lineage(QString& out, const ModelCard& card)
{
    const ModelCardFacts& f = card.facts;
    out += QStringLiteral("## Lineage\n\n");
    bullet(out, QStringLiteral("Run"),
        f.runName.isEmpty() ? f.runId : f.runName + QStringLiteral(" (") + f.runId + QLatin1Char(')'));
    bullet(out, QStringLiteral("Experiment"), f.experimentName);
    bullet(out, QStringLiteral("Trained by"), f.trainedBy);
    bullet(out, QStringLiteral("Run started"), ModelCardText::isoTime(f.runStart));
    bullet(out, QStringLiteral("Logged model"), f.loggedModelId);
    bullet(out, QStringLiteral("Code"), f.codeSource);
    bullet(out, QStringLiteral("Branch"), f.codeBranch);
    bullet(out, QStringLiteral("Registered by"), f.registeredBy);
    out += QStringLiteral("\n## Model Card Contact\n\n");
    QStringList contacts;
    for (const ModelCardText::Owner& o : ModelCardText::owners(card))
        contacts << (o.contact.isEmpty() ? o.name : o.name + QStringLiteral(" <") + o.contact + QLatin1Char('>'));
    listOrNone(out, contacts);
    if (!card.field(QStringLiteral("citation")).isEmpty())
        out += QStringLiteral("## Citation\n\n") + ModelCardMarkdown::escape(card.field(QStringLiteral("citation")))
            + QStringLiteral("\n\n");
}

} // namespace

QString ModelCardMarkdown::escape(const QString& text)
{
    // Only what could start markup: emphasis, code, links, HTML, table cells, a heading at the
    // start; an underscore inside a word (python_function) is plain text in CommonMark.
    QString out;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text[i];
        const bool inWord
            = i > 0 && i + 1 < text.size() && text[i - 1].isLetterOrNumber() && text[i + 1].isLetterOrNumber();
        if (c == u'\n' || c == u'\r')
            out += QStringLiteral("<br>");
        else if (QStringView(u"\\`*[]<>|").contains(c) || (c == u'_' && !inWord) || (c == u'#' && i == 0))
            out += QLatin1Char('\\') + c;
        else
            out += c;
    }
    return out;
}

QString ModelCardMarkdown::toMarkdown(const ModelCard& card)
{
    QString out = frontMatter(card);
    out += QStringLiteral("# Model Card for ") + escape(card.facts.modelName) + QStringLiteral(" version ")
        + QString::number(card.facts.version) + QStringLiteral("\n\n");
    out += escape(orNone(card.field(QStringLiteral("overview")), card.facts.modelDescription)) + QStringLiteral("\n\n");
    details(out, card);
    uses(out, card);
    training(out, card.facts);
    evaluation(out, card.facts);
    lineage(out, card);
    return out;
}

} // namespace prov
