#pragma once

#include <QByteArray>
#include <QString>

namespace prov {

// Decides how PyYAML's yaml.dump writes one string scalar, as MLflow's file store calls it
// (SafeDumper backed by libyaml, allow_unicode=True): PyYAML's resolver says whether the text
// written plain would read back as something else (a number, a boolean, null, a date), and
// libyaml's analysis of the UTF-8 bytes says which styles can carry it. Ported from
// yaml/resolver.py and libyaml 0.2.5's yaml_emitter_analyze_scalar / select_scalar_style.
class PyYamlScalarStyle
{
public:
    enum class Style { Plain, SingleQuoted, DoubleQuoted };
    enum class Context { BlockValue, SimpleKey, FlowValue };

    static Style choose(const QByteArray& utf8, Context context);
    // True when `text` written plain reads back as the same string (PyYAML's implicit
    // resolvers for bool, int, float, null, timestamp, merge and value do not match it).
    static bool plainReadsAsString(const QString& text);
    // libyaml's IS_PRINTABLE for the UTF-8 character at `at` (tab and characters beyond the
    // Basic Multilingual Plane are not).
    static bool isPrintable(const QByteArray& utf8, qsizetype at);
    // libyaml's IS_BREAK: CR, LF, NEL, LS, PS.
    static bool isBreak(const QByteArray& utf8, qsizetype at);
    static int width(char leadByte);
};

} // namespace prov
