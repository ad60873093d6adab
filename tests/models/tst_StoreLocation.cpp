#include "cache/CacheLocator.h"
#include "store/StoreLocation.h"

#include "TestFixtures.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace prov;

// What users type to name a store, and how it is classified and made canonical.
class tst_StoreLocation : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void acceptsEveryWayToNameAStore_data();
    void acceptsEveryWayToNameAStore();
    void refusesWhatIsNotAStore_data();
    void refusesWhatIsNotAStore();
    void missingStoresCanBeNamedForTheirCache();
    void canonicalUriRoundTrips();
    void serversAreNamedByOneCanonicalUri_data();
    void serversAreNamedByOneCanonicalUri();
    void eachServerHasItsOwnCache();

private:
    QTemporaryDir m_dir;
};

void tst_StoreLocation::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QVERIFY(QDir(m_dir.path()).mkpath(QStringLiteral("project/mlruns/0")));
    QVERIFY(QDir(m_dir.path()).mkpath(QStringLiteral("plain")));
    QVERIFY(QFile::copy(TestFixtures::dataPath(QStringLiteral("mlflow/sqlite/mlflow.db")),
        m_dir.filePath(QStringLiteral("mlflow.db"))));
    QFile text(m_dir.filePath(QStringLiteral("notes.txt")));
    QVERIFY(text.open(QIODevice::WriteOnly));
    text.write("not a database\n");
}

void tst_StoreLocation::acceptsEveryWayToNameAStore_data()
{
    QTest::addColumn<QString>("argument");
    QTest::addColumn<int>("kind");
    QTest::addColumn<QString>("path"); // relative to the temp dir
    const int file = static_cast<int>(StoreLocation::Kind::FileStore);
    const int sqlite = static_cast<int>(StoreLocation::Kind::SqliteBackend);
    const QString root = m_dir.path();
    QTest::newRow("mlruns folder") << QStringLiteral("project/mlruns") << file << QStringLiteral("project/mlruns");
    QTest::newRow("project folder holding mlruns")
        << QStringLiteral("project") << file << QStringLiteral("project/mlruns");
    QTest::newRow("any folder") << QStringLiteral("plain") << file << QStringLiteral("plain");
    QTest::newRow("file URI") << QStringLiteral("file://") + root + QStringLiteral("/project/mlruns") << file
                              << QStringLiteral("project/mlruns");
    QTest::newRow("database path") << QStringLiteral("mlflow.db") << sqlite << QStringLiteral("mlflow.db");
    QTest::newRow("sqlite relative (SQLAlchemy)")
        << QStringLiteral("sqlite:///mlflow.db") << sqlite << QStringLiteral("mlflow.db");
    QTest::newRow("sqlite absolute") << QStringLiteral("sqlite:///") + root + QStringLiteral("/mlflow.db") << sqlite
                                     << QStringLiteral("mlflow.db");
    QTest::newRow("surrounding spaces") << QStringLiteral("  mlflow.db ") << sqlite << QStringLiteral("mlflow.db");
}

void tst_StoreLocation::acceptsEveryWayToNameAStore()
{
    QFETCH(QString, argument);
    QFETCH(int, kind);
    QFETCH(QString, path);
    const auto location = StoreLocation::fromArgument(argument, m_dir.path());
    QVERIFY2(location, qPrintable(location ? QString() : location.error().describe()));
    QCOMPARE(static_cast<int>(location->kind), kind);
    QCOMPARE(location->path, QDir::cleanPath(m_dir.filePath(path)));
    QVERIFY(location->exists());
}

void tst_StoreLocation::refusesWhatIsNotAStore_data()
{
    QTest::addColumn<QString>("argument");
    QTest::addColumn<int>("code");
    QTest::addColumn<QString>("message");
    QTest::newRow("empty") << QString() << static_cast<int>(ErrorCode::InvalidArgument) << QStringLiteral("no store");
    QTest::newRow("missing") << QStringLiteral("nowhere") << static_cast<int>(ErrorCode::NotFound)
                             << QStringLiteral("no such");
    QTest::newRow("text file") << QStringLiteral("notes.txt") << static_cast<int>(ErrorCode::InvalidArgument)
                               << QStringLiteral("not an MLflow store");
    QTest::newRow("server with credentials in the address")
        << QStringLiteral("https://alice:secret@mlflow.example.org") << static_cast<int>(ErrorCode::InvalidArgument)
        << QStringLiteral("MLFLOW_TRACKING_USERNAME");
    QTest::newRow("postgres") << QStringLiteral("postgresql://db/mlflow") << static_cast<int>(ErrorCode::Unsupported)
                              << QStringLiteral("not supported");
    QTest::newRow("sqlite with two slashes")
        << QStringLiteral("sqlite://mlflow.db") << static_cast<int>(ErrorCode::InvalidArgument)
        << QStringLiteral("sqlite:///");
    QTest::newRow("sqlite URI naming a folder")
        << QStringLiteral("sqlite:///plain") << static_cast<int>(ErrorCode::InvalidArgument)
        << QStringLiteral("folder");
}

