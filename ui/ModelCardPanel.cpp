#include "ModelCardPanel.h"

#include "ModelCardEditor.h"
#include "ModelCardPdf.h"
#include "OutboxDialog.h"
#include "StoreSession.h"
#include "core/DisplayFormat.h"
#include "journal/JournalDatabase.h"
#include "registry/ModelCardHtml.h"
#include "registry/ModelCardJson.h"
#include "registry/ModelCardMarkdown.h"

#include <QDateTime>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QMenu>
#include <QProgressBar>
#include <QPushButton>
#include <QSaveFile>
#include <QScrollArea>
#include <QScrollBar>
#include <QShortcut>
#include <QSplitter>
#include <QTextBrowser>
#include <QVBoxLayout>

namespace prov {
namespace {

Result<CardState> loadCard(const QString& cachePath, const QString& journalPath, const QString& model, qint64 version)
{
    auto cache = CacheReader::open(cachePath);
    if (!cache)
        return cache.error();
    if (journalPath.isEmpty() || !QFileInfo::exists(journalPath))
        return ModelCardLoader::load(cache->database(), nullptr, model, version);
    auto journal = JournalDatabase::open(journalPath, JournalDatabase::Access::Read);
    if (!journal)
        return journal.error();
    return ModelCardLoader::load(cache->database(), &*journal, model, version);
}

Status writeExport(const ModelCard& card, const QString& format, const QString& path)
{
    if (format == QLatin1String("pdf"))
        return ModelCardPdf::write(card, path);
    const QByteArray bytes
        = format == QLatin1String("json") ? ModelCardJson::toJson(card) : ModelCardMarkdown::toMarkdown(card).toUtf8();
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size() || !file.commit())
        return makeError(ErrorCode::Io, QObject::tr("cannot write the file: %1").arg(file.errorString()), path);
    return {};
}

} // namespace

ModelCardPanel::ModelCardPanel(StoreSession* session, QWidget* parent)
    : QWidget(parent)
    , m_session(session)
    , m_stateLabel(new QLabel(this))
    , m_completeness(new QProgressBar(this))
    , m_save(new QPushButton(tr("&Save to Store"), this))
    , m_discard(new QPushButton(tr("Discard Edits"), this))
    , m_export(new QPushButton(tr("E&xport"), this))
    , m_queueLabel(new QLabel(this))
    , m_editor(new ModelCardEditor(this))
    , m_preview(new QTextBrowser(this))
{
    m_stateLabel->setObjectName(QStringLiteral("cardStateLabel"));
    m_completeness->setObjectName(QStringLiteral("completenessBar"));
    m_save->setObjectName(QStringLiteral("saveCardButton"));
    m_discard->setObjectName(QStringLiteral("discardCardButton"));
    m_export->setObjectName(QStringLiteral("exportCardButton"));
    m_preview->setObjectName(QStringLiteral("cardPreview"));
    m_queueLabel->setObjectName(QStringLiteral("queueLabel"));
    m_queueLabel->setTextInteractionFlags(Qt::LinksAccessibleByMouse | Qt::LinksAccessibleByKeyboard);
    m_stateLabel->setWordWrap(true);
    m_completeness->setFormat(tr("%p% complete"));
    m_completeness->setFixedWidth(150);
    m_completeness->setTextVisible(true);
    m_save->setToolTip(tr("Write the card to the store as model-version tags (Ctrl+S)"));
    auto* menu = new QMenu(m_export);
    menu->addAction(tr("Markdown (Hugging Face layout)…"), this, [this] { chooseExport(QStringLiteral("md")); });
    menu->addAction(tr("JSON (Model Card Toolkit)…"), this, [this] { chooseExport(QStringLiteral("json")); });
    menu->addAction(tr("PDF…"), this, [this] { chooseExport(QStringLiteral("pdf")); });
    m_export->setMenu(menu);
    auto* header = new QHBoxLayout;
    header->addWidget(m_stateLabel, 1);
    header->addWidget(m_completeness);
    header->addWidget(m_discard);
    header->addWidget(m_export);
    header->addWidget(m_save);
    auto* scroll = new QScrollArea(this);
    scroll->setWidget(m_editor);
    scroll->setWidgetResizable(true);
    auto* splitter = new QSplitter(this);
    splitter->addWidget(scroll);
    splitter->addWidget(m_preview);
    splitter->setStretchFactor(0, 2);
    splitter->setStretchFactor(1, 3);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(header);
    layout->addWidget(m_queueLabel);
    layout->addWidget(splitter, 1);
    m_draftTimer.setSingleShot(true);
    m_draftTimer.setInterval(400);
    connect(&m_draftTimer, &QTimer::timeout, this, &ModelCardPanel::saveDraft);
    connect(m_editor, &ModelCardEditor::edited, this, &ModelCardPanel::onEdited);
    connect(m_save, &QPushButton::clicked, this, &ModelCardPanel::save);
    connect(m_discard, &QPushButton::clicked, this, &ModelCardPanel::discardEdits);
    auto* saveShortcut = new QShortcut(QKeySequence::Save, this, this, &ModelCardPanel::save);
    saveShortcut->setContext(Qt::WidgetWithChildrenShortcut);
    connect(m_session->writeBacks(), &WriteBackQueue::changed, this, &ModelCardPanel::updateState);
    connect(m_queueLabel, &QLabel::linkActivated, this, &ModelCardPanel::reviewQueue);
    showVersion({}, 0);
}

