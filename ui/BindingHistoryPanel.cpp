#include "BindingHistoryPanel.h"

#include "BindingTimelineView.h"
#include "StoreSession.h"
#include "core/DisplayFormat.h"
#include "journal/JournalDatabase.h"

#include <QComboBox>
#include <QDateTimeEdit>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace prov {
namespace {

Result<BindingTimeline> loadTimeline(const QString& journalPath, const QString& model)
{
    if (journalPath.isEmpty() || !QFileInfo::exists(journalPath))
        return BindingTimeline();
    auto journal = JournalDatabase::open(journalPath, JournalDatabase::Access::Read);
    if (!journal)
        return journal.error();
    const BindingHistoryQuery query(*journal);
    auto history = query.intervals(model);
    if (!history)
        return history.error();
    auto times = query.observationTimes();
    if (!times)
        return times.error();
    return BindingTimeline::build(*history, *times);
}

} // namespace

BindingHistoryPanel::BindingHistoryPanel(StoreSession* session, QWidget* parent)
    : QWidget(parent)
    , m_session(session)
    , m_timeline(new BindingTimelineView(this))
    , m_binding(new QComboBox(this))
    , m_at(new QDateTimeEdit(QDateTime::currentDateTime(), this))
    , m_ask(new QPushButton(tr("Ask"), this))
    , m_answer(new QLabel(this))
{
    m_timeline->setObjectName(QStringLiteral("timelineView"));
    m_binding->setObjectName(QStringLiteral("bindingCombo"));
    m_at->setObjectName(QStringLiteral("atEdit"));
    m_ask->setObjectName(QStringLiteral("askButton"));
    m_answer->setObjectName(QStringLiteral("answerLabel"));
    m_at->setCalendarPopup(true);
    m_at->setDisplayFormat(QStringLiteral("yyyy-MM-dd HH:mm"));
    m_answer->setWordWrap(true);
    m_answer->setTextInteractionFlags(Qt::TextBrowserInteraction);
    auto* note = new QLabel(tr("MLflow keeps only the current aliases and stages. This history is what Provenance's "
                               "syncs saw: each bar runs from the first to the last sync that saw a binding; hatched "
                               "stretches were not observed (the binding moved at some moment in them)."),
        this);
    note->setWordWrap(true);
    note->setForegroundRole(QPalette::PlaceholderText);
    auto* question = new QHBoxLayout;
    question->addWidget(new QLabel(tr("Which version held"), this));
    question->addWidget(m_binding, 1);
    question->addWidget(new QLabel(tr("on"), this));
    question->addWidget(m_at);
    question->addWidget(m_ask);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(note);
    layout->addWidget(m_timeline, 1);
    layout->addLayout(question);
    layout->addWidget(m_answer);
    connect(m_ask, &QPushButton::clicked, this, &BindingHistoryPanel::ask);
    connect(m_timeline, &BindingTimelineView::momentClicked, this, &BindingHistoryPanel::onMomentClicked);
    connect(m_answer, &QLabel::linkActivated, this, &BindingHistoryPanel::onAnswerLink);
    showModel({});
}

const BindingTimeline& BindingHistoryPanel::timeline() const
{
    return m_timeline->timeline();
}

void BindingHistoryPanel::showModel(const QString& modelName)
{
    m_model = modelName;
    m_answer->clear();
    m_timeline->setMarker(std::nullopt);
    if (modelName.isEmpty()) {
        m_timeline->setTimeline({});
        m_timeline->setMessage(tr("Select a registered model to see the history of its aliases and stages."));
        m_binding->clear();
        m_ask->setEnabled(false);
        return;
    }
    m_timeline->setMessage(tr("Reading the history…"));
    m_session->jobs()->run<Loaded>(
        QStringLiteral("registry:history"),
        [path = m_session->journalPath(), modelName](JobContext&) -> Result<Loaded> {
            auto timeline = loadTimeline(path, modelName);
            if (!timeline)
                return timeline.error();
            return Loaded { *timeline };
        },
        this, [this](const Result<Loaded>& result) { onLoaded(result); });
}

