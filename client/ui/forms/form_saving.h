#pragma once

#include "domain/record.h"

#include <initializer_list>

class QLabel;

namespace shouwang::ui {

class LedgerSession;
class RecordForm;

// Writes the forms into `record` and saves it. When the core refuses, each refused value's
// message goes to its field, anything else to `message`, and nothing the user typed is
// touched. Returns true once saved; `record` then holds the stored record. Text typed into a
// picker that matches none of its choices is refused at its field, never dropped.
// `alongside` (a new household typed into the elder's form) is saved first in the same
// transaction: both are stored or neither.
bool saveFromForms(LedgerSession& session, Record& record, std::initializer_list<RecordForm*> forms, QLabel* message,
                   Record* alongside = nullptr);

} // namespace shouwang::ui
