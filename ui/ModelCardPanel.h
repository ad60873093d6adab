#pragma once

#include "core/Result.h"
#include "registry/CardWriteBack.h"
#include "registry/ModelCardLoader.h"

#include <QTimer>
#include <QWidget>

#include <optional>

class QLabel;
class QProgressBar;
class QPushButton;
class QTextBrowser;

namespace prov {

class ModelCardEditor;
class StoreSession;

// The Model card tab of the Registry page: a version's card rendered as it will be exported,
// its hand-written fields in an editor beside it with a completeness meter, and Save, Discard
// and Export (Markdown, JSON, PDF). Every edit is kept as a draft in the store's journal
// within half a second (so a crash or a kill loses nothing); Save queues the card in the
// journal's outbox and writes it to the store as model-version tags, or leaves it queued for
// the next sync when the store cannot be reached. Loading, saving and exporting run as jobs.
class ModelCardPanel : public QWidget
{
    Q_OBJECT

public:
    explicit ModelCardPanel(StoreSession* session, QWidget* parent = nullptr);

    // Shows the card of a version (version < 1: none). Reloads when called again.
    void showVersion(const QString& modelName, qint64 version);
    void save();
    void discardEdits();
    void exportAs(const QString& format, const QString& path);
    const std::optional<CardState>& state() const { return m_state; }
    ModelCardEditor* editor() const { return m_editor; }

Q_SIGNALS:
    // A save or export finished (for the status bar): a sentence, and whether it went well.
    void finished(const QString& message, bool ok);

private:
    void onLoaded(const Result<CardState>& result, const QString& modelName, qint64 version);
    void onEdited();
    void saveDraft();
    void onSaved(const Result<CardWriteBack::Outcome>& outcome);
    void chooseExport(const QString& format);
    void render();
    void updateState();
    void reviewQueue();

    StoreSession* m_session;
    QLabel* m_stateLabel;
    QProgressBar* m_completeness;
    QPushButton* m_save;
    QPushButton* m_discard;
    QPushButton* m_export;
    QLabel* m_queueLabel; // "2 queued changes — Review…", when the outbox is not empty
    ModelCardEditor* m_editor;
    QTextBrowser* m_preview;
    QTimer m_draftTimer;
    QString m_model;
    qint64 m_version = 0;
    std::optional<CardState> m_state;
    bool m_dirty = false; // edited since the last draft save
    bool m_saving = false;
    int m_draftsInFlight = 0; // draft writes not yet committed: a save waits for them
    bool m_saveRequested = false;
    QString m_lastOutcome;
};

} // namespace prov
