#include "registry/ModelCardHtml.h"

#include "core/DisplayFormat.h"
#include "registry/ModelCardText.h"

namespace prov {
namespace {

QString esc(const QString& text)
{
    return text.toHtmlEscaped().replace(QLatin1Char('\n'), QStringLiteral("<br>"));
}

class Page
{
public:
    explicit Page(bool forPrint)
        : m_forPrint(forPrint)
    { }

    void heading(const QString& text, int level = 2)
    {
        m_html += QStringLiteral("<h%1>%2</h%1>").arg(level).arg(esc(text));
    }
    void paragraph(const QString& html) { m_html += QStringLiteral("<p>") + html + QStringLiteral("</p>"); }
    // A hand-written field still empty: "License: still to be written." (or "not provided" in print).
    void missing(const QString& label)
    {
        note(label + (m_forPrint ? QStringLiteral(": not provided.") : QStringLiteral(": still to be written.")));
    }
    void note(const QString& text)
    {
        paragraph(QStringLiteral("<span style=\"color:#8a6d00;\">") + esc(text) + QStringLiteral("</span>"));
    }
    void rows(const QList<std::pair<QString, QString>>& rows)
    {
        QString body;
        for (const auto& [label, value] : rows) {
            if (!value.isEmpty())
                body += QStringLiteral("<tr><td style=\"color:#606060; padding-right:12px;\">") + esc(label)
                    + QStringLiteral("</td><td>") + esc(value) + QStringLiteral("</td></tr>");
        }
        if (!body.isEmpty())
            m_html += QStringLiteral("<table cellspacing=\"0\" cellpadding=\"2\">") + body + QStringLiteral("</table>");
    }
    void table(const QStringList& header, const QList<QStringList>& rows)
    {
        m_html += QStringLiteral("<table border=\"1\" cellspacing=\"0\" cellpadding=\"4\" "
                                 "style=\"border-collapse:collapse; border-color:#c0c0c0;\"><tr>");
        for (const QString& h : header)
            m_html += QStringLiteral("<th align=\"left\" style=\"background:#eeeeee;\">") + esc(h)
                + QStringLiteral("</th>");
        m_html += QStringLiteral("</tr>");
        for (const QStringList& row : rows) {
            m_html += QStringLiteral("<tr>");
            for (const QString& cell : row)
                m_html += QStringLiteral("<td>") + esc(cell) + QStringLiteral("</td>");
            m_html += QStringLiteral("</tr>");
        }
        m_html += QStringLiteral("</table>");
    }
    // The items as a list, or that `label` is still to be written.
    void list(const QStringList& items, const QString& label)
    {
        if (items.isEmpty()) {
            if (!label.isEmpty())
                missing(label);
            return;
        }
        m_html += QStringLiteral("<ul>");
        for (const QString& item : items)
            m_html += QStringLiteral("<li>") + esc(item) + QStringLiteral("</li>");
        m_html += QStringLiteral("</ul>");
    }
    QString html() const { return m_html; }

private:
    bool m_forPrint;
    QString m_html;
};

void details(Page& page, const ModelCard& card)
{
    const ModelCardFacts& f = card.facts;
    page.heading(QStringLiteral("Model details"));
    QStringList owners;
    for (const ModelCardText::Owner& o : ModelCardText::owners(card))
        owners << (o.contact.isEmpty() ? o.name : o.name + QStringLiteral(" <") + o.contact + QLatin1Char('>'));
    page.rows({ { QStringLiteral("Owners"), owners.join(QStringLiteral("\n")) },
        { QStringLiteral("License"), card.field(QStringLiteral("license")) },
        { QStringLiteral("Architecture"), card.field(QStringLiteral("model_architecture")) },
        { QStringLiteral("Flavors"), f.flavors.join(QStringLiteral(", ")) },
        { QStringLiteral("Version description"), f.versionDescription },
        { QStringLiteral("Registered"), DisplayFormat::timestamp(f.registeredAt) },
        { QStringLiteral("Registered by"), f.registeredBy }, { QStringLiteral("Stage"), f.stage },
        { QStringLiteral("Aliases"), f.aliases.join(QStringLiteral(", ")) },
        { QStringLiteral("Model URI"), f.modelUri() }, { QStringLiteral("Source"), f.source },
        { QStringLiteral("Risk rating"), card.field(QStringLiteral("risk_rating")) } });
    if (owners.isEmpty())
        page.missing(QStringLiteral("Owners"));
    if (card.field(QStringLiteral("license")).isEmpty())
        page.missing(QStringLiteral("License"));
    if (!card.field(QStringLiteral("documentation")).isEmpty())
        page.paragraph(esc(card.field(QStringLiteral("documentation"))));
    if (!card.lines(QStringLiteral("references")).isEmpty()) {
        page.heading(QStringLiteral("References"), 3);
        page.list(card.lines(QStringLiteral("references")), {});
    }
}

void considerations(Page& page, const ModelCard& card)
{
    page.heading(QStringLiteral("Intended uses"));
    page.list(card.lines(QStringLiteral("intended_use")), QStringLiteral("Intended uses"));
    page.heading(QStringLiteral("Intended users"), 3);
    page.list(card.lines(QStringLiteral("users")), QStringLiteral("Intended users"));
    page.heading(QStringLiteral("Limitations"));
    page.list(card.lines(QStringLiteral("limitations")), QStringLiteral("Limitations"));
    page.heading(QStringLiteral("Ethical considerations"), 3);
    QStringList risks;
    for (const ModelCardText::Risk& r : ModelCardText::risks(card))
        risks << (r.mitigation.isEmpty() ? r.name : r.name + QStringLiteral(" — mitigation: ") + r.mitigation);
    page.list(risks, QStringLiteral("Ethical considerations"));
    if (!card.lines(QStringLiteral("tradeoffs")).isEmpty()) {
        page.heading(QStringLiteral("Trade-offs"), 3);
        page.list(card.lines(QStringLiteral("tradeoffs")), {});
    }
}

void data(Page& page, const ModelCardFacts& f)
{
    page.heading(QStringLiteral("Datasets"));
    QList<QStringList> rows;
    for (const CardDataset& d : f.datasets)
        rows.append({ d.name, d.context, d.digest, d.sourceType, d.source, d.profile });
    if (rows.isEmpty())
        page.note(QStringLiteral("No dataset inputs were logged on the run."));
    else
        page.table({ QStringLiteral("Dataset"), QStringLiteral("Context"), QStringLiteral("Digest"),
                       QStringLiteral("Source type"), QStringLiteral("Source"), QStringLiteral("Profile") },
            rows);
    page.heading(QStringLiteral("Metrics"));
    QList<QStringList> metrics;
    for (const CardMetric& m : ModelCardText::reportedMetrics(f))
        metrics.append({ m.key, ModelCardText::number(m.value), m.datasetName, m.datasetDigest,
            m.modelLinked ? QStringLiteral("logged model") : QStringLiteral("run (latest)") });
    if (metrics.isEmpty())
        page.note(QStringLiteral("No metrics were logged."));
    else
        page.table({ QStringLiteral("Metric"), QStringLiteral("Value"), QStringLiteral("Dataset"),
                       QStringLiteral("Digest"), QStringLiteral("Logged on") },
            metrics);
}

void signatureAndLineage(Page& page, const ModelCardFacts& f)
{
    page.heading(QStringLiteral("Signature"));
    QList<QStringList> columns;
    for (const SignatureColumn& c : f.inputs)
        columns.append({ QStringLiteral("input"), c.name, c.type });
    for (const SignatureColumn& c : f.outputs)
        columns.append({ QStringLiteral("output"), c.name, c.type });
    if (columns.isEmpty())
        page.note(QStringLiteral("The model was logged without a signature."));
    else
        page.table({ QStringLiteral("Direction"), QStringLiteral("Name"), QStringLiteral("Type") }, columns);
    page.heading(QStringLiteral("Parameters"));
    QList<QStringList> params;
    for (const KeyValue& kv : f.params)
        params.append({ kv.key, kv.value.left(200) });
    if (params.isEmpty())
        page.note(QStringLiteral("No parameters were logged."));
    else
        page.table({ QStringLiteral("Parameter"), QStringLiteral("Value") }, params);
    page.heading(QStringLiteral("Lineage"));
    page.rows({ { QStringLiteral("Run"),
                    f.runName.isEmpty() ? f.runId : f.runName + QStringLiteral(" (") + f.runId + QLatin1Char(')') },
        { QStringLiteral("Experiment"), f.experimentName }, { QStringLiteral("Trained by"), f.trainedBy },
        { QStringLiteral("Run started"), DisplayFormat::timestamp(f.runStart) },
        { QStringLiteral("Logged model"), f.loggedModelId }, { QStringLiteral("Code"), f.codeSource },
        { QStringLiteral("Repository"), f.codeRepository }, { QStringLiteral("Commit"), f.codeCommit },
        { QStringLiteral("Branch"), f.codeBranch } });
}

} // namespace

QString ModelCardHtml::toHtml(const ModelCard& card, Options options)
{
    const ModelCardFacts& f = card.facts;
    Page page(options.forPrint);
    page.heading(QStringLiteral("%1 · version %2").arg(f.modelName).arg(f.version), 1);
    const QString overview = card.field(QStringLiteral("overview"));
    if (!overview.isEmpty())
        page.paragraph(QStringLiteral("<b>") + esc(overview) + QStringLiteral("</b>"));
    else
        page.missing(QStringLiteral("Overview"));
    if (!f.modelDescription.isEmpty())
        page.paragraph(esc(f.modelDescription));
    if (!card.storedProblem.isEmpty())
        page.paragraph(QStringLiteral("<span style=\"color:#b00020;\">")
            + esc(QStringLiteral("The card stored in the store could not be read: ") + card.storedProblem)
            + QStringLiteral("</span>"));
    details(page, card);
    considerations(page, card);
    data(page, f);
    signatureAndLineage(page, f);
    return page.html();
}

} // namespace prov
