#include "IssuesDock.h"

#include "EmptyStateOverlay.h"
#include "IssueListDelegate.h"
#include "StoreSession.h"
#include "itemmodels/IssueListModel.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QHeaderView>
#include <QLabel>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QVBoxLayout>

#include <algorithm>

namespace prov {
namespace {

// Fitting every row's height to its wrapped message costs a layout per row: past this
// many issues rows keep one line and the full message is in the tooltip.
constexpr int maxRowsToFit = 1000;

} // namespace

IssuesDock::IssuesDock(StoreSession* session, QWidget* parent)
    : QDockWidget(tr("Issues"), parent)
    , m_session(session)
    , m_model(new IssueListModel(this))
    , m_proxy(new QSortFilterProxyModel(this))
{
    setObjectName(QStringLiteral("issuesDock"));
    auto* content = new QWidget(this);
    auto* layout = new QVBoxLayout(content);
    layout->setContentsMargins(4, 4, 4, 4);
    m_summary = new QLabel(content);
    m_summary->setObjectName(QStringLiteral("issueSummary"));
    m_summary->setTextFormat(Qt::PlainText);
    m_summary->setWordWrap(true);
    m_table = new QTableView(content);
    m_table->setObjectName(QStringLiteral("issueTable"));
    layout->addWidget(m_summary);
    layout->addWidget(m_table, 1);
    setWidget(content);
    setupTable();
    m_delegate->setRootPath(m_session->location() ? m_session->location()->path : QString());

    connect(m_session, &StoreSession::storeChanged, this, &IssuesDock::onStoreChanged);
    connect(m_session, &StoreSession::cacheChanged, this, &IssuesDock::reload);
    connect(m_session, &StoreSession::syncStarted, this, &IssuesDock::updateSummary);
    connect(m_session, &StoreSession::syncFailed, this, &IssuesDock::updateSummary);
    updateSummary();
    if (m_session->hasCache())
        reload();
}

void IssuesDock::setupTable()
{
    m_proxy->setSourceModel(m_model);
    m_table->setModel(m_proxy);
    m_delegate = new IssueListDelegate(m_table);
    m_table->setItemDelegate(m_delegate);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setWordWrap(true);
    m_table->setAlternatingRowColors(true);
    m_table->verticalHeader()->hide();
    // The cache lists errors first, then by location: keep that order until a header is clicked.
    m_table->horizontalHeader()->setSortIndicator(-1, Qt::AscendingOrder);
    m_table->setSortingEnabled(true);
    QHeaderView* header = m_table->horizontalHeader();
    header->setSectionResizeMode(QHeaderView::Interactive);
    header->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    header->setStretchLastSection(true);
    header->resizeSection(IssueListModel::SeverityColumn, 90);
    header->resizeSection(IssueListModel::MessageColumn, 420);
    header->resizeSection(IssueListModel::LocationColumn, 360);
    m_emptyState = new EmptyStateOverlay(m_table->viewport());
    // Over a view's Base background a label paints with the Text role, which the overlay leaves dark.

    m_copyAction = new QAction(tr("Copy"), m_table);
    m_copyAction->setObjectName(QStringLiteral("copyIssuesAction"));
    m_copyAction->setShortcut(QKeySequence::Copy);
    m_copyAction->setShortcutContext(Qt::WidgetShortcut);
    m_table->addAction(m_copyAction);
    m_table->setContextMenuPolicy(Qt::ActionsContextMenu);

    connect(m_copyAction, &QAction::triggered, this, &IssuesDock::copySelection);
    connect(m_table, &QTableView::activated, this, &IssuesDock::onActivated);
    connect(header, &QHeaderView::sectionResized, this, &IssuesDock::resizeRows);
    connect(m_proxy, &QSortFilterProxyModel::layoutChanged, this, &IssuesDock::resizeRows);
}

int IssuesDock::issueCount() const
{
    return m_model->rowCount();
}

void IssuesDock::onStoreChanged()
{
    m_delegate->setRootPath(m_session->location() ? m_session->location()->path : QString());
    m_loaded = false;
    m_error.clear();
    setIssues({});
}

void IssuesDock::reload()
{
    if (!m_session->hasCache()) {
        onStoreChanged();
        return;
    }
    m_session->queries()->run<StoreIssueList>(
        QStringLiteral("issues"), [](const CacheReader& cache) { return cache.issues(); }, this,
        [this](const Result<StoreIssueList>& result) { onIssuesLoaded(result); });
}

void IssuesDock::onIssuesLoaded(const Result<StoreIssueList>& result)
{
    m_loaded = true;
    m_error = result ? QString() : result.error().message;
    setIssues(result ? *result : StoreIssueList());
}

void IssuesDock::setIssues(const StoreIssueList& issues)
{
    const int before = issueCount();
    m_model->setIssues(issues);
    resizeRows();
    updateSummary();
    if (issueCount() != before)
        Q_EMIT issueCountChanged(issueCount());
}

void IssuesDock::onActivated(const QModelIndex& index)
{
    const QString runId = index.data(IssueListModel::RunIdRole).toString();
    if (!runId.isEmpty())
        Q_EMIT runActivated(runId);
}

void IssuesDock::copySelection()
{
    QModelIndexList rows = m_table->selectionModel()->selectedRows();
    if (rows.isEmpty() && m_table->currentIndex().isValid())
        rows << m_table->currentIndex();
    std::sort(rows.begin(), rows.end(), [](const QModelIndex& a, const QModelIndex& b) { return a.row() < b.row(); });
    QStringList lines;
    for (const QModelIndex& index : std::as_const(rows)) {
        const int row = m_proxy->mapToSource(index).row();
        const StoreIssue& issue = m_model->issues().at(row);
        const QString severity = m_model->index(row, IssueListModel::SeverityColumn).data().toString();
        lines << severity + QLatin1Char('\t') + issue.location + QLatin1Char('\t') + issue.message;
    }
    if (!lines.isEmpty())
        QApplication::clipboard()->setText(lines.join(QLatin1Char('\n')) + QLatin1Char('\n'));
}

void IssuesDock::resizeRows()
{
    if (m_proxy->rowCount() <= maxRowsToFit)
        m_table->resizeRowsToContents();
}

void IssuesDock::updateSummary()
{
    const int count = issueCount();
    QString summary;
    QString emptyMessage;
    if (!m_session->isOpen()) {
        summary = tr("No store open");
    } else if (!m_loaded && !m_session->isSyncing() && !m_session->hasCache()) {
        summary = tr("This store has not been read yet");
    } else if (!m_loaded) {
        summary = tr("Checking the store for problems…");
    } else if (!m_error.isEmpty()) {
        summary = tr("The list of problems could not be read from the cache: %1").arg(m_error);
    } else if (count == 0) {
        summary = tr("No problems found");
        emptyMessage = tr("Everything in this store was read without a problem. Unreadable files or rows, metric "
                          "lines that do not parse and similar problems would be listed here.");
    } else {
        summary = (count == 1 ? tr("1 problem found in this store") : tr("%1 problems found in this store").arg(count))
            + tr(" — the rest of the store opened normally");
    }
    m_summary->setText(summary);
    m_emptyState->setMessage(emptyMessage);
}

} // namespace prov
