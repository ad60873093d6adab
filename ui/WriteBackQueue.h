#pragma once

#include "journal/Outbox.h"
#include "store/StoreLocation.h"
#include "store/rest/RestOptions.h"

#include <QObject>

#include <optional>

namespace prov {

class JobRunner;

// The window's view of the current store's outbox: write-backs (saved model cards) queued in
// the journal until the store takes them. The session pushes it after every sync that reached
// the store; when something was written, written() asks for another sync to read it back.
// Entries the store refused wait for the user: retry, discard, or (for a card) back to draft.
// All journal access runs as jobs; entries() is the last state read.
class WriteBackQueue : public QObject
{
    Q_OBJECT

public:
    explicit WriteBackQueue(JobRunner& jobs, QObject* parent = nullptr);

    // `server`: how to reach a tracking server (credentials typed in the app); none: the environment's.
    void setStore(const std::optional<StoreLocation>& location, const QString& journalPath,
        const std::optional<RestOptions>& server);
    void push();
    void refresh();
    void retry(qint64 id);
    void discard(qint64 id);
    // Turns a refused card save back into a draft of that card.
    void backToDraft(qint64 id);

    const QList<OutboxEntry>& entries() const { return m_entries; }
    int pendingCount() const;
    int refusedCount() const;
    bool isPushing() const { return m_pushing; }
    // Why the last push stopped or what it refused; empty after a clean push.
    const QString& lastProblem() const { return m_lastProblem; }

Q_SIGNALS:
    void changed();
    void written(int count);

private:
    using Change = std::function<Status(const SqliteDatabase& journal)>;
    void change(const QString& what, Change work);

    JobRunner& m_jobs;
    std::optional<StoreLocation> m_location;
    QString m_journalPath;
    std::optional<RestOptions> m_server;
    QList<OutboxEntry> m_entries;
    QString m_lastProblem;
    bool m_pushing = false;
};

} // namespace prov
