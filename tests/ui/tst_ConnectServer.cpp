#include "ConnectServerDialog.h"
#include "MainWindow.h"
#include "RunsPage.h"
#include "ServerSignIn.h"
#include "StoreSession.h"

#include "MlflowTestServer.h"
#include "TestFixtures.h"

#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QDir>
#include <QDirIterator>
#include <QFileInfo>
#include <QLabel>
#include <QLineEdit>
#include <QPointer>
#include <QSettings>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QToolButton>

using namespace prov;
using namespace Qt::StringLiterals;

namespace {

// Stands in for the OS keychain, which CI machines do not have: entries in memory, answers on
// the next turn of the event loop, as QtKeychain's jobs answer.
class MemoryKeychain : public ServerKeychain
{
public:
    using ServerKeychain::ServerKeychain;

    Availability availability() const override { return Availability::Available; }
    void probe() override
    {
        QTimer::singleShot(0, this, [this] { Q_EMIT availabilityKnown(true); });
    }
    void read(const QString& uri) override
    {
        ++reads;
        const auto entry = entries.constFind(uri);
        const auto found = entry == entries.cend() ? std::nullopt : std::optional<Credentials>(*entry);
        QTimer::singleShot(0, this, [this, uri, found] { Q_EMIT readFinished(uri, found); });
    }
    void write(const QString& uri, const Credentials& credentials) override
    {
        entries.insert(uri, credentials);
        QTimer::singleShot(0, this, [this, uri] { Q_EMIT writeFinished(uri, true); });
    }
    void remove(const QString& uri) override
    {
        const bool removed = entries.remove(uri) > 0;
        QTimer::singleShot(0, this, [this, uri, removed] { Q_EMIT removeFinished(uri, removed); });
    }

    QHash<QString, Credentials> entries;
    int reads = 0;
};

// Whether any file under `folder` holds `secret`.
QString fileHolding(const QString& folder, const QByteArray& secret)
{
    QDirIterator files(folder, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    while (files.hasNext()) {
        QFile file(files.next());
        if (file.open(QIODevice::ReadOnly) && file.readAll().contains(secret))
            return file.fileName();
    }
    return {};
}

} // namespace

// Specifies working with a tracking server in the app: the Connect to Server dialog checks the
// address and keeps typed credentials for the session (and in the system keychain when asked
// and there is one), the runs of the server fill the run table, and a server gone away leaves
// the cached runs on screen with an offline notice and Retry.
class tst_ConnectServer : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void theDialogRefusesWhatIsNotAServer_data();
    void theDialogRefusesWhatIsNotAServer();
    void typedCredentialsReplaceTheEnvironments();
    void withoutKeychainTheDialogSaysCredentialsLastThisSession();
    void aServerFillsTheRunTableAndStaysReadableOffline();
    void aServerAskingForCredentialsIsSignedInTo();
    void typedCredentialsStayOutOfSettingsCacheAndJournal();
    void rememberedCredentialsAreUsedRenewedAndForgotten();

private:
    QTemporaryDir m_home;
};

void tst_ConnectServer::initTestCase()
{
    QVERIFY(m_home.isValid());
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(u"ProvenanceTests"_s);
    QCoreApplication::setApplicationName(u"tst_ConnectServer"_s);
    qputenv("XDG_CACHE_HOME", m_home.filePath(u"cache"_s).toUtf8());
    qputenv("XDG_DATA_HOME", m_home.filePath(u"data"_s).toUtf8());
    qputenv("XDG_CONFIG_HOME", m_home.filePath(u"config"_s).toUtf8());
    qunsetenv("MLFLOW_TRACKING_URI");
    qunsetenv("MLFLOW_TRACKING_TOKEN");
    qunsetenv("MLFLOW_TRACKING_USERNAME");
    qunsetenv("MLFLOW_TRACKING_PASSWORD");
    qputenv("MLFLOW_HTTP_REQUEST_BACKOFF_FACTOR", "0.05");
    // No session bus, hence no system keychain, as on CI: the app must do without one.
    qunsetenv("DBUS_SESSION_BUS_ADDRESS");
}

void tst_ConnectServer::theDialogRefusesWhatIsNotAServer_data()
{
    QTest::addColumn<QString>("address");
    QTest::addColumn<bool>("accepted");
    QTest::newRow("server") << u"http://127.0.0.1:5000/prefix/"_s << true;
    QTest::newRow("folder") << QDir::tempPath() + u"/mlruns"_s << false;
    QTest::newRow("credentials in the address") << u"https://bob:pw@mlflow.example.org"_s << false;
}

