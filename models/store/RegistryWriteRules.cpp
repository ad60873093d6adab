#include "store/RegistryWriteRules.h"

#include <QDir>
#include <QRegularExpression>

namespace prov {
namespace {

Error invalid(const QString& message)
{
    return makeError(ErrorCode::InvalidArgument, message);
}

// Python's \w with str patterns: letters and numbers of any script (str.isalnum()) and the
// underscore; `extra` adds the punctuation a name may also contain.
bool onlyAllowed(const QString& text, QStringView extra)
{
    for (const char32_t c : text.toUcs4()) {
        const bool allowed = QChar::isLetterOrNumber(c) || c == U'_' || (c < 0x10000 && extra.contains(QChar(c)));
        if (!allowed)
            return false;
    }
    return true;
}

// posixpath.normpath(name) != name, ".", a leading ".." or "/": MLflow refuses such keys
// because they would name another file in a file store.
bool resolvesElsewhere(const QString& key)
{
    const QString normal = QDir::cleanPath(key);
    return normal != key || normal == QLatin1String(".") || normal.startsWith(QLatin1String(".."))
        || normal.startsWith(QLatin1Char('/'));
}

} // namespace

qsizetype RegistryWriteRules::pythonLength(const QString& text)
{
    return text.toUcs4().size();
}

QString RegistryWriteRules::canonicalStage(const QString& stage)
{
    for (const QString& known : { QStringLiteral("None"), QStringLiteral("Staging"), QStringLiteral("Production"),
             QStringLiteral("Archived") }) {
        if (stage.compare(known, Qt::CaseInsensitive) == 0)
            return known;
    }
    return {};
}

Status RegistryWriteRules::checkTagKey(const QString& key)
{
    if (key.isEmpty())
        return invalid(QStringLiteral("a tag needs a key"));
    if (!onlyAllowed(key, u"/.- :"))
        return invalid(QStringLiteral("the tag key “%1” may only contain letters, digits, underscores, dashes, "
                                      "periods, spaces, colons and slashes")
                           .arg(key));
    if (resolvesElsewhere(key))
        return invalid(QStringLiteral("the tag key “%1” would be read as another name (it has an empty, “.” or “..” "
                                      "part, or starts or ends with a slash)")
                           .arg(key));
    if (pythonLength(key) > MaxTagKeyLength)
        return invalid(QStringLiteral("the tag key “%1…” is longer than MLflow's limit of %2 characters")
                           .arg(key.left(40))
                           .arg(MaxTagKeyLength));
    return {};
}

Status RegistryWriteRules::checkAlias(const QString& alias)
{
    static const QRegularExpression versionLike(QStringLiteral("^[vV]\\d+$"));
    if (alias.isEmpty())
        return invalid(QStringLiteral("an alias needs a name"));
    if (!onlyAllowed(alias, u"-"))
        return invalid(
            QStringLiteral("the alias “%1” may only contain letters, digits, underscores and dashes").arg(alias));
    if (pythonLength(alias) > MaxAliasLength)
        return invalid(QStringLiteral("the alias “%1…” is longer than MLflow's limit of %2 characters")
                           .arg(alias.left(40))
                           .arg(MaxAliasLength));
    if (alias.compare(QLatin1String("latest"), Qt::CaseInsensitive) == 0)
        return invalid(QStringLiteral("the alias “%1” is reserved by MLflow").arg(alias));
    if (versionLike.match(alias).hasMatch())
        return invalid(QStringLiteral("the alias “%1” is reserved by MLflow for version numbers").arg(alias));
    return {};
}

Status RegistryWriteRules::check(const RegistryWrite& w)
{
    using Kind = RegistryWrite::Kind;
    if (w.modelName.isEmpty())
        return invalid(QStringLiteral("a registered model name is needed"));
    if (w.kind != Kind::DeleteAlias && w.version < 1)
        return invalid(
            QStringLiteral("version %1 of %2 cannot exist: versions start at 1").arg(w.version).arg(w.modelName));
    switch (w.kind) {
    case Kind::SetVersionTag:
        if (pythonLength(w.value) > MaxTagValueLength)
            return invalid(QStringLiteral("the value of tag “%1” has %2 characters; MLflow stores at most %3")
                               .arg(w.key)
                               .arg(pythonLength(w.value))
                               .arg(MaxTagValueLength));
        return checkTagKey(w.key);
    case Kind::DeleteVersionTag:
        return checkTagKey(w.key);
    case Kind::SetAlias:
    case Kind::DeleteAlias:
        return checkAlias(w.key);
    case Kind::TransitionStage: {
        const QString stage = canonicalStage(w.key);
        if (stage.isEmpty())
            return invalid(QStringLiteral("“%1” is not a stage; MLflow's stages are None, Staging, Production and "
                                          "Archived")
                               .arg(w.key));
        if (w.archiveExisting && stage != QLatin1String("Staging") && stage != QLatin1String("Production"))
            return invalid(
                QStringLiteral("only a move to Staging or Production can archive the versions already there"));
        return {};
    }
    case Kind::SetVersionDescription:
        if (pythonLength(w.value) > MaxDescriptionLength)
            return invalid(QStringLiteral("the description has %1 characters; MLflow stores at most %2")
                               .arg(pythonLength(w.value))
                               .arg(MaxDescriptionLength));
        return {};
    }
    return {};
}

Status RegistryWriteRules::checkAll(const RegistryWrites& writes)
{
    if (writes.isEmpty())
        return invalid(QStringLiteral("there is nothing to write"));
    for (const RegistryWrite& w : writes) {
        if (Status s = check(w); !s)
            return s;
    }
    return {};
}

} // namespace prov
