#include "lineage/LineageLog.h"

Q_LOGGING_CATEGORY(lcLineage, "prov.lineage", QtWarningMsg)