void tst_ConnectServer::theDialogRefusesWhatIsNotAServer()
{
    QFETCH(QString, address);
    QFETCH(bool, accepted);
    ConnectServerDialog dialog;
    dialog.setAddress(address);
    dialog.accept();
    QCOMPARE(dialog.result() == QDialog::Accepted, accepted);
    QCOMPARE(dialog.location().has_value(), accepted);
    auto* error = dialog.findChild<QLabel*>(u"errorLabel"_s);
    QVERIFY(error);
    QCOMPARE(error->isHidden(), accepted);
    if (accepted)
        QCOMPARE(dialog.location()->uri, u"http://127.0.0.1:5000/prefix"_s);
}

void tst_ConnectServer::typedCredentialsReplaceTheEnvironments()
{
    qputenv("MLFLOW_TRACKING_TOKEN", "from-the-environment");
    ConnectServerDialog dialog;
    dialog.setAddress(u"https://mlflow.example.org"_s);
    dialog.findChild<QLineEdit*>(u"userEdit"_s)->setText(u"alice"_s);
    dialog.findChild<QLineEdit*>(u"passwordEdit"_s)->setText(u"pw"_s);
    dialog.accept();
    const RestOptions typed = dialog.serverOptions();
    qunsetenv("MLFLOW_TRACKING_TOKEN");
    QCOMPARE(typed.username, u"alice"_s);
    QVERIFY(typed.token.isEmpty());
    QCOMPARE(typed.authorization(), QByteArray("Basic ") + QByteArray("alice:pw").toBase64());
    QCOMPARE(typed.baseUrl, QUrl(u"https://mlflow.example.org"_s));
}

void tst_ConnectServer::withoutKeychainTheDialogSaysCredentialsLastThisSession()
{
    ServerKeychain keychain;
    keychain.setTimeout(std::chrono::seconds(3));
    ConnectServerDialog dialog;
    auto* remember = dialog.findChild<QCheckBox*>(u"rememberCheck"_s);
    auto* note = dialog.findChild<QLabel*>(u"keychainLabel"_s);
    QVERIFY(remember && note);
    dialog.setKeychain(&keychain);
    QVERIFY(!remember->isEnabled()); // until the keychain has answered
    QTRY_COMPARE_WITH_TIMEOUT(keychain.availability(), ServerKeychain::Availability::Unavailable, 5000);
    QVERIFY(!remember->isEnabled());
    QVERIFY(!remember->isChecked());
    QVERIFY(!note->isHidden());
    QCOMPARE(
        note->text(), u"No system keychain is available: credentials typed here are kept for this session only."_s);
    QCOMPARE(remember->toolTip(), note->text());
    dialog.setRememberCredentials(true);
    QVERIFY(!dialog.rememberCredentials());

    // With a keychain, the box is there to be checked; it starts unchecked.
    MemoryKeychain memory;
    ConnectServerDialog offered;
    offered.setKeychain(&memory);
    auto* box = offered.findChild<QCheckBox*>(u"rememberCheck"_s);
    QVERIFY(box->isEnabled());
    QVERIFY(!box->isChecked());
    QVERIFY(offered.findChild<QLabel*>(u"keychainLabel"_s)->isHidden());
}

void tst_ConnectServer::aServerFillsTheRunTableAndStaysReadableOffline()
{
    QString error;
    auto server = MlflowTestServer::start(TestFixtures::dataPath(u"mlflow/sqlite/mlflow.db"_s), &error);
    QVERIFY2(server, qPrintable(error));
    const QString url = server->url();
    SessionOptions options { m_home.filePath(u"caches"_s), m_home.filePath(u"journals"_s) };
    auto window = std::make_unique<MainWindow>(options);
    window->show();
    QVERIFY(window->openArgument(url));
    QTRY_VERIFY_WITH_TIMEOUT(window->runsPage()->listedRunCount() > 20, 20000);
    QTRY_VERIFY(!window->session()->isSyncing());
    const int rows = window->runsPage()->listedRunCount();
    QVERIFY(!window->session()->isOffline());

    server.reset(); // the network goes away
    window->session()->syncNow();
    QTRY_VERIFY_WITH_TIMEOUT(window->session()->isOffline(), 20000);
    QCOMPARE(window->runsPage()->listedRunCount(), rows);
    auto* retry = window->findChild<QToolButton*>(u"retrySync"_s);
    QVERIFY(retry && retry->isVisible());
    auto* source = window->findChild<QLabel*>(u"syncSource"_s);
    QVERIFY(source && source->text().startsWith(u"Offline — last synced"_s));
    QTRY_VERIFY_WITH_TIMEOUT(!window->session()->isSyncing(), 20000);
    retry->click(); // still gone: still offline, still readable
    QTRY_VERIFY_WITH_TIMEOUT(!window->session()->isSyncing(), 20000);
    QVERIFY(window->session()->isOffline());
    QCOMPARE(window->runsPage()->listedRunCount(), rows);
}

