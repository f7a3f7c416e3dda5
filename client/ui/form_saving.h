#pragma once

#include "domain/record.h"

#include <initializer_list>

class QLabel;
class QWidget;

namespace shouwang::ui {

class LedgerSession;
class RecordForm;

// Writes the forms into `record` and saves it. When the core refuses, each refused value's
// message goes to its field, anything else to `message`, and nothing the user typed is
// touched. Returns true once saved; `record` then holds the stored record.
bool saveFromForms(LedgerSession& session, Record& record, std::initializer_list<RecordForm*> forms, QLabel* message);

// "You have unsaved changes" — true when the user chooses to throw them away.
bool confirmDiscard(QWidget* parent);

} // namespace shouwang::ui
