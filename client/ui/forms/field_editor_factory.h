#pragma once

#include "field_editor.h"

namespace shouwang::ui {

class LedgerSession;

// The editor a form shows for a field, chosen by its FieldType. Kept apart from
// FieldEditor so that the editors of one kind (dates, references) depend on the base
// and this choice depends on them, not the other way round.
std::unique_ptr<FieldEditor> createFieldEditor(const FieldDef& field, LedgerSession& session, QWidget* parent);

} // namespace shouwang::ui