void ModelCardPanel::showVersion(const QString& modelName, qint64 version)
{
    if (m_dirty)
        saveDraft(); // leaving a card: its last edits go to the journal first
    const bool sameCard = modelName == m_model && version == m_version;
    m_model = modelName;
    m_version = version;
    if (!sameCard) {
        m_state.reset();
        m_lastOutcome.clear();
    }
    if (version < 1 || !m_session->hasCache()) {
        m_state.reset();
        m_editor->setEnabled(false);
        m_editor->setFields({});
        render();
        updateState();
        return;
    }
    m_session->jobs()->run<CardState>(
        QStringLiteral("registry:card"),
        [cache = m_session->cachePath(), journal = m_session->journalPath(), modelName, version](
            JobContext&) { return loadCard(cache, journal, modelName, version); },
        this, [this, modelName, version](const Result<CardState>& r) { onLoaded(r, modelName, version); });
}

void ModelCardPanel::onLoaded(const Result<CardState>& result, const QString& modelName, qint64 version)
{
    if (modelName != m_model || version != m_version)
        return;
    if (!result) {
        m_state.reset();
        m_stateLabel->setText(tr("The card could not be read: %1").arg(result.error().message));
        m_editor->setEnabled(false);
        m_preview->clear();
        return;
    }
    const bool editing = m_dirty || m_draftTimer.isActive();
    const CardFields typed = m_editor->fields();
    m_state = *result;
    if (editing) // what is being typed wins over what was read
        m_state->card.fields = typed;
    else
        m_editor->setFields(m_state->card.fields);
    m_editor->setEnabled(!m_session->journalPath().isEmpty());
    render();
    updateState();
}

void ModelCardPanel::onEdited()
{
    if (!m_state)
        return;
    m_state->card.fields = m_editor->fields();
    m_dirty = true;
    m_draftTimer.start();
    render();
    updateState();
}

