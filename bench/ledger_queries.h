#pragma once

#include "store/elder_query.h"

#include <string>
#include <vector>

namespace shouwang::bench {

// One of scenario 4's ledger queries: what a user types in the search box or picks among
// the filters, as the ElderFilter the table asks the store for (a page of 500).
struct LedgerQuery {
    std::string name; // "flag_alone": the key of its facts
    ElderFilter filter;
};

// The queries scenario 4 times, through the core (client-queries) and through the client's
// table model (shouwang-client-bench), so both measure the same searches. The search words
// are taken from `firstPage` — findElders with the default filter and a limit of 500 — so
// every query finds something.
std::vector<LedgerQuery> ledgerQueries(const std::vector<ElderRow>& firstPage);

} // namespace shouwang::bench
