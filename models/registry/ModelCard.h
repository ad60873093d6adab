#pragma once

#include "domain/CardFields.h"
#include "registry/ModelCardFacts.h"

#include <QStringList>

namespace prov {

// How complete a card is: the hand-written fields that count (ModelCardSchema) and the facts a
// card should be able to show (metrics, datasets, signature, the run it came from).
struct CardCompleteness
{
    int done = 0;
    int total = 0;
    QStringList missing; // labels, in card order

    int percent() const { return total == 0 ? 100 : done * 100 / total; }
};

// A model card: the facts derived from MLflow and the fields written by hand (from the store,
// or a draft). `storedProblem` says why the card stored in the store could not be read.
struct ModelCard
{
    ModelCardFacts facts;
    CardFields fields;
    QString storedProblem;

    QString field(const QString& name) const { return fields.value(name).trimmed(); }
    // A Lines field as its non-empty lines.
    QStringList lines(const QString& name) const;
    CardCompleteness completeness() const;
};

} // namespace prov
