#include "CompareExporter.h"

#include "CompareImageExport.h"
#include "ComparePage.h"
#include "StoreSession.h"
#include "compare/CompareCsv.h"
#include "core/TabularText.h"
#include "itemmodels/CompareDiffModel.h"

#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QMenu>
#include <QSaveFile>

#include <functional>

namespace prov {
namespace {

constexpr int ImageWidth = 1600; // as `provenance compare --out` draws by default

// A file name made of the metric key: letters, digits, dots, dashes and underscores only.
QString fileNameFor(const QString& key, const QString& suffix)
{
    QString name = key.isEmpty() ? QStringLiteral("compare") : key;
    for (QChar& c : name) {
        if (!c.isLetterOrNumber() && c != QLatin1Char('.') && c != QLatin1Char('-') && c != QLatin1Char('_'))
            c = QLatin1Char('_');
    }
    return name + QLatin1Char('.') + suffix;
}

Status writeFile(const QString& path, const std::function<Status(QIODevice&)>& write)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return makeError(ErrorCode::Io, file.errorString(), path);
    if (Status s = write(file); !s) {
        file.cancelWriting();
        return s;
    }
    if (!file.commit())
        return makeError(ErrorCode::Io, file.errorString(), path);
    return {};
}

} // namespace

CompareExporter::CompareExporter(ComparePage* page, StoreSession* session)
    : QObject(page)
    , m_page(page)
    , m_session(session)
    , m_folder(QDir::homePath())
{ }

QString CompareExporter::askPath(const QString& title, const QString& name, const QString& filter)
{
    const QString path = QFileDialog::getSaveFileName(m_page, title, QDir(m_folder).filePath(name), filter);
    if (!path.isEmpty())
        m_folder = QFileInfo(path).absolutePath();
    return path;
}

QMenu* CompareExporter::createPageMenu(QWidget* parent)
{
    auto* menu = new QMenu(parent);
    connect(menu->addAction(tr("Save Charts as PNG…")), &QAction::triggered, this,
        [this] { askImage({}, QStringLiteral("png")); });
    connect(menu->addAction(tr("Save Charts as SVG…")), &QAction::triggered, this,
        [this] { askImage({}, QStringLiteral("svg")); });
    connect(menu->addAction(tr("Save Raw Series as CSV…")), &QAction::triggered, this, [this] { askSeries({}); });
    connect(menu->addAction(tr("Save Table as CSV…")), &QAction::triggered, this, &CompareExporter::askTable);
    return menu;
}

void CompareExporter::addChartActions(QMenu* menu, const QString& key)
{
    const auto add = [menu](const QString& name, const QString& text) {
        QAction* action = menu->addAction(text);
        action->setObjectName(name);
        return action;
    };
    connect(add(QStringLiteral("savePngAction"), tr("Save Chart as PNG…")), &QAction::triggered, this,
        [this, key] { askImage(key, QStringLiteral("png")); });
    connect(add(QStringLiteral("saveSvgAction"), tr("Save Chart as SVG…")), &QAction::triggered, this,
        [this, key] { askImage(key, QStringLiteral("svg")); });
    connect(add(QStringLiteral("saveSeriesAction"), tr("Save Raw Series as CSV…")), &QAction::triggered, this,
        [this, key] { askSeries(key); });
}

void CompareExporter::askImage(const QString& key, const QString& suffix)
{
    const bool svg = suffix == QLatin1String("svg");
    const QString title = key.isEmpty() ? (svg ? tr("Save Charts as SVG") : tr("Save Charts as PNG"))
                                        : (svg ? tr("Save Chart as SVG") : tr("Save Chart as PNG"));
    const QString path
        = askPath(title, fileNameFor(key, suffix), svg ? tr("SVG images (*.svg)") : tr("PNG images (*.png)"));
    if (!path.isEmpty())
        saveImage(key, path);
}

void CompareExporter::askSeries(const QString& key)
{
    const QString path
        = askPath(tr("Save Raw Series as CSV"), fileNameFor(key, QStringLiteral("csv")), tr("CSV files (*.csv)"));
    if (!path.isEmpty())
        saveSeries(key, path);
}

void CompareExporter::askTable()
{
    const QString path
        = askPath(tr("Save Table as CSV"), QStringLiteral("compare-differences.csv"), tr("CSV files (*.csv)"));
    if (!path.isEmpty())
        saveTable(path);
}

void CompareExporter::saveImage(const QString& key, const QString& path)
{
    const CompareChartSet& shown = m_page->shownCharts();
    std::vector<CompareChart> charts;
    CompareImageFooter footer = m_page->imageFooter();
    for (size_t i = 0; i < shown.charts.size(); ++i) {
        if (!key.isEmpty() && shown.charts[i]->key != key)
            continue;
        charts.push_back(*shown.charts[i]);
        if (shown.groups[i])
            footer.groups.push_back(shown.groups[i].get());
    }
    if (charts.empty()) {
        finish(path, makeError(ErrorCode::NotFound, tr("there is no chart to save yet")));
        return;
    }
    if (footer.groups.size() != charts.size())
        footer.groups.clear();
    const int columns = key.isEmpty() ? m_page->gridColumns() : 1;
    finish(path, CompareImageExport::write(charts, m_page->chartStyle(), footer, path, ImageWidth, columns));
}

void CompareExporter::saveSeries(const QString& key, const QString& path)
{
    std::vector<std::shared_ptr<const CompareChart>> charts;
    for (const auto& chart : m_page->shownCharts().charts) {
        if (key.isEmpty() || chart->key == key)
            charts.push_back(chart);
    }
    if (charts.empty()) {
        finish(path, makeError(ErrorCode::NotFound, tr("there is no chart to save yet")));
        return;
    }
    m_session->jobs()->run<void>(
        QStringLiteral("compare:save-series"),
        [charts, path](JobContext&) -> Status {
            return writeFile(
                path, [&charts](QIODevice& out) { return CompareCsv::write(charts, CompareSeriesKind::Raw, out); });
        },
        this, [this, path](const Status& written) { finish(path, written); });
}

void CompareExporter::saveTable(const QString& path)
{
    // A snapshot of the model, taken here on the GUI thread; the job only writes it.
    const QList<QStringList> cells = m_page->diffModel()->allCells();
    m_session->jobs()->run<void>(
        QStringLiteral("compare:save-table"),
        [cells, path](JobContext&) -> Status {
            return writeFile(path, [&cells](QIODevice& out) -> Status {
                const QByteArray bytes = TabularText::csv(cells);
                if (out.write(bytes) != bytes.size())
                    return makeError(ErrorCode::Io, out.errorString());
                return {};
            });
        },
        this, [this, path](const Status& written) { finish(path, written); });
}

void CompareExporter::finish(const QString& path, const Status& written)
{
    if (written) {
        Q_EMIT exported(path, QString());
        return;
    }
    Q_EMIT exported(path,
        tr("%1 could not be saved: %2. Choose a folder you may write to, with enough free space.")
            .arg(QDir::toNativeSeparators(path), written.error().message));
}

} // namespace prov
