// Personal data on disk and in output (DESIGN.md §5): ledger files readable by their owner
// only, no names, ID numbers or phones in the server's output, masked exports unless asked.
#include "../cli/county_fixture.h"
#include "../support/records.h"

#include "store/database.h"

#include <sys/stat.h>

#include <filesystem>
#include <fstream>

using namespace shouwang;
using namespace shouwang::test;

namespace {

unsigned modeOf(const std::string& path)
{
    struct stat st {};
    REQUIRE(::stat(path.c_str(), &st) == 0);
    return st.st_mode & 0777;
}

// An elder with a name, an ID number and a phone that must not leak anywhere.
Record sensitiveElder(const std::string& village)
{
    return test::recordOf("elder",
                          {{"name", "隐私测试员甲"},
                           {"id_number", "11010519491231002X"},
                           {"phone", "13912345678"},
                           {"living", "alone"},
                           {"status", "active"}},
                          village);
}

} // namespace

TEST_CASE("the ledger file and its WAL and SHM companions are readable and writable by their owner only")
{
    TempDir dir;
    const std::string path = dir.file("村.db");
    {
        ::umask(022); // the usual default: SQLite alone would make the files 0644
        auto db = openLedgerDatabase(path);
        Ledger ledger(*db);
        Record r = sensitiveElder("500154101001");
        REQUIRE(ledger.save(r, "测试员").ok());
        for (const char* suffix : {"", "-wal", "-shm"}) {
            INFO(suffix);
            REQUIRE(std::filesystem::exists(path + suffix));
            CHECK(modeOf(path + suffix) == 0600);
        }
    }
    // A file copied in with open permissions is narrowed the next time it is opened.
    std::filesystem::permissions(path, std::filesystem::perms::others_read | std::filesystem::perms::group_read,
                                 std::filesystem::perm_options::add);
    REQUIRE(modeOf(path) == 0644);
    auto db = openLedgerDatabase(path);
    CHECK(modeOf(path) == 0600);
}

TEST_CASE("the server's output carries no names, ID numbers or phones of the records it receives")
{
    County county;
    Device device(county.dir, "village");
    device.enroll(county, std::string("village:") + kVillageA);
    Record elder = sensitiveElder(kVillageA);
    REQUIRE(device.ledger->save(elder, "录入员丙").ok());
    device.household(kVillageA, "隐私户主丁");
    REQUIRE(device.sync().ok());
    county.server.stop(SIGTERM);

    std::string output;
    for (const auto& entry : std::filesystem::directory_iterator(county.dir.path())) {
        const std::string name = entry.path().filename().string();
        if (name.find(".log") != std::string::npos || name.ends_with(".out") || name.ends_with(".err"))
            output += slurp(entry.path().string());
    }
    REQUIRE(output.find("listening on") != std::string::npos); // we did read the server's output
    for (const char* secret : {"隐私测试员甲", "11010519491231002X", "13912345678", "隐私户主丁"})
        CHECK(output.find(secret) == std::string::npos);
}

TEST_CASE("shouwang export masks ID numbers and phones unless --reveal is given")
{
    TempDir dir;
    const std::string db = dir.file("village.db");
    {
        auto database = openLedgerDatabase(db);
        Ledger ledger(*database);
        Record r = sensitiveElder("500154101001");
        REQUIRE(ledger.save(r, "测试员").ok());
    }
    const std::string masked = dir.file("masked.csv"), revealed = dir.file("revealed.csv");
    REQUIRE(run({SHOUWANG_CLI_EXE, "--db", db, "export", masked}, dir.path().string()).status == 0);
    REQUIRE(run({SHOUWANG_CLI_EXE, "--db", db, "export", revealed, "--reveal"}, dir.path().string()).status == 0);
    CHECK(slurp(masked).find("11010519491231002X") == std::string::npos);
    CHECK(slurp(masked).find("13912345678") == std::string::npos);
    CHECK(slurp(revealed).find("11010519491231002X") != std::string::npos);
    CHECK(slurp(revealed).find("13912345678") != std::string::npos);
}

TEST_CASE("bundles, bundle answers, CSV and Excel exports and reports are written readable by their owner only")
{
    ::umask(022); // the usual default: without care every one of these would be 0644
    County county;
    Device device(county.dir, "village");
    device.enroll(county, std::string("village:") + kVillageA);
    Record elder = sensitiveElder(kVillageA);
    REQUIRE(device.ledger->save(elder, "录入员").ok());
    const std::string scratch = county.dir.path().string();
    const std::string bundle = county.dir.file("out.bundle"), answer = county.dir.file("answer.bundle"),
                      csv = county.dir.file("ledger.csv"), xlsx = county.dir.file("report.xlsx"),
                      reportCsv = county.dir.file("report.csv");
    // An export over an existing world-readable file narrows it too.
    { std::ofstream(csv) << "old"; }
    std::filesystem::permissions(csv, std::filesystem::perms::others_read | std::filesystem::perms::group_read,
                                 std::filesystem::perm_options::add);
    device.ledger.reset(); // the CLI opens the ledger itself
    device.db.reset();

    const Exec exported = run({SHOUWANG_CLI_EXE, "--db", device.path, "export-bundle", bundle}, scratch);
    INFO(exported.err);
    REQUIRE(exported.status == 0);
    CHECK(exported.out.find("readable by its owner only") != std::string::npos);
    const Exec csvOut = run({SHOUWANG_CLI_EXE, "--db", device.path, "export", csv, "--reveal"}, scratch);
    REQUIRE(csvOut.status == 0);
    CHECK(csvOut.out.find("readable by its owner only") != std::string::npos);
    county.server.stop();
    const Exec imported = county.admin({"import-bundle", bundle, "--answer", answer});
    INFO(imported.err);
    REQUIRE(imported.status == 0);
    CHECK(imported.out.find("readable by its owner only") != std::string::npos);
    REQUIRE(county.admin({"report", "--format", "xlsx", "--with-ledger", "--out", xlsx}).status == 0);
    REQUIRE(county.admin({"report", "--format", "csv", "--out", reportCsv}).status == 0);
    for (const std::string& path : {bundle, answer, csv, xlsx, reportCsv}) {
        INFO(path);
        CHECK(modeOf(path) == 0600);
    }
}
