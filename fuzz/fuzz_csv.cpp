// A CSV file a county office typed in Excel: importEldersCsv into a ledger in memory.
//
// The ledger is made (and migrated) once; each input is imported inside a transaction that
// is rolled back afterwards, so every input starts from the same empty ledger at the cost
// of an import, not of creating thirty tables (docs/reliability.md: executions per second).
#include "exchange/elder_csv.h"

#include "store/ledger.h"

#include <cstdint>
#include <memory>
#include <string>

namespace {

struct EmptyLedger {
    std::unique_ptr<shouwang::Database> db = shouwang::openLedgerDatabase(":memory:");
    shouwang::Ledger ledger{*db};
};

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    if (size > 64 * 1024)
        return 0; // bigger files only repeat rows; keep executions fast
    static EmptyLedger state;
    shouwang::ImportOptions options;
    options.villagePrefix = "500154";
    {
        shouwang::Transaction undo(*state.db); // never committed: the import is undone
        shouwang::importEldersCsv(state.ledger, std::string_view(reinterpret_cast<const char*>(data), size), options);
    }
    state.ledger.derived().forgetStandard();
    return 0;
}
