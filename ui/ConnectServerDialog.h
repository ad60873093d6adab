#pragma once

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
// the credentials go into the RestOptions of this session only, never into settings. The same
// form signs in to a server that refused the credentials it was given (askToSignIn).
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
    // Valid once accepted.
    const std::optional<StoreLocation>& location() const { return m_location; }
    // The environment's options, with the credentials typed in the dialog in their place.
    RestOptions serverOptions() const;

    void accept() override;

private:
    std::unique_ptr<Ui::ConnectServerDialog> m_ui;
    std::optional<StoreLocation> m_location;
};

} // namespace prov
