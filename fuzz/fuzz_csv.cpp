// A CSV file a county office typed in Excel: importEldersCsv into a fresh ledger.
#include "exchange/elder_csv.h"

#include "store/ledger.h"

#include <cstdint>
#include <string>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    if (size > 64 * 1024)
        return 0; // bigger files only repeat rows; keep executions fast
    auto db = shouwang::openLedgerDatabase(":memory:");
    shouwang::Ledger ledger(*db);
    shouwang::ImportOptions options;
    options.villagePrefix = "500154";
    shouwang::importEldersCsv(ledger, std::string_view(reinterpret_cast<const char*>(data), size), options);
    return 0;
}
