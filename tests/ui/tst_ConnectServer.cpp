#include "ConnectServerDialog.h"
#include "MainWindow.h"
#include "RunsPage.h"
#include "StoreSession.h"

#include "MlflowTestServer.h"
#include "TestFixtures.h"

#include <QApplication>
#include <QDir>
#include <QLabel>
#include <QLineEdit>
#include <QPointer>
#include <QSettings>
#include <QStandardPaths>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>

using namespace prov;
using namespace Qt::StringLiterals;

// Specifies working with a tracking server in the app: the Connect to Server dialog checks the
// address and keeps typed credentials for the session, the runs of the server fill the run
// table, and a server gone away leaves the cached runs on screen with an offline notice and Retry.
class tst_ConnectServer : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void theDialogRefusesWhatIsNotAServer_data();
    void theDialogRefusesWhatIsNotAServer();
    void typedCredentialsReplaceTheEnvironments();
    void aServerFillsTheRunTableAndStaysReadableOffline();
    void aServerAskingForCredentialsIsSignedInTo();

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
    qputenv("MLFLOW_HTTP_REQUEST_BACKOFF_FACTOR", "0.05");
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
    auto* runs = window->runsPage()->findChild<QTableView*>(u"runsView"_s);
    QVERIFY(runs);
    QTRY_VERIFY_WITH_TIMEOUT(runs->model()->rowCount() > 20, 20000);
    QTRY_VERIFY(!window->session()->isSyncing());
    const int rows = runs->model()->rowCount();
    QVERIFY(!window->session()->isOffline());

    server.reset(); // the network goes away
    window->session()->syncNow();
    QTRY_VERIFY_WITH_TIMEOUT(window->session()->isOffline(), 20000);
    QCOMPARE(runs->model()->rowCount(), rows);
    auto* retry = window->findChild<QToolButton*>(u"retrySync"_s);
    QVERIFY(retry && retry->isVisible());
    auto* source = window->findChild<QLabel*>(u"syncSource"_s);
    QVERIFY(source && source->text().startsWith(u"Offline — last synced"_s));
    QTRY_VERIFY_WITH_TIMEOUT(!window->session()->isSyncing(), 20000);
    retry->click(); // still gone: still offline, still readable
    QTRY_VERIFY_WITH_TIMEOUT(!window->session()->isSyncing(), 20000);
    QVERIFY(window->session()->isOffline());
    QCOMPARE(runs->model()->rowCount(), rows);
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
    auto* runs = window->runsPage()->findChild<QTableView*>(u"runsView"_s);
    QTRY_VERIFY_WITH_TIMEOUT(runs->model()->rowCount() > 20, 20000);
    QTRY_VERIFY(!window->session()->isSyncing());
    QVERIFY(!window->findChild<ConnectServerDialog*>(u"signInDialog"_s));

    // Kept for the session: the next sync needs no second sign-in.
    window->session()->syncNow();
    QTRY_VERIFY_WITH_TIMEOUT(!window->session()->isSyncing(), 20000);
    QVERIFY(!window->session()->isOffline());
    QVERIFY(!window->findChild<ConnectServerDialog*>(u"signInDialog"_s));
}

QTEST_MAIN(tst_ConnectServer)
#include "tst_ConnectServer.moc"
