#include "searchable_combo.h"

#include <QComboBox>
#include <QCompleter>

namespace shouwang::ui {

void makeSearchable(QComboBox* combo)
{
    combo->setEditable(true);
    combo->setInsertPolicy(QComboBox::NoInsert);
    combo->completer()->setFilterMode(Qt::MatchContains);
    combo->completer()->setCompletionMode(QCompleter::PopupCompletion);
}

} // namespace shouwang::ui
