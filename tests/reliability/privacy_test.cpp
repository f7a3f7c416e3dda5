// Personal data on disk and in output (DESIGN.md §5): ledger files readable by their owner
// only, no names, ID numbers or phones in the server's output, masked exports unless asked.
#include "../cli/county_fixture.h"

#include "store/database.h"

#include <sys/stat.h>

#include <filesystem>

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
    Record r;
    r.entity = "elder";
    r.villageCode = village;
    r.set("name", "隐私测试员甲");
    r.set("id_number", "11010519491231002X");
    r.set("phone", "13912345678");
    r.set("living", "alone");
    r.set("status", "active");
    return r;
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
