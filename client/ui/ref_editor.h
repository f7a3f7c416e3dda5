#pragma once

#include "field_editor.h"

#include <QString>

#include <utility>
#include <vector>

namespace shouwang::ui {

// Records a reference can point to, as (id, title), for the village the session keeps.
std::vector<std::pair<std::string, QString>> referenceChoices(LedgerSession& session, std::string_view entity);

// A record picker: a searchable list of the referenced entity's records by title.
std::unique_ptr<FieldEditor> createRefEditor(const FieldDef& field, LedgerSession& session, QWidget* parent);
// Several records: a list with a check box per record.
std::unique_ptr<FieldEditor> createRefListEditor(const FieldDef& field, LedgerSession& session, QWidget* parent);

} // namespace shouwang::ui
