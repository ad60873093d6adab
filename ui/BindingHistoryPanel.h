#pragma once

#include "core/Result.h"
#include "journal/BindingHistoryQuery.h"
#include "registry/BindingTimeline.h"

#include <QWidget>

class QComboBox;
class QDateTimeEdit;
class QLabel;
class QPushButton;

namespace prov {

class BindingTimelineView;
class StoreSession;

// The History tab of the Registry page: the timeline of a model's aliases and stages as syncs
// observed them, and the question "which version held @champion on …?" answered from the
// journal with the sync the answer comes from (and the next one, when the binding moved in
// between). Reads the journal as jobs.
class BindingHistoryPanel : public QWidget
{
    Q_OBJECT

public:
    explicit BindingHistoryPanel(StoreSession* session, QWidget* parent = nullptr);

    // Shows `modelName`'s history (empty: none); reloads when called again for the same model.
    void showModel(const QString& modelName);
    const BindingTimeline& timeline() const;

Q_SIGNALS:
    void versionActivated(const QString& modelName, qint64 version);

private:
    struct Loaded
    {
        BindingTimeline timeline;
    };

    void onLoaded(const Result<Loaded>& result);
    void ask();
    void onAnswer(const Result<BindingAnswer>& answer, const QString& label, qint64 moment);
    void onMomentClicked(qint64 moment, const QString& kind, const QString& binding);
    void onAnswerLink(const QString& link);

    StoreSession* m_session;
    QString m_model;
    BindingTimelineView* m_timeline;
    QComboBox* m_binding;
    QDateTimeEdit* m_at;
    QPushButton* m_ask;
    QLabel* m_answer;
};

} // namespace prov
