#include "ServerKeychain.h"

#include "store/rest/RestOptions.h"

#include <qt6keychain/keychain.h>

#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QTimer>

Q_LOGGING_CATEGORY(lcKeychain, "prov.keychain", QtWarningMsg)

namespace prov {
namespace {

// A key no entry has: reading it tells whether a keychain answers, and never prompts for
// anything, since there is nothing to unlock.
const QLatin1String probeKey("provenance-keychain-probe");

// What a job's error says about the keychain itself (not about one entry).
ServerKeychain::Availability availabilityAfter(QKeychain::Error error)
{
    switch (error) {
    case QKeychain::NoError:
    case QKeychain::EntryNotFound:
    case QKeychain::CouldNotDeleteEntry:
    case QKeychain::AccessDeniedByUser: // it is there; the user said no this time
        return ServerKeychain::Availability::Available;
    case QKeychain::AccessDenied: // e.g. a locked collection nobody can unlock
    case QKeychain::NoBackendAvailable: // no Secret Service or KWallet on the session bus
    case QKeychain::NotImplemented:
    case QKeychain::OtherError: // no session bus at all, no libsecret, ...
        break;
    }
    return ServerKeychain::Availability::Unavailable;
}

} // namespace

ServerKeychain::Credentials ServerKeychain::Credentials::of(const RestOptions& options)
{
    if (!options.token.isEmpty())
        return { {}, {}, options.token };
    return { options.username, options.password, {} };
}

void ServerKeychain::Credentials::applyTo(RestOptions& options) const
{
    options.username = token.isEmpty() ? username : QString();
    options.password = token.isEmpty() ? password : QString();
    options.token = token;
}

QByteArray ServerKeychain::Credentials::toSecret() const
{
    QJsonObject object;
    if (!token.isEmpty()) {
        object.insert(QLatin1String("token"), token);
    } else {
        object.insert(QLatin1String("username"), username);
        object.insert(QLatin1String("password"), password);
    }
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

std::optional<ServerKeychain::Credentials> ServerKeychain::Credentials::fromSecret(const QByteArray& secret)
{
    const QJsonDocument document = QJsonDocument::fromJson(secret);
    if (!document.isObject())
        return std::nullopt;
    const QJsonObject object = document.object();
    Credentials credentials;
    credentials.token = object.value(QLatin1String("token")).toString();
    if (credentials.token.isEmpty()) {
        credentials.username = object.value(QLatin1String("username")).toString();
        credentials.password = object.value(QLatin1String("password")).toString();
    }
    if (credentials.isEmpty())
        return std::nullopt;
    return credentials;
}

ServerKeychain::ServerKeychain(QObject* parent)
    : QObject(parent)
{ }

// Running jobs are left to finish and delete themselves (QtKeychain's backends call back into
// them); their connections to this object are gone with it.
ServerKeychain::~ServerKeychain() = default;

QString ServerKeychain::serviceName()
{
    return QStringLiteral("Provenance");
}

void ServerKeychain::probe()
{
    if (m_availability != Availability::Unknown)
        return answerWithoutKeychain(Operation::Probe, QString());
    auto* job = new QKeychain::ReadPasswordJob(serviceName());
    job->setKey(probeKey);
    start(job, Operation::Probe, QString());
}

void ServerKeychain::read(const QString& serverUri)
{
    if (m_availability == Availability::Unavailable)
        return answerWithoutKeychain(Operation::Read, serverUri);
    auto* job = new QKeychain::ReadPasswordJob(serviceName());
    job->setKey(serverUri);
    start(job, Operation::Read, serverUri);
}

void ServerKeychain::write(const QString& serverUri, const Credentials& credentials)
{
    if (m_availability == Availability::Unavailable || credentials.isEmpty())
        return answerWithoutKeychain(Operation::Write, serverUri);
    auto* job = new QKeychain::WritePasswordJob(serviceName());
    job->setKey(serverUri);
    job->setBinaryData(credentials.toSecret());
    start(job, Operation::Write, serverUri);
}

void ServerKeychain::remove(const QString& serverUri)
{
    if (m_availability == Availability::Unavailable)
        return answerWithoutKeychain(Operation::Remove, serverUri);
    auto* job = new QKeychain::DeletePasswordJob(serviceName());
    job->setKey(serverUri);
    start(job, Operation::Remove, serverUri);
}

void ServerKeychain::setAvailability(Availability availability)
{
    if (availability == m_availability)
        return;
    m_availability = availability;
    if (availability != Availability::Unknown)
        Q_EMIT availabilityKnown(availability == Availability::Available);
}

void ServerKeychain::start(QKeychain::Job* job, Operation operation, const QString& serverUri)
{
    // Never a plain settings file instead of the keychain; the job deletes itself once finished.
    job->setInsecureFallback(false);
    job->setAutoDelete(true);
    auto* timer = new QTimer(this);
    timer->setSingleShot(true);
    connect(timer, &QTimer::timeout, this, [this, job] { onTimedOut(job); });
    connect(job, &QKeychain::Job::finished, this, &ServerKeychain::onJobFinished);
    m_requests.insert(job, Request { operation, serverUri, timer });
    timer->start(m_timeout);
    job->start();
}

void ServerKeychain::onJobFinished(QKeychain::Job* job)
{
    const QKeychain::Error error = job->error();
    if (error != QKeychain::NoError && error != QKeychain::EntryNotFound)
        qCInfo(lcKeychain) << "keychain operation failed:" << error << job->errorString(); // never holds the secret
    setAvailability(availabilityAfter(error));
    const auto running = m_requests.constFind(job);
    if (running == m_requests.cend())
        return; // answered after its time-out: only what it says about the keychain counts
    const Request request = *running;
    m_requests.erase(running);
    delete request.timer;
    const bool succeeded
        = error == QKeychain::NoError || (error == QKeychain::EntryNotFound && request.operation != Operation::Read);
    const auto* read = qobject_cast<QKeychain::ReadPasswordJob*>(job);
    finish(request, succeeded, read && succeeded ? read->binaryData() : QByteArray());
}

// A keychain that does not answer (e.g. a Secret Service that hangs) counts as none for now.
void ServerKeychain::onTimedOut(QKeychain::Job* job)
{
    const auto running = m_requests.constFind(job);
    if (running == m_requests.cend())
        return;
    const Request request = *running;
    m_requests.erase(running);
    request.timer->deleteLater();
    qCInfo(lcKeychain) << "the keychain did not answer within" << m_timeout.count() << "ms";
    setAvailability(Availability::Unavailable);
    finish(request, false, QByteArray());
}

void ServerKeychain::finish(const Request& request, bool succeeded, const QByteArray& secret)
{
    switch (request.operation) {
    case Operation::Probe:
        break; // setAvailability() has said it
    case Operation::Read:
        Q_EMIT readFinished(request.serverUri, succeeded ? Credentials::fromSecret(secret) : std::nullopt);
        break;
    case Operation::Write:
        Q_EMIT writeFinished(request.serverUri, succeeded);
        break;
    case Operation::Remove:
        Q_EMIT removeFinished(request.serverUri, succeeded);
        break;
    }
}

// What is known already (no keychain, or the answer to a probe): said on the next turn of the
// event loop, like an answer from the keychain would be.
void ServerKeychain::answerWithoutKeychain(Operation operation, const QString& serverUri)
{
    QTimer::singleShot(0, this, [this, operation, serverUri] {
        if (operation == Operation::Probe)
            Q_EMIT availabilityKnown(m_availability == Availability::Available);
        else
            finish(Request { operation, serverUri, nullptr }, false, {});
    });
}

} // namespace prov
