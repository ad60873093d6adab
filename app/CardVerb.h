#pragma once

#include "CliVerb.h"

namespace prov {

// `provenance card STORE --model NAME --version N [--format md|json|pdf --out FILE]
// [--set FIELD=TEXT …] [--save]`: a version's model card, auto-filled from MLflow and completed
// with its hand-written fields. --set edits fields (kept as a draft in the journal until
// saved); --save writes the card to the store as model-version tags. Draws PDFs, so it runs
// with an offscreen QApplication.
class CardVerb : public CliVerb
{
public:
    QString name() const override;
    QString synopsis() const override;
    QString summary() const override;
    QList<QCommandLineOption> options() const override;
    bool needsRendering() const override { return true; }
    int run(CliContext& context, const QCommandLineParser& parser) const override;
};

} // namespace prov