void tst_ConnectServer::aServerAskingForCredentialsIsSignedInTo()
{
    QString error;
    auto server = MlflowTestServer::start(TestFixtures::dataPath(u"mlflow/sqlite/mlflow.db"_s), &error);
    QVERIFY2(server, qPrintable(error));
    server->requireAuthorization(QByteArray("Basic ") + QByteArray("alice:s3cret").toBase64());
    SessionOptions options { m_home.filePath(u"caches-auth"_s), m_home.filePath(u"journals-auth"_s) };
    auto window = std::make_unique<MainWindow>(options);
    window->show();
    QVERIFY(window->openArgument(server->url()));

    // The server answers 401: the app asks who is there, naming the reason.
    ConnectServerDialog* dialog = nullptr;
    QTRY_VERIFY_WITH_TIMEOUT((dialog = window->findChild<ConnectServerDialog*>(u"signInDialog"_s)), 20000);
    QVERIFY(dialog->isVisible());
    QCOMPARE(dialog->windowTitle(), u"Sign In to Server"_s);
    auto* address = dialog->findChild<QLineEdit*>(u"urlEdit"_s);
    QCOMPARE(address->text(), server->url());
    QVERIFY(address->isReadOnly());
    QVERIFY(dialog->findChild<QLabel*>(u"errorLabel"_s)->text().contains(u"401: the server asks for credentials"_s));

    // A wrong password: asked again, saying the credentials were refused.
    dialog->findChild<QLineEdit*>(u"userEdit"_s)->setText(u"alice"_s);
    dialog->findChild<QLineEdit*>(u"passwordEdit"_s)->setText(u"wrong"_s);
    QPointer<ConnectServerDialog> first = dialog;
    dialog->accept();
    QTRY_VERIFY(!first); // closed and gone
    QTRY_VERIFY_WITH_TIMEOUT((dialog = window->findChild<ConnectServerDialog*>(u"signInDialog"_s)), 20000);
    QTRY_VERIFY(
        dialog->findChild<QLabel*>(u"errorLabel"_s)->text().contains(u"401: the server refused these credentials"_s));

    dialog->findChild<QLineEdit*>(u"userEdit"_s)->setText(u"alice"_s);
    dialog->findChild<QLineEdit*>(u"passwordEdit"_s)->setText(u"s3cret"_s);
    dialog->accept();
    QTRY_VERIFY_WITH_TIMEOUT(window->runsPage()->listedRunCount() > 20, 20000);
    QTRY_VERIFY(!window->session()->isSyncing());
    QVERIFY(!window->findChild<ConnectServerDialog*>(u"signInDialog"_s));

    // Kept for the session: the next sync needs no second sign-in.
    window->session()->syncNow();
    QTRY_VERIFY_WITH_TIMEOUT(!window->session()->isSyncing(), 20000);
    QVERIFY(!window->session()->isOffline());
    QVERIFY(!window->findChild<ConnectServerDialog*>(u"signInDialog"_s));
}

