#pragma once

#include "domain/record.h"

#include <QString>

class QWidget;

namespace shouwang::ui {

class LedgerSession;

// The printable 督促履行赡养义务通知书 for the supporter a duty notice names: the wording is
// the core's (domain/duty_notice_letter.h), laid out on an A4 page.
QString dutyNoticeHtml(LedgerSession& session, const Record& notice);
// Prints it or saves it as a PDF (printOrSave).
void printDutyNotice(LedgerSession& session, const Record& notice, QWidget* parent);

} // namespace shouwang::ui
