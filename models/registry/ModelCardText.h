#pragma once

#include "registry/ModelCard.h"

#include <QString>
#include <QStringList>

#include <optional>

namespace prov {

// How the exports read the hand-written text of a card into the Model Card Toolkit's shapes,
// so that Markdown, JSON, HTML and PDF agree: an owner line is "Name <contact>", an ethical
// consideration line is "risk — mitigation", a license is an SPDX identifier when it is one
// word, else custom text. Also the shared formatting of values and times.
class ModelCardText
{
public:
    struct Owner
    {
        QString name;
        QString contact;
    };
    struct Risk
    {
        QString name;
        QString mitigation;
    };

    static QList<Owner> owners(const ModelCard& card);
    static QList<Risk> risks(const ModelCard& card);
    // The license as an SPDX-style identifier, when it is a single word.
    static std::optional<QString> licenseIdentifier(const ModelCard& card);
    static QString number(double value);
    // ISO 8601 date-time in UTC, e.g. 2026-11-22T04:29:47Z; empty for no time.
    static QString isoTime(std::optional<qint64> ms);
    // The facts' metrics worth a card: model-linked evaluation metrics, then the run's.
    static QList<CardMetric> reportedMetrics(const ModelCardFacts& facts);
    // "Developed by" for exports: the owners, else MLflow's users.
    static QString people(const ModelCard& card);
};

} // namespace prov
