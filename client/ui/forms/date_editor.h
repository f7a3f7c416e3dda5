#pragma once

#include "field_editor.h"

namespace shouwang::ui {

// A date (or date and time) that may be "not set": the edit's minimum stands for no value
// and shows as such, and a button fills in today, the usual answer.
std::unique_ptr<FieldEditor> createDateEditor(const FieldDef& field, QWidget* parent, bool withTime);

} // namespace shouwang::ui
