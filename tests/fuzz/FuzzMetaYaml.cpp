// libFuzzer target: a meta.yaml (or MLmodel) file as the file-store reader parses it with
// yaml-cpp, and as the store writer's line-preserving editor parses and rewrites it.
#include "store/file/FileStoreYaml.h"
#include "store/file/MetaYamlDocument.h"

#include <QByteArray>
#include <QString>

#include <cstddef>
#include <cstdint>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    const QString location = QStringLiteral("fuzz/meta.yaml");
    if (auto yaml = prov::FileStoreYaml::parse(text, location)) {
        for (const char* key : { "run_id", "name", "tags", "status", "start_time", "aliases", "flavors" }) {
            (void)yaml->text(key);
            (void)yaml->integer(key);
            (void)yaml->stringMap(key);
        }
    }
    const QByteArray bytes(text.data(), static_cast<qsizetype>(text.size()));
    if (auto document = prov::MetaYamlDocument::parse(bytes, location)) {
        document->set(QStringLiteral("status"), QByteArrayLiteral("status: 3\n"));
        (void)document->text();
    }
    return 0;
}