void BindingHistoryPanel::onLoaded(const Result<Loaded>& result)
{
    if (!result) {
        m_timeline->setTimeline({});
        m_timeline->setMessage(tr("The history could not be read: %1").arg(result.error().message));
        return;
    }
    m_timeline->setTimeline(result->timeline);
    const QString current = m_binding->currentData().toString();
    m_binding->clear();
    for (const TimelineLane& lane : result->timeline.lanes)
        m_binding->addItem(lane.label(), QString(lane.kind + QLatin1Char(':') + lane.binding));
    m_binding->setCurrentIndex(std::max(0, m_binding->findData(current)));
    m_ask->setEnabled(m_binding->count() > 0);
    if (m_binding->count() == 0)
        m_timeline->setMessage(result->timeline.observations.isEmpty()
                ? tr("No sync has recorded this store's registry yet.")
                : tr("No alias or stage of this model has been observed."));
}

void BindingHistoryPanel::onMomentClicked(qint64 moment, const QString& kind, const QString& binding)
{
    m_binding->setCurrentIndex(std::max(0, m_binding->findData(QString(kind + QLatin1Char(':') + binding))));
    m_at->setDateTime(QDateTime::fromMSecsSinceEpoch(moment));
    ask();
}

void BindingHistoryPanel::ask()
{
    const QString key = m_binding->currentData().toString();
    if (key.isEmpty())
        return;
    const QString kind = key.section(QLatin1Char(':'), 0, 0);
    const QString binding = key.section(QLatin1Char(':'), 1);
    const qint64 moment = m_at->dateTime().toMSecsSinceEpoch();
    m_timeline->setMarker(moment);
    const QString label = m_binding->currentText();
    m_session->jobs()->run<BindingAnswer>(
        QStringLiteral("registry:ask"),
        [path = m_session->journalPath(), model = m_model, kind, binding, moment](
            JobContext&) -> Result<BindingAnswer> {
            auto journal = JournalDatabase::open(path, JournalDatabase::Access::Read);
            if (!journal)
                return journal.error();
            return BindingHistoryQuery(*journal).holderAt(model, kind, binding, moment);
        },
        this, [this, label, moment](const Result<BindingAnswer>& answer) { onAnswer(answer, label, moment); });
}

void BindingHistoryPanel::onAnswer(const Result<BindingAnswer>& answer, const QString& label, qint64 moment)
{
    if (!answer) {
        m_answer->setText(answer.error().message.toHtmlEscaped());
        return;
    }
    const auto link
        = [this](qint64 version) { return QStringLiteral("<a href=\"version:%1\">version %1</a>").arg(version); };
    QString text = answer->version
        ? tr("On %1, <b>%2</b> pointed at %3")
              .arg(DisplayFormat::timestamp(moment), label.toHtmlEscaped(), link(*answer->version))
        : tr("On %1, nothing held <b>%2</b>").arg(DisplayFormat::timestamp(moment), label.toHtmlEscaped());
    text += tr(", as observed by the sync at %1 (the last one at or before that moment).")
                .arg(DisplayFormat::timestamp(answer->observedAt));
    if (answer->nextObservation && answer->nextVersion != answer->version)
        text += QStringLiteral("<br>")
            + (answer->nextVersion
                    ? tr("The next sync, at %1, saw %2: the binding moved at some moment in between.")
                          .arg(DisplayFormat::timestamp(*answer->nextObservation), link(*answer->nextVersion))
                    : tr("The next sync, at %1, no longer saw it.")
                          .arg(DisplayFormat::timestamp(*answer->nextObservation)));
    m_answer->setText(text);
}

void BindingHistoryPanel::onAnswerLink(const QString& link)
{
    bool ok = false;
    const qint64 version = link.section(QLatin1Char(':'), 1).toLongLong(&ok);
    if (ok)
        Q_EMIT versionActivated(m_model, version);
}

} // namespace prov
