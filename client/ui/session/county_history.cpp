#include "county_history.h"

#include "ledger_session.h"

#include "net/beast_transport.h"
#include "store/ledger.h"
#include "store/meta.h"

namespace shouwang::ui {

bool historyAtCounty(LedgerSession& session)
{
    return !session.ledger().meta().value(meta::kHistoryFrom).empty();
}

HistoryResult countyHistory(LedgerSession& own, const std::string& recordId)
{
    Meta& meta = own.ledger().meta();
    net::BeastTransport transport(meta.value(meta::kServerUrl), net::ledgerTransportOptions(meta));
    SyncOptions options;
    options.maxAttempts = 2;
    return SyncClient(own.ledger(), transport).fetchHistory(recordId, options);
}

} // namespace shouwang::ui
