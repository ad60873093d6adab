#pragma once

#include "ServerKeychain.h"
#include "store/StoreLocation.h"
#include "store/rest/RestOptions.h"

#include <QDialog>

#include <memory>
#include <optional>

namespace prov {

namespace Ui {
class ConnectServerDialog;
}

// File › Connect to Server…: asks for a tracking server's address and, optionally, a user name
// and password or a token. Accepting checks the address (a server URI, no credentials in it);
// the credentials go into the RestOptions of this session, never into settings, and into the
// system keychain when "Remember" is checked (the caller saves them once the server accepted
// them). Without a keychain that box is disabled and says why. The same form signs in to a
// server that refused the credentials it was given (askToSignIn).
class ConnectServerDialog : public QDialog
{
    Q_OBJECT

public:
    explicit ConnectServerDialog(QWidget* parent = nullptr);
    ~ConnectServerDialog() override;

    void setAddress(const QString& address);
    // Turns the dialog into a sign-in for the server at `location`, which answered `reason`
    // (a 401 or 403): the address is fixed and the credentials are asked for.
    void askToSignIn(const StoreLocation& location, const QString& reason);
    // Offers "Remember in the system keychain" when `keychain` answers (it is asked if nobody
    // has yet); without one the box stays disabled, saying credentials last this session only.
    void setKeychain(ServerKeychain* keychain);
    void setUserName(const QString& username);
    void setRememberCredentials(bool remember);
    // Checked, and a keychain to remember them in.
    bool rememberCredentials() const;
    // What was typed; empty: the environment's (or remembered) credentials are to be used.
    ServerKeychain::Credentials typedCredentials() const;
    // Valid once accepted.
    const std::optional<StoreLocation>& location() const { return m_location; }
    // The environment's options, with the credentials typed in the dialog in their place.
    RestOptions serverOptions() const;

    void accept() override;

private:
    void showKeychainAvailability(ServerKeychain::Availability availability);

    std::unique_ptr<Ui::ConnectServerDialog> m_ui;
    std::optional<StoreLocation> m_location;
};

} // namespace prov
