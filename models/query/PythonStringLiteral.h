#pragma once

#include <QString>
#include <QStringView>

namespace prov {

// The few Python string rules MLflow's filter parsing depends on. A list after IN / NOT IN is
// read with Python's ast.literal_eval (search_utils.py), so its items are Python literals:
// backslash escapes are decoded and adjacent literals join ('it''s' is "its"). MLflow then
// keeps only the items for which str.islower() holds (run ids are lower case).
class PythonStringLiteral
{
public:
    // The value of one or more adjacent quoted literals ('a', "b", 'a' 'b', 'it\'s').
    static QString decode(QStringView source);
    // Python's str.islower(): at least one cased character, and no upper or title case one.
    static bool isLower(QStringView text);
};

} // namespace prov
