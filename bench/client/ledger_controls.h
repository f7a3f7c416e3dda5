#pragma once

#include "store/elder_query.h"

namespace shouwang::ui {
class LedgerView;
}

namespace shouwang::bench {

// Scenario 4's queries as a user makes them in the ledger page's controls.

// Untimed, between queries: no search, no flag, every risk level and status, no overdue,
// and the list reloaded once — every elder of the scope, so each query starts from the
// whole list as a user's first filter would. The order stays as the header last set it.
void showEveryElder(ui::LedgerView& view);

// What a user does for `query` (one control: search words, a flag, a risk level, the
// overdue box or a column header): ticking a box or picking a level reloads through the
// control's own signal; search words are applied as when typing pauses (the view's delay
// then applyFilter); a column sort goes through the header, as a click does. Throws for a
// query no single control makes.
void pickQuery(ui::LedgerView& view, const ElderFilter& query);

// The header column `query` sorts by, -1 when it keeps the default order.
int sortSection(const ElderFilter& query);

} // namespace shouwang::bench
