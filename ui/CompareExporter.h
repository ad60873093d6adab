#pragma once

#include "core/Result.h"

#include <QObject>
#include <QString>

QT_BEGIN_NAMESPACE
class QMenu;
class QWidget;
QT_END_NAMESPACE

namespace prov {

class ComparePage;
class StoreSession;

// Saves what the Compare page shows: charts as PNG or SVG (CompareImageExport, with the footer
// the command line writes), their series as CSV (CompareCsv: the command line's columns, every
// recorded point) and the diff table as CSV (the rows it shows, numbers exact). The ask*()
// functions ask for a file first. CSV files are written by a job; images on the GUI thread,
// since Qt Charts only draws there (a page of charts takes well under a second). Every save
// ends in exported().
class CompareExporter : public QObject
{
    Q_OBJECT

public:
    CompareExporter(ComparePage* page, StoreSession* session);

    // `key` names one chart; empty means every chart the page shows. `suffix` is png or svg.
    void askImage(const QString& key, const QString& suffix);
    void askSeries(const QString& key);
    void askTable();
    void saveImage(const QString& key, const QString& path);
    void saveSeries(const QString& key, const QString& path);
    void saveTable(const QString& path);

    // The Export button's menu: every chart as PNG or SVG, their series and the table as CSV.
    QMenu* createPageMenu(QWidget* parent);
    // Adds the chart of `key`'s save actions (objectNames savePngAction, saveSvgAction,
    // saveSeriesAction) to its context menu.
    void addChartActions(QMenu* menu, const QString& key);

Q_SIGNALS:
    // `path` was written (`error` empty), or could not be: `error` is a sentence for the user.
    void exported(const QString& path, const QString& error);

private:
    QString askPath(const QString& title, const QString& name, const QString& filter);
    void finish(const QString& path, const Status& written);

    ComparePage* m_page;
    StoreSession* m_session;
    QString m_folder; // where the last file was saved: the next dialog starts there
};

} // namespace prov
