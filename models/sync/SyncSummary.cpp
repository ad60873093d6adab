#include "sync/SyncSummary.h"

#include <QLocale>

namespace prov {

QString SyncSummary::oneLine() const
{
    const QLocale c = QLocale::c();
    QString line = QStringLiteral("%1: %2 experiments, %3 runs (%4 read, %5 unchanged), %6 metric points, %7 issues, "
                                  "%8 s")
                       .arg(storeUri)
                       .arg(record.experiments)
                       .arg(record.runs)
                       .arg(record.runsRead)
                       .arg(runsUnchanged)
                       .arg(c.toString(record.metricPoints))
                       .arg(record.issues)
                       .arg(record.seconds, 0, 'f', 2);
    if (requests > 0)
        line += QStringLiteral(", %1 requests, %2 received")
                    .arg(c.toString(requests),
                        c.formattedDataSize(bytesReceived, 1, QLocale::DataSizeTraditionalFormat));
    if (record.outcome != QLatin1String("completed"))
        line += QStringLiteral(" [") + record.outcome + QLatin1Char(']');
    return line;
}

} // namespace prov