void ModelCardPanel::saveDraft()
{
    m_draftTimer.stop();
    if (!m_state || !m_dirty || m_session->journalPath().isEmpty())
        return;
    m_dirty = false;
    CardDraft draft { m_state->card.facts.modelName, m_state->card.facts.version, m_state->card.fields, m_state->stored,
        QDateTime::currentMSecsSinceEpoch() };
    m_state->draft = draft;
    // Each draft its own job (channel by time), so that none is dropped as stale; the journal
    // keeps the newest one whatever order they commit in.
    ++m_draftsInFlight;
    m_session->jobs()->run<bool>(
        QStringLiteral("registry:draft:%1").arg(draft.updatedAt),
        [path = m_session->journalPath(), draft](JobContext&) -> Result<bool> {
            auto journal = JournalDatabase::open(path, JournalDatabase::Access::Write);
            if (!journal)
                return journal.error();
            if (Status s = CardDraftStore(*journal).save(draft); !s)
                return s.error();
            return true;
        },
        this,
        [this](const Result<bool>& saved) {
            --m_draftsInFlight;
            if (!saved)
                m_lastOutcome = tr("Your edits could not be kept in the journal: %1").arg(saved.error().message);
            if (m_draftsInFlight == 0 && m_saveRequested) {
                m_saveRequested = false;
                save();
            }
            updateState();
        });
    updateState();
}

void ModelCardPanel::save()
{
    if (!m_state || m_saving || m_session->journalPath().isEmpty() || !m_session->location())
        return;
    if (m_dirty)
        saveDraft();
    if (m_draftsInFlight > 0) { // the save must come after every draft it replaces
        m_saveRequested = true;
        return;
    }
    m_saving = true;
    m_lastOutcome = tr("Saving…");
    updateState();
    m_session->jobs()->run<CardWriteBack::Outcome>(
        QStringLiteral("registry:save"),
        [location = *m_session->location(), path = m_session->journalPath(), state = *m_state,
            fields = m_state->card.fields,
            server = m_session->serverOptions()](JobContext& job) -> Result<CardWriteBack::Outcome> {
            auto journal = JournalDatabase::open(path, JournalDatabase::Access::Write);
            if (!journal)
                return journal.error();
            return CardWriteBack::save(location, *journal, state, fields, job.cancellation(), server);
        },
        this, [this](const Result<CardWriteBack::Outcome>& outcome) { onSaved(outcome); });
}

void ModelCardPanel::onSaved(const Result<CardWriteBack::Outcome>& outcome)
{
    m_saving = false;
    using Kind = CardWriteBack::Outcome::Kind;
    bool ok = false;
    if (!outcome) {
        m_lastOutcome = tr("The card could not be saved: %1").arg(outcome.error().message);
    } else if (outcome->kind == Kind::Written || outcome->kind == Kind::Unchanged) {
        ok = true;
        m_lastOutcome
            = outcome->kind == Kind::Written ? tr("Saved to the store.") : tr("The store already holds this card.");
    } else if (outcome->kind == Kind::Queued) {
        m_lastOutcome = tr("Saved here and queued: %1. It will be written at the next sync that reaches the store.")
                            .arg(outcome->message);
    } else {
        m_lastOutcome = tr("The store refused the card: %1. Your edits are kept as a draft.").arg(outcome->message);
    }
    Q_EMIT finished(m_lastOutcome, ok);
    m_session->writeBacks()->refresh();
    if (outcome && outcome->kind == Kind::Written)
        m_session->syncNow(); // read it back
    showVersion(m_model, m_version);
}

void ModelCardPanel::discardEdits()
{
    if (!m_state || m_session->journalPath().isEmpty())
        return;
    m_draftTimer.stop();
    m_dirty = false;
    m_session->jobs()->run<bool>(
        QStringLiteral("registry:discard"),
        [path = m_session->journalPath(), model = m_model, version = m_version](JobContext&) -> Result<bool> {
            auto journal = JournalDatabase::open(path, JournalDatabase::Access::Write);
            if (!journal)
                return journal.error();
            if (Status s = CardDraftStore(*journal).remove(model, version); !s)
                return s.error();
            return true;
        },
        this,
        [this](const Result<bool>&) {
            m_lastOutcome.clear();
            m_state.reset(); // reload from what the store holds
            m_editor->setFields({});
            showVersion(m_model, m_version);
        });
}

