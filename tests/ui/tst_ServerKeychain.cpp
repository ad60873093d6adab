#include "ServerKeychain.h"
#include "store/rest/RestOptions.h"

#include <QDirIterator>
#include <QElapsedTimer>
#include <QFile>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace prov;
using namespace Qt::StringLiterals;
using Credentials = ServerKeychain::Credentials;

// Specifies the keychain entry of a server (a small JSON secret, never logged) and how the app
// copes with no keychain at all, as on CI and headless machines: it says so within a bounded
// time, keeps nothing, and writes nothing to a plain file instead.
class tst_ServerKeychain : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void credentialsTravelAsOneSecret_data();
    void credentialsTravelAsOneSecret();
    void aSecretThatIsNotCredentialsIsNone_data();
    void aSecretThatIsNotCredentialsIsNone();
    void aTokenReplacesUserAndPassword();
    void withoutSecretServiceTheKeychainIsUnavailableSoon();
    void withoutKeychainNothingIsKeptAnywhere();

private:
    QTemporaryDir m_home;
};

void tst_ServerKeychain::initTestCase()
{
    QVERIFY(m_home.isValid());
    QStandardPaths::setTestModeEnabled(true);
    // No session bus, hence no Secret Service or KWallet: the situation of CI machines.
    qunsetenv("DBUS_SESSION_BUS_ADDRESS");
    qputenv("XDG_CONFIG_HOME", m_home.filePath(u"config"_s).toUtf8());
    qputenv("XDG_DATA_HOME", m_home.filePath(u"data"_s).toUtf8());
    qputenv("XDG_CACHE_HOME", m_home.filePath(u"cache"_s).toUtf8());
    qputenv("HOME", m_home.path().toUtf8());
}

void tst_ServerKeychain::credentialsTravelAsOneSecret_data()
{
    QTest::addColumn<Credentials>("credentials");
    QTest::newRow("user and password") << Credentials { u"alice"_s, u"s3cret \"quoted\" ü"_s, {} };
    QTest::newRow("user without password") << Credentials { u"alice"_s, {}, {} };
    QTest::newRow("token") << Credentials { {}, {}, u"dapi-123"_s };
}

void tst_ServerKeychain::credentialsTravelAsOneSecret()
{
    QFETCH(Credentials, credentials);
    const auto back = Credentials::fromSecret(credentials.toSecret());
    QVERIFY(back);
    QVERIFY(*back == credentials);
}

void tst_ServerKeychain::aSecretThatIsNotCredentialsIsNone_data()
{
    QTest::addColumn<QByteArray>("secret");
    QTest::newRow("empty") << QByteArray();
    QTest::newRow("not JSON") << QByteArray("alice:s3cret");
    QTest::newRow("array") << QByteArray(R"(["alice","s3cret"])");
    QTest::newRow("no user, no token") << QByteArray(R"({"password":"s3cret"})");
}

void tst_ServerKeychain::aSecretThatIsNotCredentialsIsNone()
{
    QFETCH(QByteArray, secret);
    QVERIFY(!Credentials::fromSecret(secret));
}

void tst_ServerKeychain::aTokenReplacesUserAndPassword()
{
    RestOptions options;
    options.username = u"alice"_s;
    options.password = u"pw"_s;
    Credentials { {}, {}, u"t0ken"_s }.applyTo(options);
    QVERIFY(options.username.isEmpty() && options.password.isEmpty());
    QCOMPARE(options.authorization(), QByteArray("Bearer t0ken"));
    QVERIFY(Credentials::of(options) == (Credentials { {}, {}, u"t0ken"_s }));
    QVERIFY(!QByteArray(Credentials::of(options).toSecret()).contains("username"));
}

void tst_ServerKeychain::withoutSecretServiceTheKeychainIsUnavailableSoon()
{
    ServerKeychain keychain;
    keychain.setTimeout(std::chrono::seconds(3));
    QCOMPARE(keychain.availability(), ServerKeychain::Availability::Unknown);
    QSignalSpy known(&keychain, &ServerKeychain::availabilityKnown);
    QElapsedTimer clock;
    clock.start();
    keychain.probe();
    QTRY_COMPARE_WITH_TIMEOUT(known.count(), 1, 5000);
    QCOMPARE(known.first().first().toBool(), false);
    QCOMPARE(keychain.availability(), ServerKeychain::Availability::Unavailable);
    QVERIFY2(clock.elapsed() < 4000, qPrintable(u"took %1 ms"_s.arg(clock.elapsed())));

    // Asking again answers from what is known, without a second wait.
    keychain.probe();
    QTRY_COMPARE_WITH_TIMEOUT(known.count(), 2, 1000);
    QCOMPARE(known.last().first().toBool(), false);
}

void tst_ServerKeychain::withoutKeychainNothingIsKeptAnywhere()
{
    const QString uri = u"https://mlflow.example.org/prefix"_s;
    const QString password = u"pw-never-on-disk-71"_s;
    ServerKeychain keychain;
    keychain.setTimeout(std::chrono::seconds(3));
    QSignalSpy written(&keychain, &ServerKeychain::writeFinished);
    QSignalSpy read(&keychain, &ServerKeychain::readFinished);
    QSignalSpy removed(&keychain, &ServerKeychain::removeFinished);

    keychain.write(uri, Credentials { u"alice"_s, password, {} });
    QTRY_COMPARE_WITH_TIMEOUT(written.count(), 1, 5000);
    QCOMPARE(written.first().at(0).toString(), uri);
    QCOMPARE(written.first().at(1).toBool(), false);

    keychain.read(uri);
    QTRY_COMPARE_WITH_TIMEOUT(read.count(), 1, 5000);
    QCOMPARE(read.first().at(0).toString(), uri);
    QVERIFY(!read.first().at(1).value<std::optional<Credentials>>());

    keychain.remove(uri);
    QTRY_COMPARE_WITH_TIMEOUT(removed.count(), 1, 5000);
    QCOMPARE(removed.first().at(1).toBool(), false);

    // QtKeychain's insecure fallback (a QSettings file) stays off: no file anywhere holds it.
    QDirIterator files(m_home.path(), QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    while (files.hasNext()) {
        QFile file(files.next());
        QVERIFY(file.open(QIODevice::ReadOnly));
        QVERIFY2(!file.readAll().contains(password.toUtf8()), qPrintable(file.fileName()));
    }
}

QTEST_GUILESS_MAIN(tst_ServerKeychain)
#include "tst_ServerKeychain.moc"
