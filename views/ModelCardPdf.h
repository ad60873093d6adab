#pragma once

#include "core/Result.h"
#include "registry/ModelCard.h"

#include <QString>

namespace prov {

// Writes a model card as a PDF (A4, the ModelCardHtml layout for print, page numbers in the
// footer) through Qt's PDF writer; needs a QGuiApplication (fonts), never a display. The file
// is written whole or not at all (QSaveFile).
class ModelCardPdf
{
public:
    static Status write(const ModelCard& card, const QString& path);
};

} // namespace prov
