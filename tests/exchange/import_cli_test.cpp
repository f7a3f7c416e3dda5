// `shouwang --db F import FILE` as a clerk or a script runs it: the preview writes nothing,
// and a process killed (SIGKILL) in the middle of a large import leaves nothing of it.
#include "exchange_fixture.h"

#include "../support/process.h"

#include "domain/date.h"
#include "store/change_log.h"

#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>

using namespace shouwang;
using namespace shouwang::test;

namespace {

constexpr std::string_view kVillage = "500154102201";

// `count` elders with distinct valid ID numbers, one household each, as a county's CSV.
void writeElders(const std::string& path, int count)
{
    std::ofstream out(path, std::ios::binary);
    out << "村（社区）代码,户主姓名,家庭住址,姓名,身份证号,居住情况,联系电话\n";
    using namespace std::chrono;
    const Date first = sys_days(year{1930} / January / 1);
    for (int i = 0; i < count; ++i) {
        const std::string birth = formatDate(first + days{i % 10000});
        const std::string digits = birth.substr(0, 4) + birth.substr(5, 2) + birth.substr(8, 2);
        const std::string id = validId(digits, std::to_string(100 + i / 10000));
        const std::string name = "老人" + std::to_string(i);
        out << kVillage << ',' << name << ",红宝村" << i << "号," << name << ',' << id << ",独居,13900000000\n";
    }
}

struct LedgerCounts {
    std::size_t elders = 0;
    std::size_t households = 0;
    std::size_t outbox = 0;
};

LedgerCounts countsOf(const std::string& path)
{
    auto db = openLedgerDatabase(path);
    Ledger ledger(*db);
    return {ledger.count("elder"), ledger.count("household"), ledger.changeLog().pendingCount()};
}

} // namespace

TEST_CASE("import --dry-run prints what would happen and writes nothing, and the import then does the same")
{
    TempLedger dir;
    const std::string db = dir.file("village.db"), csv = dir.file("elders.csv");
    writeElders(csv, 30);
    {
        std::ofstream append(csv, std::ios::app | std::ios::binary);
        append << kVillage << ",张三,红宝村,张三,123,独居,\n合计,,,,,,\n";
    }
    const std::string scratch = dir.dir().string();
    const Exec preview = run({SHOUWANG_CLI_EXE, "--db", db, "import", csv, "--dry-run"}, scratch);
    INFO(preview.out + preview.err);
    CHECK(preview.status == 1); // a row is refused
    CHECK(valueOf(preview.out, "would import") == "30");
    CHECK(valueOf(preview.out, "skipped") == "1");
    CHECK(valueOf(preview.out, "refused") == "1");
    CHECK(preview.out.find("尚未导入任何内容") != std::string::npos);
    CHECK(preview.err.find("其余已导入") == std::string::npos);
    const LedgerCounts none = countsOf(db);
    CHECK(none.elders == 0);
    CHECK(none.outbox == 0);

    const std::string refused = dir.file("refused.csv");
    const Exec done = run({SHOUWANG_CLI_EXE, "--db", db, "import", csv, "--refused", refused}, scratch);
    INFO(done.out + done.err);
    CHECK(valueOf(done.out, "imported") == "30");
    CHECK(valueOf(done.out, "refused") == "1");
    CHECK(done.out.find("已导入") != std::string::npos);
    CHECK(slurp(refused).find("拒绝原因") != std::string::npos);
    CHECK(countsOf(db).elders == 30);
}

TEST_CASE("the CLI killed during a 20,000-row import leaves no elder, no household and no outbox entry from it")
{
    TempLedger dir;
    const std::string db = dir.file("village.db"), csv = dir.file("elders.csv");
    const std::string scratch = dir.dir().string();
    writeElders(csv, 20000);
    // An existing ledger with one elder of its own, so that "nothing" is measured against something.
    const std::string own = dir.file("own.csv");
    {
        std::ofstream out(own, std::ios::binary);
        out << "村（社区）代码,户主姓名,家庭住址,姓名,身份证号,居住情况\n"
            << kVillage << ",王德明,红宝村1组,王德明," << validId("19250101", "131") << ",独居\n";
    }
    REQUIRE(run({SHOUWANG_CLI_EXE, "--db", db, "import", own}, scratch).status == 0);
    const LedgerCounts before = countsOf(db);
    REQUIRE(before.elders == 1);

    // Killed once the import's transaction has written well into the WAL: midway, not before it began.
    const pid_t pid = spawn({SHOUWANG_CLI_EXE, "--db", db, "import", csv}, scratch + "/kill.out", scratch + "/kill.err");
    const std::string wal = db + "-wal";
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(120);
    int status = 0;
    bool finished = false;
    while (std::chrono::steady_clock::now() < deadline) {
        if (waitpid(pid, &status, WNOHANG) == pid) {
            finished = true;
            break;
        }
        std::error_code ignored;
        if (std::filesystem::file_size(wal, ignored) > 5'000'000 && !ignored)
            break;
        std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }
    INFO(slurp(scratch + "/kill.out") + slurp(scratch + "/kill.err"));
    REQUIRE(!finished); // the import must still be running when it is killed
    kill(pid, SIGKILL);
    waitpid(pid, &status, 0);
    REQUIRE(WIFSIGNALED(status));

    const LedgerCounts after = countsOf(db);
    CHECK(after.elders == before.elders);
    CHECK(after.households == before.households);
    CHECK(after.outbox == before.outbox);
}

TEST_CASE("template FILE.xlsx needs no ledger and imports, and export FILE.xlsx --reveal round-trips elders, "
          "supporters and visits")
{
    TempLedger dir;
    const std::string scratch = dir.dir().string();
    const std::string workbook = dir.file("模板.xlsx"), csvTemplate = dir.file("模板.csv");
    const Exec made = run({SHOUWANG_CLI_EXE, "template", workbook}, scratch);
    INFO(made.out + made.err);
    REQUIRE(made.status == 0);
    REQUIRE(run({SHOUWANG_CLI_EXE, "template", csvTemplate}, scratch).status == 0);
    CHECK(slurp(csvTemplate).find("赡养人姓名") != std::string::npos);

    const std::string db = dir.file("village.db");
    const Exec imported = run({SHOUWANG_CLI_EXE, "--db", db, "import", workbook}, scratch);
    INFO(imported.out + imported.err);
    CHECK(imported.status == 0);
    CHECK(valueOf(imported.out, "imported") == "1");
    CHECK(imported.out.find("探访记录新增1条") != std::string::npos);

    const std::string exported = dir.file("台账.xlsx");
    REQUIRE(run({SHOUWANG_CLI_EXE, "--db", db, "export", exported, "--reveal"}, scratch).status == 0);
    const std::string other = dir.file("other.db");
    const Exec again = run({SHOUWANG_CLI_EXE, "--db", other, "import", exported}, scratch);
    INFO(again.out + again.err);
    CHECK(again.status == 0);
    CHECK(valueOf(again.out, "imported") == "1");
    CHECK(again.out.find("探访记录新增1条") != std::string::npos);
    auto database = openLedgerDatabase(other);
    Ledger ledger(*database);
    CHECK(ledger.count("supporter") == 2);
    CHECK(ledger.count("visit") == 1);
}