void tst_StoreLocation::refusesWhatIsNotAStore()
{
    QFETCH(QString, argument);
    QFETCH(int, code);
    QFETCH(QString, message);
    const auto location = StoreLocation::fromArgument(argument, m_dir.path());
    QVERIFY(!location);
    QCOMPARE(static_cast<int>(location.error().code), code);
    QVERIFY2(location.error().message.contains(message), qPrintable(location.error().message));
}

void tst_StoreLocation::missingStoresCanBeNamedForTheirCache()
{
    const auto folder = StoreLocation::fromArgument(
        QStringLiteral("gone/mlruns"), m_dir.path(), StoreLocation::Existence::MayBeMissing);
    QVERIFY(folder);
    QCOMPARE(folder->kind, StoreLocation::Kind::FileStore);
    QVERIFY(!folder->exists());
    const auto db = StoreLocation::fromArgument(
        QStringLiteral("gone/mlflow.db"), m_dir.path(), StoreLocation::Existence::MayBeMissing);
    QVERIFY(db);
    QCOMPARE(db->kind, StoreLocation::Kind::SqliteBackend);
}

void tst_StoreLocation::canonicalUriRoundTrips()
{
    for (const QString& argument : { QStringLiteral("project/mlruns"), QStringLiteral("mlflow.db") }) {
        const auto location = StoreLocation::fromArgument(argument, m_dir.path());
        QVERIFY(location);
        const auto again = StoreLocation::fromUri(location->uri);
        QVERIFY(again);
        QCOMPARE(again->path, location->path);
        QCOMPARE(again->kind, location->kind);
        QCOMPARE(again->uri, location->uri);
    }
}

void tst_StoreLocation::serversAreNamedByOneCanonicalUri_data()
{
    QTest::addColumn<QString>("argument");
    QTest::addColumn<QString>("uri");
    QTest::addColumn<QString>("display");
    QTest::newRow("plain") << QStringLiteral("http://localhost:5000") << QStringLiteral("http://localhost:5000")
                           << QStringLiteral("localhost:5000");
    QTest::newRow("trailing slash") << QStringLiteral("http://localhost:5000/")
                                    << QStringLiteral("http://localhost:5000") << QStringLiteral("localhost:5000");
    QTest::newRow("upper case, default port")
        << QStringLiteral("HTTPS://MLflow.Example.org:443/") << QStringLiteral("https://mlflow.example.org")
        << QStringLiteral("mlflow.example.org");
    QTest::newRow("path prefix") << QStringLiteral("http://host:8080/teams/ml//")
                                 << QStringLiteral("http://host:8080/teams/ml") << QStringLiteral("host:8080/teams/ml");
    QTest::newRow("query and fragment dropped")
        << QStringLiteral("https://host/mlflow?x=1#runs") << QStringLiteral("https://host/mlflow")
        << QStringLiteral("host/mlflow");
}

void tst_StoreLocation::serversAreNamedByOneCanonicalUri()
{
    QFETCH(QString, argument);
    QFETCH(QString, uri);
    QFETCH(QString, display);
    const auto location = StoreLocation::fromArgument(argument, m_dir.path());
    QVERIFY2(location, qPrintable(location ? QString() : location.error().describe()));
    QCOMPARE(location->kind, StoreLocation::Kind::TrackingServer);
    QVERIFY(location->isRemote());
    QCOMPARE(location->uri, uri);
    QCOMPARE(location->displayName(), display);
    QVERIFY(location->path.isEmpty());
    const auto again = StoreLocation::fromUri(location->uri);
    QVERIFY(again);
    QCOMPARE(again->uri, uri);
    QCOMPARE(again->kind, StoreLocation::Kind::TrackingServer);
}

void tst_StoreLocation::eachServerHasItsOwnCache()
{
    const auto a = StoreLocation::fromArgument(QStringLiteral("http://host:5000/"), m_dir.path());
    const auto b = StoreLocation::fromArgument(QStringLiteral("http://HOST:5000"), m_dir.path());
    const auto c = StoreLocation::fromArgument(QStringLiteral("http://host:5001"), m_dir.path());
    QVERIFY(a && b && c);
    QCOMPARE(CacheLocator::fileStem(*a), CacheLocator::fileStem(*b));
    QVERIFY(CacheLocator::fileStem(*a) != CacheLocator::fileStem(*c));
    QVERIFY2(
        CacheLocator::fileStem(*a).startsWith(QStringLiteral("host_5000-")), qPrintable(CacheLocator::fileStem(*a)));
}

QTEST_GUILESS_MAIN(tst_StoreLocation)
#include "tst_StoreLocation.moc"
