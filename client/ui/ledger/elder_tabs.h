#pragma once

#include <string>

class QTabWidget;
class QVBoxLayout;

namespace shouwang::ui {

class LedgerSession;

// The lists that hang off a saved elder, as tabs of the elder's record: supporters and duty
// notices (under the household), visits, assessments, care agreements, pairings and
// liaison volunteers, services received, incident reports and the change history.
void addElderRecordTabs(LedgerSession& session, const std::string& elderId, QTabWidget* tabs,
                        QVBoxLayout* householdLayout);

} // namespace shouwang::ui
