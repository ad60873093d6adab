#include "CliTestCase.h"

#include "TestFixtures.h"

#include <QDir>
#include <QFileInfo>

CliTestCase::CliTestCase(QString binary)
    : m_binary(std::move(binary))
    , m_cli(m_binary, m_scratch.path())
{ }

bool CliTestCase::setUp()
{
    if (!m_scratch.isValid() || !QFileInfo(m_binary).isExecutable())
        return false;
    m_cache = freshFolder();
    m_environment = CliRunner::isolatedEnvironment(freshFolder());
    return true;
}

CliResult CliTestCase::run(const QStringList& arguments, const QProcessEnvironment& environment) const
{
    return m_cli.run(arguments, environment);
}

QString CliTestCase::freshFolder()
{
    const QString path = m_scratch.filePath(QStringLiteral("folder-") + QString::number(++m_folders));
    QDir().mkpath(path);
    return path;
}

QString CliTestCase::copyOfFixture(const QString& fixture)
{
    const QString copy = freshFolder() + u'/' + fixture.section(u'/', -1);
    return TestFixtures::copyTree(TestFixtures::dataPath(fixture), copy) ? copy : QString();
}
