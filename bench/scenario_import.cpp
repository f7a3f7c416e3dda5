// Scenario 7: importing a county's ledger file (issue 17): 10,000 elders from a CSV through
// the whole import (decoding, finding the table, normalising, the hand-entry checks, the
// duplicate checks, one transaction), against a plain insert of the same records through
// the ledger in one batch. Both on fresh ledger files in the work folder.
#include "scenarios.h"

#include "domain/date.h"
#include "domain/idcard.h"
#include "exchange/elder_csv.h"
#include "store/ledger.h"

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <sstream>

namespace shouwang::bench {

namespace fs = std::filesystem;

namespace {

constexpr std::size_t kElders = 10000;
constexpr std::string_view kVillage = "500154102201";

struct ElderRow {
    std::string name, id, address;
};

std::vector<ElderRow> elderRows()
{
    std::vector<ElderRow> rows;
    using namespace std::chrono;
    const Date first = sys_days(year{1930} / January / 1);
    for (std::size_t i = 0; i < kElders; ++i) {
        const std::string birth = formatDate(first + days{static_cast<int>(i % 9000)});
        std::string id = "500154" + birth.substr(0, 4) + birth.substr(5, 2) + birth.substr(8, 2) + std::to_string(100 + i / 9000);
        id += idCheckDigit(id);
        rows.push_back({"老人" + std::to_string(i), id, "红宝村" + std::to_string(i / 3) + "号"});
    }
    return rows;
}

std::string freshLedger(const BenchRun& run, const std::string& name)
{
    const std::string path = (fs::path(run.workDir) / name).string();
    for (const char* suffix : {"", "-wal", "-shm"})
        fs::remove(path + suffix);
    return path;
}

double secondsSince(std::chrono::steady_clock::time_point start)
{
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

} // namespace

void runImport(BenchRun& run)
{
    std::printf("scenario 7: import of %zu elders ...\n", kElders);
    std::fflush(stdout);
    const std::vector<ElderRow> rows = elderRows();
    std::ostringstream csv;
    csv << "村（社区）代码,户主姓名,家庭住址,姓名,身份证号,居住情况,联系电话\n";
    for (const ElderRow& row : rows)
        csv << kVillage << ',' << row.name << ',' << row.address << ',' << row.name << ',' << row.id << ",独居,13900000000\n";
    const std::string text = csv.str();

    // The plain insert: the same households and elders saved through the ledger in one batch.
    double plainSeconds = 0;
    {
        auto db = openLedgerDatabase(freshLedger(run, "import-plain.db"));
        Ledger ledger(*db);
        const auto start = std::chrono::steady_clock::now();
        LedgerBatch batch(ledger);
        for (const ElderRow& row : rows) {
            Record household;
            household.entity = "household";
            household.villageCode = std::string(kVillage);
            household.set("head_name", row.name);
            household.set("address", row.address);
            ledger.save(household, "bench");
            Record elder;
            elder.entity = "elder";
            elder.villageCode = std::string(kVillage);
            elder.set("household_id", household.id);
            elder.set("name", row.name);
            elder.set("id_number", row.id);
            elder.set("living", "alone");
            elder.set("phone", "13900000000");
            elder.set("status", "active");
            ledger.save(elder, "bench");
        }
        batch.commit();
        plainSeconds = secondsSince(start);
    }

    double previewSeconds = 0, importSeconds = 0;
    std::size_t imported = 0;
    {
        auto db = openLedgerDatabase(freshLedger(run, "import-file.db"));
        Ledger ledger(*db);
        ImportOptions options;
        options.dryRun = true;
        auto start = std::chrono::steady_clock::now();
        importEldersCsv(ledger, text, options);
        previewSeconds = secondsSince(start);
        options.dryRun = false;
        start = std::chrono::steady_clock::now();
        imported = importEldersCsv(ledger, text, options).imported;
        importSeconds = secondsSince(start);
    }

    Report& r = run.report;
    const double n = static_cast<double>(kElders);
    r.add({"7 import", "CSV import of " + thousands(n) + " elders: rows/s (" + thousands(static_cast<double>(imported))
                           + " imported)",
           thousands(n / importSeconds), "", ""});
    r.add({"7 import", "preview (dry run) of the same file: rows/s", thousands(n / previewSeconds), "", ""});
    r.add({"7 import", "plain insert of the same records in one batch: rows/s", thousands(n / plainSeconds), "", ""});
    r.add({"7 import", "import time / plain insert time", fixed(importSeconds / plainSeconds, 2) + "×", "", ""});
}

} // namespace shouwang::bench
