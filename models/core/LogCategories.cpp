#include "core/LogCategories.h"

Q_LOGGING_CATEGORY(lcStore, "prov.store", QtWarningMsg)
Q_LOGGING_CATEGORY(lcCache, "prov.cache", QtWarningMsg)
Q_LOGGING_CATEGORY(lcSync, "prov.sync", QtWarningMsg)
Q_LOGGING_CATEGORY(lcQuery, "prov.query", QtWarningMsg)
Q_LOGGING_CATEGORY(lcJournal, "prov.journal", QtWarningMsg)
Q_LOGGING_CATEGORY(lcRegistry, "prov.registry", QtWarningMsg)
Q_LOGGING_CATEGORY(lcDatabase, "prov.db", QtWarningMsg)
Q_LOGGING_CATEGORY(lcRest, "prov.rest", QtWarningMsg)
