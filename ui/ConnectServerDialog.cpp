#include "ConnectServerDialog.h"
#include "ui_ConnectServerDialog.h"

#include <QDir>
#include <QPushButton>

namespace prov {

ConnectServerDialog::ConnectServerDialog(QWidget* parent)
    : QDialog(parent)
    , m_ui(std::make_unique<Ui::ConnectServerDialog>())
{
    m_ui->setupUi(this);
    m_ui->errorLabel->hide();
    connect(m_ui->buttonBox, &QDialogButtonBox::accepted, this, &ConnectServerDialog::accept);
    connect(m_ui->buttonBox, &QDialogButtonBox::rejected, this, &ConnectServerDialog::reject);
    m_ui->buttonBox->button(QDialogButtonBox::Ok)->setText(tr("Connect"));
    showKeychainAvailability(ServerKeychain::Availability::Unavailable);
}

ConnectServerDialog::~ConnectServerDialog() = default;

void ConnectServerDialog::setAddress(const QString& address)
{
    m_ui->urlEdit->setText(address);
}

void ConnectServerDialog::setKeychain(ServerKeychain* keychain)
{
    const auto availability = keychain->availability();
    showKeychainAvailability(availability);
    if (availability != ServerKeychain::Availability::Unknown)
        return;
    connect(keychain, &ServerKeychain::availabilityKnown, this, [this](bool available) {
        showKeychainAvailability(
            available ? ServerKeychain::Availability::Available : ServerKeychain::Availability::Unavailable);
    });
    keychain->probe();
}

void ConnectServerDialog::showKeychainAvailability(ServerKeychain::Availability availability)
{
    const bool available = availability == ServerKeychain::Availability::Available;
    m_ui->rememberCheck->setEnabled(available);
    if (!available)
        m_ui->rememberCheck->setChecked(false);
    QString note;
    if (availability == ServerKeychain::Availability::Unknown)
        note = tr("Looking for the system keychain…");
    else if (!available)
        note = tr("No system keychain is available: credentials typed here are kept for this session only.");
    m_ui->keychainLabel->setText(note);
    m_ui->keychainLabel->setVisible(!note.isEmpty());
    m_ui->rememberCheck->setToolTip(available
            ? tr("Saved in the system keychain (service “%1”) once the server accepts them, never in a file")
                  .arg(ServerKeychain::serviceName())
            : note);
}

void ConnectServerDialog::setUserName(const QString& username)
{
    m_ui->userEdit->setText(username);
    if (!username.isEmpty())
        m_ui->passwordEdit->setFocus();
}

void ConnectServerDialog::setRememberCredentials(bool remember)
{
    m_ui->rememberCheck->setChecked(remember && m_ui->rememberCheck->isEnabled());
}

bool ConnectServerDialog::rememberCredentials() const
{
    return m_ui->rememberCheck->isEnabled() && m_ui->rememberCheck->isChecked();
}

ServerKeychain::Credentials ConnectServerDialog::typedCredentials() const
{
    if (!m_ui->tokenEdit->text().isEmpty())
        return { {}, {}, m_ui->tokenEdit->text() };
    if (!m_ui->userEdit->text().isEmpty())
        return { m_ui->userEdit->text(), m_ui->passwordEdit->text(), {} };
    return {};
}

void ConnectServerDialog::askToSignIn(const StoreLocation& location, const QString& reason)
{
    setWindowTitle(tr("Sign In to Server"));
    m_ui->urlEdit->setText(location.uri);
    m_ui->urlEdit->setReadOnly(true);
    m_ui->errorLabel->setText(reason);
    m_ui->errorLabel->show();
    m_ui->buttonBox->button(QDialogButtonBox::Ok)->setText(tr("Sign In"));
    m_ui->userEdit->setFocus();
}

void ConnectServerDialog::accept()
{
    const QString address = m_ui->urlEdit->text().trimmed();
    const bool isServer = address.startsWith(QLatin1String("http://"), Qt::CaseInsensitive)
        || address.startsWith(QLatin1String("https://"), Qt::CaseInsensitive);
    auto location = isServer ? StoreLocation::fromArgument(address, QDir::currentPath())
                             : Result<StoreLocation>(makeError(
                                 ErrorCode::InvalidArgument, tr("A server address starts with http:// or https://.")));
    if (!location) {
        m_ui->errorLabel->setText(location.error().message);
        m_ui->errorLabel->show();
        m_ui->urlEdit->setFocus();
        return;
    }
    m_location = *location;
    QDialog::accept();
}

RestOptions ConnectServerDialog::serverOptions() const
{
    RestOptions options = m_location ? RestOptions::fromEnvironment(*m_location) : RestOptions();
    const ServerKeychain::Credentials typed = typedCredentials();
    if (!typed.isEmpty())
        typed.applyTo(options);
    return options;
}

} // namespace prov
