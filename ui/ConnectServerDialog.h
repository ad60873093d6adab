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
// the credentials go into the RestOptions of this session only, never into settings.
class ConnectServerDialog : public QDialog
{
    Q_OBJECT

public:
    explicit ConnectServerDialog(QWidget* parent = nullptr);
    ~ConnectServerDialog() override;

    void setAddress(const QString& address);
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
