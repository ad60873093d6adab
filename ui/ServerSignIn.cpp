#include "ServerSignIn.h"

#include "ConnectServerDialog.h"
#include "StoreSession.h"

#include <QWidget>

namespace prov {

ServerSignIn::ServerSignIn(StoreSession* session, QWidget* window)
    : QObject(window)
    , m_session(session)
    , m_window(window)
    , m_keychain(nullptr)
{
    setKeychain(new ServerKeychain(this));
    connect(m_session, &StoreSession::syncFinished, this, &ServerSignIn::onSyncFinished);
}

void ServerSignIn::setKeychain(ServerKeychain* keychain)
{
    if (m_keychain)
        disconnect(m_keychain, nullptr, this, nullptr);
    m_keychain = keychain;
    connect(m_keychain, &ServerKeychain::readFinished, this, &ServerSignIn::onCredentialsRead);
    connect(m_keychain, &ServerKeychain::writeFinished, this, &ServerSignIn::onWriteFinished);
    connect(m_keychain, &ServerKeychain::removeFinished, this, &ServerSignIn::onRemoveFinished);
}

bool ServerSignIn::needsKeychain(const StoreLocation& location) const
{
    if (!location.isRemote() || RestOptions::fromEnvironment(location).hasCredentials())
        return false;
    const auto session = m_session->serverOptions(location.uri);
    return !(session && session->hasCredentials())
        && m_keychain->availability() != ServerKeychain::Availability::Unavailable;
}

void ServerSignIn::prepare(const StoreLocation& location)
{
    m_opening.reset();
    if (!needsKeychain(location)) {
        Q_EMIT readyToOpen(location);
        return;
    }
    m_opening = location;
    Q_EMIT statusMessage(tr("Looking for credentials saved for %1…").arg(location.where()));
    m_keychain->read(location.uri); // bounded by the keychain's time-out
}

void ServerSignIn::onCredentialsRead(const QString& uri, const std::optional<ServerKeychain::Credentials>& credentials)
{
    if (!m_opening || m_opening->uri != uri)
        return; // another store was opened meanwhile
    const StoreLocation location = *m_opening;
    m_opening.reset();
    if (credentials) {
        RestOptions options = RestOptions::fromEnvironment(location);
        credentials->applyTo(options);
        m_session->setServerOptions(uri, options);
        m_fromKeychain.insert(uri);
    }
    Q_EMIT readyToOpen(location);
}

void ServerSignIn::useCredentials(
    const StoreLocation& location, const ServerKeychain::Credentials& typed, bool remember)
{
    RestOptions options = RestOptions::fromEnvironment(location);
    m_fromKeychain.remove(location.uri);
    m_toSave.reset();
    if (!typed.isEmpty()) {
        typed.applyTo(options);
        m_toSave = Pending { location.uri, typed, remember };
    }
    m_session->setServerOptions(location.uri, options);
}

// Kept in memory for this session, like those typed in Connect to Server, and in the keychain
// once they work if the user asked for that.
void ServerSignIn::askToSignIn(const StoreLocation& location, const QString& reason)
{
    if (m_window->findChild<ConnectServerDialog*>(QStringLiteral("signInDialog")))
        return; // already asking
    auto* dialog = new ConnectServerDialog(m_window);
    dialog->setObjectName(QStringLiteral("signInDialog"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setKeychain(m_keychain);
    dialog->askToSignIn(location, reason);
    dialog->setUserName(
        m_session->serverOptions(location.uri).value_or(RestOptions::fromEnvironment(location)).username);
    dialog->setRememberCredentials(m_fromKeychain.contains(location.uri));
    connect(dialog, &QDialog::finished, dialog, [dialog] { dialog->setObjectName({}); }); // a new one may come
    connect(dialog, &QDialog::accepted, this,
        [this, dialog, location] { signIn(location, dialog->typedCredentials(), dialog->rememberCredentials()); });
    dialog->open();
}

void ServerSignIn::signIn(const StoreLocation& location, const ServerKeychain::Credentials& typed, bool remember)
{
    if (!m_session->location() || m_session->location()->uri != location.uri)
        return; // the window shows another store now
    const bool wasRemembered = m_fromKeychain.contains(location.uri);
    useCredentials(location, typed, remember);
    if (wasRemembered && m_toSave && !remember)
        m_fromKeychain.insert(location.uri); // unchecked: the refused entry goes once these work
    m_session->syncNow();
}

void ServerSignIn::onSyncFinished(const SyncSummary&)
{
    const auto& location = m_session->location();
    if (!m_toSave || !location || location->uri != m_toSave->uri)
        return;
    const Pending accepted = *m_toSave;
    m_toSave.reset();
    if (accepted.remember)
        m_keychain->write(accepted.uri, accepted.credentials);
    else if (m_fromKeychain.contains(accepted.uri))
        m_keychain->remove(accepted.uri);
    m_fromKeychain.remove(accepted.uri);
}

void ServerSignIn::forgetSaved()
{
    const auto& location = m_session->location();
    if (!location || !location->isRemote())
        return;
    m_fromKeychain.remove(location->uri);
    m_keychain->remove(location->uri);
}

void ServerSignIn::onWriteFinished(const QString& uri, bool saved)
{
    if (saved)
        m_fromKeychain.insert(uri);
    Q_EMIT statusMessage(saved
            ? tr("The credentials for %1 are saved in the system keychain.").arg(uri)
            : tr("The credentials for %1 could not be saved in the system keychain; they are kept for this "
                 "session only.")
                  .arg(uri));
}

void ServerSignIn::onRemoveFinished(const QString& uri, bool removed)
{
    if (m_keychain->availability() == ServerKeychain::Availability::Unavailable)
        Q_EMIT statusMessage(tr("No system keychain is available: no credentials are saved for %1.").arg(uri));
    else
        Q_EMIT statusMessage(removed
                ? tr("Removed the credentials saved for %1 from the system keychain.").arg(uri)
                : tr("The credentials saved for %1 could not be removed from the system keychain.").arg(uri));
}

} // namespace prov
