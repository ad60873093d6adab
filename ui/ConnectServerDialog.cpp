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
}

ConnectServerDialog::~ConnectServerDialog() = default;

void ConnectServerDialog::setAddress(const QString& address)
{
    m_ui->urlEdit->setText(address);
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
    if (!m_ui->tokenEdit->text().isEmpty()) {
        options.token = m_ui->tokenEdit->text();
        options.username.clear();
        options.password.clear();
    } else if (!m_ui->userEdit->text().isEmpty()) {
        options.username = m_ui->userEdit->text();
        options.password = m_ui->passwordEdit->text();
        options.token.clear();
    }
    return options;
}

} // namespace prov
