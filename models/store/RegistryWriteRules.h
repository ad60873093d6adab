#pragma once

#include "core/Result.h"
#include "domain/RegistryWrite.h"

#include <QString>

namespace prov {

// MLflow's own rules for registry writes (mlflow/utils/validation.py and the stores), checked
// before any store is touched so that every store kind refuses the same things with the same
// sentence. Limits are the strictest MLflow has used: model version tag values were limited
// to 5,000 characters until MLflow 3 raised it to 100,000, and a store may be read by either.
class RegistryWriteRules
{
public:
    static constexpr int MaxTagKeyLength = 250;
    static constexpr int MaxTagValueLength = 5000; // characters (code points), as Python counts
    static constexpr int MaxAliasLength = 255;
    static constexpr int MaxDescriptionLength = 5000;

    // InvalidArgument with a sentence naming what is wrong; ok when MLflow would accept it.
    static Status check(const RegistryWrite& write);
    static Status checkAll(const RegistryWrites& writes);

    // "Production" for "production", etc.; empty when `stage` is not one of MLflow's four.
    static QString canonicalStage(const QString& stage);
    // Characters as Python's len() counts them (code points, not UTF-16 units).
    static qsizetype pythonLength(const QString& text);

private:
    static Status checkTagKey(const QString& key);
    static Status checkAlias(const QString& alias);
};

} // namespace prov
