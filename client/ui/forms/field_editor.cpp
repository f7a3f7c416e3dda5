#include "field_editor.h"

namespace shouwang::ui {

FieldEditor::FieldEditor(const FieldDef& field, QObject* parent)
    : QObject(parent)
    , m_field(field)
{
}

} // namespace shouwang::ui
