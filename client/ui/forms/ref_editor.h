#pragma once

#include "field_editor.h"

namespace shouwang::ui {

class LedgerSession;

// A record picker: a search box (record_picker.h) showing the chosen record's title. The id
// a record holds is kept as it is, whatever became of its record, until the user picks
// another or clears the box.
std::unique_ptr<FieldEditor> createRefEditor(const FieldDef& field, LedgerSession& session, QWidget* parent);
// Several records: the chosen ones listed by title, a search box to add one, a button to
// remove the selected. Every id the record holds stays unless the user removes it.
std::unique_ptr<FieldEditor> createRefListEditor(const FieldDef& field, LedgerSession& session, QWidget* parent);

} // namespace shouwang::ui
