#pragma once

#include "core/Result.h"
#include "domain/RegistryWrite.h"

#include <QByteArray>

namespace prov {

// Turns lists of RegistryWrites into the JSON the outbox keeps, and back. The kind names are
// stable text ("set_version_tag", ...) so that journals stay readable across versions.
class RegistryWriteCodec
{
public:
    static QByteArray encode(const RegistryWrites& writes);
    static Result<RegistryWrites> decode(const QByteArray& json);
};

} // namespace prov
