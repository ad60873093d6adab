#pragma once

#include <QHash>
#include <QObject>
#include <QString>

#include <chrono>
#include <optional>

class QTimer;

namespace QKeychain {
class Job;
}

namespace prov {

struct RestOptions;

// The credentials of tracking servers a user asked to remember, in the OS keychain (Secret
// Service, KWallet, macOS Keychain, Windows Credential Store through QtKeychain), under the
// service "Provenance" and the server's canonical URI (StoreLocation::uri, never with
// credentials). Nothing is ever written to a plain file: QtKeychain's insecure fallback is off,
// and without a keychain nothing is kept. Every operation is asynchronous and answers by signal
// within a bounded time, so a keychain that does not answer cannot hang the window.
// The operations are virtual so that tests can stand in for the OS keychain.
class ServerKeychain : public QObject
{
    Q_OBJECT

public:
    struct Credentials
    {
        QString username;
        QString password;
        QString token; // a bearer token; when set, username and password are not used

        bool isEmpty() const { return username.isEmpty() && token.isEmpty(); }
        // What a connection of `options` signs in with.
        static Credentials of(const RestOptions& options);
        void applyTo(RestOptions& options) const;
        // The keychain entry: a small JSON object ({"username","password"} or {"token"}).
        QByteArray toSecret() const;
        static std::optional<Credentials> fromSecret(const QByteArray& secret);
        bool operator==(const Credentials&) const = default;
    };

    // Unknown until the first operation (or probe) has an answer.
    enum class Availability { Unknown, Available, Unavailable };

    static constexpr std::chrono::milliseconds defaultTimeout { 10'000 };

    explicit ServerKeychain(QObject* parent = nullptr);
    ~ServerKeychain() override;

    static QString serviceName();
    // How long an operation may take before it counts as failed (a keychain that never answers).
    void setTimeout(std::chrono::milliseconds timeout) { m_timeout = timeout; }

    virtual Availability availability() const { return m_availability; }
    // Finds out whether a keychain answers, without touching any entry; availabilityKnown() tells.
    virtual void probe();
    // readFinished(): the server's credentials, or none (no entry, no keychain, time-out).
    virtual void read(const QString& serverUri);
    virtual void write(const QString& serverUri, const Credentials& credentials);
    virtual void remove(const QString& serverUri);

Q_SIGNALS:
    void availabilityKnown(bool available);
    void readFinished(const QString& serverUri, const std::optional<prov::ServerKeychain::Credentials>& credentials);
    void writeFinished(const QString& serverUri, bool saved);
    void removeFinished(const QString& serverUri, bool removed);

protected:
    // For stand-ins: records what an operation found out about the keychain.
    void setAvailability(Availability availability);

private:
    enum class Operation { Probe, Read, Write, Remove };
    struct Request
    {
        Operation operation;
        QString serverUri;
        QTimer* timer;
    };

    void start(QKeychain::Job* job, Operation operation, const QString& serverUri);
    void onJobFinished(QKeychain::Job* job);
    void onTimedOut(QKeychain::Job* job);
    void finish(const Request& request, bool succeeded, const QByteArray& secret);
    void answerWithoutKeychain(Operation operation, const QString& serverUri);

    Availability m_availability = Availability::Unknown;
    std::chrono::milliseconds m_timeout = defaultTimeout;
    QHash<QKeychain::Job*, Request> m_requests; // running jobs; a job is only a key once it is gone
};

} // namespace prov
