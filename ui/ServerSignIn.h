#pragma once

#include "ServerKeychain.h"
#include "store/StoreLocation.h"

#include <QObject>
#include <QSet>

#include <optional>

class QWidget;

namespace prov {

class StoreSession;
struct SyncSummary;

// Which credentials the window signs in to tracking servers with: the environment's (MLflow's
// variables), else those remembered in the system keychain, else none until a server answers
// 401/403 and the user types some in the sign-in dialog. Typed credentials live in the session
// (memory) and are saved to the keychain only when the user asked to remember them and the
// server accepted them; they never reach settings, the cache or a log.
class ServerSignIn : public QObject
{
    Q_OBJECT

public:
    // Dialogs open over `window`.
    ServerSignIn(StoreSession* session, QWidget* window);

    ServerKeychain* keychain() const { return m_keychain; }
    // Another keychain (tests stand in for the OS keychain); not owned.
    void setKeychain(ServerKeychain* keychain);

    // Before `location` opens: a server with no credentials from the environment or this session
    // gets those remembered in the keychain, if any. readyToOpen() follows, at once for anything
    // else. A later call supersedes one still waiting for the keychain.
    void prepare(const StoreLocation& location);
    // What File › Connect to Server… was given: typed credentials replace the environment's
    // for this session (and are remembered once accepted if `remember`); none: look again.
    void useCredentials(const StoreLocation& location, const ServerKeychain::Credentials& typed, bool remember);
    // A server that refused the credentials (or had none): asks for them, naming `reason`, with
    // the user name tried prefilled, and syncs again with the answer.
    void askToSignIn(const StoreLocation& location, const QString& reason);
    // Removes the open server's entry from the keychain.
    void forgetSaved();

Q_SIGNALS:
    void readyToOpen(const prov::StoreLocation& location);
    void statusMessage(const QString& message);

private:
    struct Pending
    {
        QString uri;
        ServerKeychain::Credentials credentials;
        bool remember = false;
    };

    bool needsKeychain(const StoreLocation& location) const;
    void signIn(const StoreLocation& location, const ServerKeychain::Credentials& typed, bool remember);
    void onCredentialsRead(const QString& uri, const std::optional<ServerKeychain::Credentials>& credentials);
    void onSyncFinished(const SyncSummary& summary);
    void onWriteFinished(const QString& uri, bool saved);
    void onRemoveFinished(const QString& uri, bool removed);

    StoreSession* m_session;
    QWidget* m_window;
    ServerKeychain* m_keychain;
    std::optional<StoreLocation> m_opening; // waiting for the keychain before it opens
    std::optional<Pending> m_toSave; // typed credentials, saved (or forgotten) once a sync accepts them
    QSet<QString> m_fromKeychain; // servers whose session credentials are the keychain's
};

} // namespace prov
