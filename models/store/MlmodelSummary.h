#pragma once

#include "core/Result.h"

#include <QByteArray>
#include <QString>
#include <QStringList>

namespace prov {

// What Provenance reads from a model's MLmodel file (YAML written by MLflow): its flavor names
// and its signature, the JSON strings MLflow keeps under signature.inputs / signature.outputs.
// Both store readers use it, so a file store and an SQLite backend's artifacts read alike.
struct MlmodelSummary
{
    QStringList flavors; // sorted
    QString signatureInputs;
    QString signatureOutputs;

    // Corrupt when the text is not YAML; a file without flavors or signature gives empty parts.
    static Result<MlmodelSummary> parse(const QByteArray& yaml);
};

} // namespace prov