void ModelCardPanel::chooseExport(const QString& format)
{
    if (!m_state)
        return;
    const QString suffix = format == QLatin1String("md") ? QStringLiteral("md") : format;
    const QString name = QStringLiteral("%1-v%2-model-card.%3").arg(m_model).arg(m_version).arg(suffix);
    const QString filter = format == QLatin1String("pdf") ? tr("PDF (*.pdf)")
        : format == QLatin1String("json")                 ? tr("JSON (*.json)")
                                                          : tr("Markdown (*.md)");
    const QString path = QFileDialog::getSaveFileName(this, tr("Export Model Card"), name, filter);
    if (!path.isEmpty())
        exportAs(format, path);
}

void ModelCardPanel::exportAs(const QString& format, const QString& path)
{
    if (!m_state)
        return;
    m_session->jobs()->run<QString>(
        QStringLiteral("registry:export"),
        [card = m_state->card, format, path](JobContext&) -> Result<QString> {
            if (Status s = writeExport(card, format, path); !s)
                return s.error();
            return path;
        },
        this,
        [this](const Result<QString>& written) {
            Q_EMIT finished(written ? tr("Model card exported to %1").arg(*written)
                                    : tr("The model card could not be exported: %1").arg(written.error().describe()),
                written.ok());
        });
}

void ModelCardPanel::render()
{
    if (!m_state) {
        m_preview->setHtml(
            QStringLiteral("<p style=\"color:#808080;\">%1</p>")
                .arg(m_version < 1 ? tr("Select a version to see its model card.") : tr("Reading the card…")));
        m_completeness->setValue(0);
        m_completeness->setToolTip({});
        return;
    }
    const int scroll = m_preview->verticalScrollBar() ? m_preview->verticalScrollBar()->value() : 0;
    m_preview->setHtml(ModelCardHtml::toHtml(m_state->card));
    m_preview->verticalScrollBar()->setValue(scroll);
    const CardCompleteness c = m_state->card.completeness();
    m_completeness->setValue(c.percent());
    m_completeness->setToolTip(c.missing.isEmpty() ? tr("Every section is filled in.")
                                                   : tr("Still missing: %1").arg(c.missing.join(QStringLiteral(", "))));
}

void ModelCardPanel::reviewQueue()
{
    auto* dialog = findChild<OutboxDialog*>();
    if (!dialog) {
        dialog = new OutboxDialog(m_session->writeBacks(), this);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
    }
    dialog->show();
    dialog->raise();
}

void ModelCardPanel::updateState()
{
    const WriteBackQueue* queue = m_session->writeBacks();
    const int queued = int(queue->entries().size());
    m_queueLabel->setVisible(queued > 0);
    if (queued > 0)
        m_queueLabel->setText(
            tr("%1 waiting to be written to the store%2 — <a href=\"review\">Review…</a>")
                .arg(DisplayFormat::count(queue->pendingCount(), tr("change"), tr("changes")))
                .arg(queue->refusedCount() > 0 ? tr(", %1 refused").arg(queue->refusedCount()) : QString()));
    const bool hasJournal = !m_session->journalPath().isEmpty();
    m_save->setEnabled(m_state.has_value() && hasJournal && !m_saving);
    m_discard->setEnabled(m_state.has_value() && (m_state->draft.has_value() || m_dirty));
    m_export->setEnabled(m_state.has_value());
    QString text;
    if (!m_state)
        text = m_version < 1 ? QString() : tr("Reading the card…");
    else if (!hasJournal)
        text = tr("Editing needs a journal folder; this window has none.");
    else if (!m_lastOutcome.isEmpty())
        text = m_lastOutcome;
    else if (m_dirty || m_state->draft)
        text = tr("Unsaved edits (kept in the journal) — Save writes them to the store.");
    else if (m_state->savePending)
        text = tr("Saved here, waiting to be written to the store.");
    else if (!m_state->card.storedProblem.isEmpty())
        text = tr("The card in the store cannot be read: %1").arg(m_state->card.storedProblem);
    else if (m_state->stored.isEmpty())
        text = tr("No card in the store yet: the facts below come from MLflow; write the rest and save.");
    else
        text = tr("As saved in the store.");
    m_stateLabel->setText(text);
}

} // namespace prov
