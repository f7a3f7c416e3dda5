#pragma once

class QTableView;

namespace shouwang::ui {

// How every table of rows to look at and open (never typed into) behaves in the client:
// whole rows are selected, the cells take no editing, no row numbers, and the last column
// takes the width that is left.
void makeRowList(QTableView* view);

} // namespace shouwang::ui
