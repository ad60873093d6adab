#pragma once

#include <QString>
#include <QStringList>
#include <QUrl>

namespace prov {

// Builds the small HTML documents the details panes show in QTextBrowsers. Every piece of
// store text goes through escape(), so a run name like "<img src=x>" is shown, not obeyed.
// Links use the app's own schemes, handled by the panes: run:<id>, version:<name>/<n>,
// model:<id>, experiment:<id>.
class DetailsHtml
{
public:
    static QString escape(const QString& text);
    static QUrl runUrl(const QString& runId);
    static QUrl versionUrl(const QString& modelName, qint64 version);
    static QString link(const QUrl& url, const QString& text);

    // A heading row and "label: value" rows; values are HTML (escape them first).
    void heading(const QString& text);
    void row(const QString& label, const QString& valueHtml);
    // A row only when `plainValue` is not empty (it is escaped here).
    void textRow(const QString& label, const QString& plainValue);
    void paragraph(const QString& html);
    // A simple table with escaped cells, or nothing when `rows` is empty.
    void table(const QStringList& headers, const QList<QStringList>& rowsHtml);

    QString toHtml() const;

private:
    void closeRows();

    QString m_html;
    bool m_inRows = false;
};

} // namespace prov
