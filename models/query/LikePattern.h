#pragma once

#include <QString>
#include <QStringView>

namespace prov {

// Translates an MLflow LIKE / ILIKE pattern ('%' any run, '_' one character, no escape
// character) into an SQLite GLOB pattern. SQLite's own LIKE ignores ASCII case and knows no
// other case, while MLflow's LIKE is case-sensitive and its ILIKE folds every letter; GLOB is
// case-sensitive and UTF-8 aware, so LIKE maps onto it directly and ILIKE becomes a GLOB where
// each cased letter is the class of its case forms ('é' -> [éÉ]).
class LikePattern
{
public:
    enum class Case { Sensitive, Insensitive };

    static QString toGlob(QStringView likePattern, Case sensitivity);
    // A GLOB matching any text that contains `literal` (no wildcards in it), e.g. for
    // searching run names by a typed word.
    static QString containing(QStringView literal, Case sensitivity);
};

} // namespace prov
