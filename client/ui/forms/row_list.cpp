#include "row_list.h"

#include <QHeaderView>
#include <QTableView>

namespace shouwang::ui {

void makeRowList(QTableView* view)
{
    view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    view->setSelectionBehavior(QAbstractItemView::SelectRows);
    view->verticalHeader()->hide();
    view->horizontalHeader()->setStretchLastSection(true);
}

} // namespace shouwang::ui
