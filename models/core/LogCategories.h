#pragma once

#include <QLoggingCategory>

// One logging category per module (DESIGN.md, house style 11). Enable with
// QT_LOGGING_RULES="prov.sync.debug=true" and similar.
Q_DECLARE_LOGGING_CATEGORY(lcStore)
Q_DECLARE_LOGGING_CATEGORY(lcCache)
Q_DECLARE_LOGGING_CATEGORY(lcSync)
Q_DECLARE_LOGGING_CATEGORY(lcQuery)
Q_DECLARE_LOGGING_CATEGORY(lcJournal)
Q_DECLARE_LOGGING_CATEGORY(lcRegistry)
// SQLite's own error text and the failing statement (info level), never shown to a user.
Q_DECLARE_LOGGING_CATEGORY(lcDatabase)
Q_DECLARE_LOGGING_CATEGORY(lcRest)
