#include "DetailsHtml.h"

namespace prov {

QString DetailsHtml::escape(const QString& text)
{
    return text.toHtmlEscaped().replace(QLatin1Char('\n'), QStringLiteral("<br>"));
}

QUrl DetailsHtml::runUrl(const QString& runId)
{
    QUrl url;
    url.setScheme(QStringLiteral("run"));
    url.setPath(runId);
    return url;
}

QUrl DetailsHtml::versionUrl(const QString& modelName, qint64 version)
{
    QUrl url;
    url.setScheme(QStringLiteral("version"));
    url.setPath(modelName + QLatin1Char('/') + QString::number(version));
    return url;
}

QString DetailsHtml::link(const QUrl& url, const QString& text)
{
    return QStringLiteral("<a href=\"") + url.toString(QUrl::FullyEncoded).toHtmlEscaped() + QStringLiteral("\">")
        + escape(text) + QStringLiteral("</a>");
}

void DetailsHtml::closeRows()
{
    if (m_inRows)
        m_html += QStringLiteral("</table>");
    m_inRows = false;
}

void DetailsHtml::heading(const QString& text)
{
    closeRows();
    m_html += QStringLiteral("<h4 style=\"margin-top:12px; margin-bottom:4px;\">") + escape(text)
        + QStringLiteral("</h4>");
}

void DetailsHtml::row(const QString& label, const QString& valueHtml)
{
    if (!m_inRows)
        m_html += QStringLiteral("<table cellspacing=\"0\" cellpadding=\"2\">");
    m_inRows = true;
    m_html += QStringLiteral("<tr><td style=\"color:#808080; padding-right:12px;\" valign=\"top\">") + escape(label)
        + QStringLiteral("</td><td>") + valueHtml + QStringLiteral("</td></tr>");
}

void DetailsHtml::textRow(const QString& label, const QString& plainValue)
{
    if (!plainValue.isEmpty())
        row(label, escape(plainValue));
}

void DetailsHtml::paragraph(const QString& html)
{
    closeRows();
    m_html += QStringLiteral("<p>") + html + QStringLiteral("</p>");
}

void DetailsHtml::table(const QStringList& headers, const QList<QStringList>& rowsHtml)
{
    closeRows();
    if (rowsHtml.isEmpty())
        return;
    m_html += QStringLiteral("<table cellspacing=\"0\" cellpadding=\"3\" border=\"0\" width=\"100%\"><tr>");
    for (const QString& h : headers)
        m_html += QStringLiteral("<th align=\"left\">") + escape(h) + QStringLiteral("</th>");
    m_html += QStringLiteral("</tr>");
    for (const QStringList& r : rowsHtml) {
        m_html += QStringLiteral("<tr>");
        for (const QString& cell : r)
            m_html += QStringLiteral("<td valign=\"top\">") + cell + QStringLiteral("</td>");
        m_html += QStringLiteral("</tr>");
    }
    m_html += QStringLiteral("</table>");
}

QString DetailsHtml::toHtml() const
{
    return m_html + (m_inRows ? QStringLiteral("</table>") : QString());
}

} // namespace prov
