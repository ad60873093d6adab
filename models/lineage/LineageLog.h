#pragma once

#include <QLoggingCategory>

// The lineage module's logging category (graph building, Graphviz layout, exports); enable
// with QT_LOGGING_RULES="prov.lineage.debug=true".
Q_DECLARE_LOGGING_CATEGORY(lcLineage)
