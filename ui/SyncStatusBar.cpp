#include "SyncStatusBar.h"

#include "core/DisplayFormat.h"

#include <QLabel>
#include <QLocale>
#include <QProgressBar>
#include <QStatusBar>
#include <QStyle>
#include <QToolButton>

namespace prov {

SyncStatusBar::SyncStatusBar(QStatusBar* bar)
    : QObject(bar)
    , m_bar(bar)
    , m_phase(new QLabel(bar))
    , m_progress(new QProgressBar(bar))
    , m_cancel(new QToolButton(bar))
    , m_issues(new QToolButton(bar))
    , m_source(new QLabel(bar))
    , m_retry(new QToolButton(bar))
{
    m_source->setObjectName(QStringLiteral("syncSource"));
    m_retry->setObjectName(QStringLiteral("retrySync"));
    m_retry->setText(tr("Retry"));
    m_retry->setToolTip(tr("Try to reach the store again"));
    m_retry->setAutoRaise(true);
    m_retry->hide();
    m_progress->setMaximumWidth(220);
    m_progress->setTextVisible(true);
    m_cancel->setText(tr("Cancel"));
    m_cancel->setToolTip(tr("Stop the sync; runs read so far are kept"));
    m_cancel->setAutoRaise(true);
    m_issues->setAutoRaise(true);
    m_issues->setIcon(bar->style()->standardIcon(QStyle::SP_MessageBoxWarning));
    m_issues->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_issues->setToolTip(tr("Show the problems found in this store"));
    m_source->setTextFormat(Qt::PlainText);
    bar->addPermanentWidget(m_phase);
    bar->addPermanentWidget(m_progress);
    bar->addPermanentWidget(m_cancel);
    bar->addPermanentWidget(m_issues);
    bar->addPermanentWidget(m_source);
    bar->addPermanentWidget(m_retry);
    connect(m_retry, &QToolButton::clicked, this, &SyncStatusBar::retryRequested);
    connect(m_cancel, &QToolButton::clicked, this, &SyncStatusBar::cancelRequested);
    connect(m_issues, &QToolButton::clicked, this, &SyncStatusBar::issuesRequested);
    syncStopped();
    setIssueCount(0);
}

void SyncStatusBar::syncStarted()
{
    m_phase->setText(tr("Syncing…"));
    m_progress->setRange(0, 0);
    m_phase->show();
    m_progress->show();
    m_cancel->show();
}

void SyncStatusBar::showProgress(const SyncProgress& progress)
{
    QString text = progress.message;
    switch (progress.phase) {
    case SyncProgress::Phase::Scanning:
        text = tr("Listing runs…");
        break;
    case SyncProgress::Phase::Reading:
        text = tr("Reading runs…");
        break;
    case SyncProgress::Phase::Registry:
        text = tr("Reading models…");
        break;
    case SyncProgress::Phase::Finishing:
        text = tr("Finishing…");
        break;
    }
    if (progress.requests > 0)
        text += tr(" %1 requests, %2")
                    .arg(progress.requests)
                    .arg(QLocale().formattedDataSize(progress.bytesReceived, 1, QLocale::DataSizeTraditionalFormat));
    m_phase->setText(text);
    if (progress.total > 0) {
        m_progress->setRange(0, static_cast<int>(progress.total));
        m_progress->setValue(static_cast<int>(progress.done));
        m_progress->setFormat(tr("%v of %m"));
    } else {
        m_progress->setRange(0, 0);
    }
}

void SyncStatusBar::syncStopped()
{
    m_phase->hide();
    m_progress->hide();
    m_cancel->hide();
}

void SyncStatusBar::setIssueCount(int count)
{
    m_issues->setText(DisplayFormat::count(count, tr("issue"), tr("issues")));
    m_issues->setVisible(count > 0);
}

void SyncStatusBar::setOffline(bool offline)
{
    m_retry->setVisible(offline);
    // What matters is meaning; the palette decides how a warning looks.
    m_source->setForegroundRole(offline ? QPalette::Highlight : QPalette::WindowText);
}

void SyncStatusBar::setSourceText(const QString& text, const QString& toolTip)
{
    m_source->setText(text);
    m_source->setToolTip(toolTip);
}

} // namespace prov