// File › Connect to Server… with a user name and password, no keychain: the runs are read,
// and neither the settings nor the cache nor the journal hold the password afterwards.
void tst_ConnectServer::typedCredentialsStayOutOfSettingsCacheAndJournal()
{
    QString error;
    auto server = MlflowTestServer::start(TestFixtures::dataPath(u"mlflow/sqlite/mlflow.db"_s), &error);
    QVERIFY2(server, qPrintable(error));
    const QByteArray password = "pw-typed-9127";
    const QByteArray basic = QByteArray("carol:pw-typed-9127").toBase64();
    server->requireAuthorization("Basic " + basic);
    SessionOptions options { m_home.filePath(u"caches-typed"_s), m_home.filePath(u"journals-typed"_s) };
    auto window = std::make_unique<MainWindow>(options);
    window->show();
    const QString url = server->url();
    QTimer::singleShot(0, window.get(), [&window, url, password] {
        auto* dialog = window->findChild<ConnectServerDialog*>(u"connectServerDialog"_s);
        dialog->setAddress(url);
        dialog->findChild<QLineEdit*>(u"userEdit"_s)->setText(u"carol"_s);
        dialog->findChild<QLineEdit*>(u"passwordEdit"_s)->setText(QString::fromLatin1(password));
        dialog->accept();
    });
    window->findChild<QAction*>(u"actionConnectServer"_s)->trigger();
    QTRY_VERIFY_WITH_TIMEOUT(window->runsPage()->listedRunCount() > 20, 20000);
    QTRY_VERIFY(!window->session()->isSyncing());
    QVERIFY(!window->findChild<ConnectServerDialog*>(u"signInDialog"_s));
    QVERIFY(window->findChild<QAction*>(u"actionForgetCredentials"_s)->isEnabled());
    window->close(); // writes the settings
    window.reset();

    const QString settings = QSettings().fileName();
    QVERIFY(QFileInfo::exists(settings));
    QFile file(settings);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray text = file.readAll();
    QVERIFY(text.contains(url.toUtf8())); // the server is a recent store...
    QVERIFY(!text.contains(password)); // ...its password is not
    QVERIFY(!text.contains(basic));
    for (const QString& folder : { options.cacheFolder, options.journalFolder, m_home.path() }) {
        QCOMPARE(fileHolding(folder, password), QString());
        QCOMPARE(fileHolding(folder, basic), QString());
    }
}

// Credentials remembered in the keychain are used without asking; when the server refuses them,
// the sign-in dialog names the user and offers to renew them; Forget removes them.
void tst_ConnectServer::rememberedCredentialsAreUsedRenewedAndForgotten()
{
    QString error;
    auto server = MlflowTestServer::start(TestFixtures::dataPath(u"mlflow/sqlite/mlflow.db"_s), &error);
    QVERIFY2(server, qPrintable(error));
    server->requireAuthorization(QByteArray("Basic ") + QByteArray("dana:n3w").toBase64());
    MemoryKeychain keychain;
    keychain.entries.insert(server->url(), { u"dana"_s, u"old"_s, {} });
    SessionOptions options { m_home.filePath(u"caches-kc"_s), m_home.filePath(u"journals-kc"_s) };
    auto window = std::make_unique<MainWindow>(options);
    window->serverSignIn()->setKeychain(&keychain);
    window->show();
    QVERIFY(window->openArgument(server->url()));

    // The remembered password is out of date: asked again, for dana, with Remember checked.
    ConnectServerDialog* dialog = nullptr;
    QTRY_VERIFY_WITH_TIMEOUT((dialog = window->findChild<ConnectServerDialog*>(u"signInDialog"_s)), 20000);
    QCOMPARE(keychain.reads, 1);
    QVERIFY(
        dialog->findChild<QLabel*>(u"errorLabel"_s)->text().contains(u"401: the server refused these credentials"_s));
    QCOMPARE(dialog->findChild<QLineEdit*>(u"userEdit"_s)->text(), u"dana"_s);
    QVERIFY(dialog->findChild<QLineEdit*>(u"passwordEdit"_s)->text().isEmpty());
    QVERIFY(dialog->findChild<QCheckBox*>(u"rememberCheck"_s)->isChecked());
    dialog->findChild<QLineEdit*>(u"passwordEdit"_s)->setText(u"n3w"_s);
    dialog->accept();
    QTRY_VERIFY_WITH_TIMEOUT(window->runsPage()->listedRunCount() > 20, 20000);
    QTRY_COMPARE(keychain.entries.value(server->url()).password, u"n3w"_s);
    window.reset();

    // Next time they just work.
    window = std::make_unique<MainWindow>(options);
    window->serverSignIn()->setKeychain(&keychain);
    window->show();
    QVERIFY(window->openArgument(server->url()));
    QTRY_VERIFY_WITH_TIMEOUT(window->session()->isOpen() && !window->session()->isSyncing(), 20000);
    QVERIFY(!window->session()->isOffline());
    QVERIFY(!window->findChild<ConnectServerDialog*>(u"signInDialog"_s));
    QCOMPARE(keychain.reads, 2);

    auto* forget = window->findChild<QAction*>(u"actionForgetCredentials"_s);
    QVERIFY(forget->isEnabled());
    forget->trigger();
    QTRY_VERIFY(keychain.entries.isEmpty());
    QTRY_VERIFY(window->statusBar()->currentMessage().contains(u"Removed the credentials saved for"_s));
}

QTEST_MAIN(tst_ConnectServer)
#include "tst_ConnectServer.moc"
