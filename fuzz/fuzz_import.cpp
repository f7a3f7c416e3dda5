// A file a clerk picks to import, whatever it really is: importEldersBytes, the whole path
// (the .xlsx zip and XML reader, the text encoding detection, the header search, the
// value normalisation, the row checks) as a dry run on a real ledger file.
//
// The ledger is made once per process in the temporary directory, with elders of two
// villages so rows can match an elder (the update path) or a 身份证号 of another village
// (the warning). A dry run writes nothing, so every input meets the same ledger.
#include "exchange/elder_csv.h"

#include "store/ledger.h"

#include "domain/idcard.h"

#include <cstdint>
#include <filesystem>
#include <memory>
#include <random>
#include <string>
#include <system_error>

namespace {

struct SampleLedger {
    std::filesystem::path dir;
    std::unique_ptr<shouwang::Database> db;
    std::unique_ptr<shouwang::Ledger> ledger;

    SampleLedger()
    {
        dir = std::filesystem::temp_directory_path() / ("shouwang-fuzz-import-" + std::to_string(std::random_device{}()));
        std::filesystem::create_directories(dir);
        db = shouwang::openLedgerDatabase((dir / "ledger.db").string());
        ledger = std::make_unique<shouwang::Ledger>(*db);
        add("500154102200", "张秀英", "11010519491231002X");
        add("500154102201", "李桂兰", std::string("50015419500301123") + shouwang::idCheckDigit("50015419500301123"));
    }

    ~SampleLedger()
    {
        ledger.reset();
        db.reset();
        std::error_code ignored;
        std::filesystem::remove_all(dir, ignored);
    }

    void add(const char* village, const char* name, const std::string& idNumber)
    {
        shouwang::Record elder;
        elder.entity = "elder";
        elder.villageCode = village;
        elder.set("name", name);
        elder.set("id_number", idNumber);
        elder.set("living", "alone");
        elder.set("status", "active");
        ledger->save(elder, "fuzz");
    }
};

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    if (size > 256 * 1024)
        return 0; // a larger workbook only repeats rows; keep executions fast
    static SampleLedger state;
    shouwang::ImportOptions options;
    options.villagePrefix = "500154";
    options.dryRun = true;
    shouwang::importEldersBytes(*state.ledger, std::string_view(reinterpret_cast<const char*>(data), size), options);
    state.ledger->derived().forgetStandard();
    return 0;
}
