// The county tells a village at its next sync that an elder it brings has a 身份证号 an
// elder of another village already holds: a village laptop holds only its own village, so
// its import cannot know. Real server process, real CLI, real files.
#include "county_fixture.h"

#include "../support/people.h"
#include "../support/records.h"

#include "store/id_number_notices.h"

#include <fstream>

using namespace shouwang;
using namespace shouwang::test;

namespace {

std::vector<IdNumberNotice> heldBy(const std::string& path)
{
    auto db = openLedgerDatabase(path);
    return IdNumberNotices(*db).held();
}

std::size_t count(const std::string& text, const std::string& word)
{
    std::size_t n = 0;
    for (auto at = text.find(word); at != std::string::npos; at = text.find(word, at + word.size()))
        ++n;
    return n;
}

// Village A (大坝村) has 张三 with `shared` at the county; village B's (红宝村) laptop is
// enrolled, with its ledger in `b`, driven through the CLI.
struct TwoVillages {
    County county;
    const std::string shared;
    Device a{county.dir, "a"};
    Record zhang;
    const std::string b = county.dir.file("b.db"), csv = county.dir.file("b.csv");

    explicit TwoVillages(std::string idNumber)
        : shared(std::move(idNumber))
    {
        a.enroll(county, std::string("village:") + kVillageA);
        zhang = recordOf("elder", {{"name", "张三"}, {"id_number", shared}, {"living", "alone"}, {"status", "active"}},
                         kVillageA);
        REQUIRE(a.ledger->save(zhang, "测试员").ok());
        REQUIRE(a.sync().ok());
        REQUIRE(
            cli({"enroll", "--server", county.server.url(), "--code", county.code(std::string("village:") + kVillageB)})
                .status
            == 0);
    }
    Exec cli(std::vector<std::string> args)
    {
        args.insert(args.begin(), {SHOUWANG_CLI_EXE, "--db", b});
        return run(args, county.dir.path().string());
    }
    // B's ledger file: a header and its rows.
    void writeCsv(const std::string& text) { std::ofstream(csv, std::ios::binary) << text; }
};

} // namespace

TEST_CASE(
    "an ID number held in another village is told to the device at sync, kept once, and printed by name and village")
{
    const std::string own = distinctIdNumber(8);
    TwoVillages v(distinctIdNumber(7));
    const std::string& shared = v.shared;
    const auto cli = [&](std::vector<std::string> args) { return v.cli(std::move(args)); };

    // Village B's laptop (红宝村) imports its ledger: 李四 with the same number, 王五 with his own.
    v.writeCsv("村（社区）代码,户主姓名,家庭住址,姓名,身份证号,居住情况,联系电话\n" + std::string(kVillageB)
               + ",李四,红宝村一组,李四," + shared + ",独居,13900000001\n" + kVillageB + ",王五,红宝村二组,王五," + own
               + ",独居,13900000002\n");
    const Exec imported = cli({"import", v.csv});
    INFO(imported.out + imported.err);
    REQUIRE(imported.status == 0);
    CHECK(imported.out.find("张三") == std::string::npos); // this laptop cannot know yet

    const Exec synced = cli({"sync"});
    INFO(synced.out + synced.err);
    REQUIRE(synced.status == 0);
    CHECK(valueOf(synced.out, "refused") == "0"); // the county still takes 李四: people move
    CHECK(valueOf(synced.out, "same-id-elsewhere") == "1");
    CHECK(count(synced.out, "notice ") == 1);
    CHECK(synced.out.find("notice 李四") != std::string::npos);
    CHECK(synced.out.find("大坝村") != std::string::npos);
    CHECK(synced.out.find("的“张三”相同") != std::string::npos);
    CHECK(synced.out.find("王五") == std::string::npos);

    std::vector<IdNumberNotice> held = heldBy(v.b);
    REQUIRE(held.size() == 1);
    CHECK(held[0].elderName == "李四");
    CHECK(held[0].idNumber == shared);
    CHECK(held[0].otherName == "张三");
    CHECK(held[0].otherElderId == v.zhang.id);
    CHECK(held[0].otherVillageCode == kVillageA);
    CHECK(held[0].otherVillage.find("大坝村") != std::string::npos);

    // A second sync tells nothing new and still shows the one notice, once.
    const Exec again = cli({"sync"});
    REQUIRE(again.status == 0);
    CHECK(valueOf(again.out, "same-id-elsewhere") == "1");
    CHECK(count(again.out, "notice ") == 1);
    CHECK(heldBy(v.b).size() == 1);

    // The county ledger holds both people: nothing was merged or refused.
    v.county.inspect([&](Ledger& ledger, Database&) { CHECK(ledger.count("elder") == 3); });
}

TEST_CASE("a village on a USB stick is told too: the county's answer bundle carries the notice")
{
    TwoVillages v(distinctIdNumber(9));
    const std::string out = v.county.dir.file("b.shwb"), answer = v.county.dir.file("answer.shwb");
    const auto cli = [&](std::vector<std::string> args) { return v.cli(std::move(args)); };
    v.writeCsv("村（社区）代码,户主姓名,家庭住址,姓名,身份证号,居住情况\n" + std::string(kVillageB)
               + ",李四,红宝村一组,李四," + v.shared + ",独居\n");
    REQUIRE(cli({"import", v.csv}).status == 0);
    REQUIRE(cli({"export-bundle", out}).status == 0);
    REQUIRE(v.county.admin({"import-bundle", out, "--answer", answer}).status == 0);
    const Exec imported = cli({"import-bundle", answer});
    INFO(imported.out + imported.err);
    REQUIRE(imported.status == 0);
    CHECK(valueOf(imported.out, "same-id-elsewhere") == "1");
    CHECK(imported.out.find("notice 李四") != std::string::npos);
    CHECK(imported.out.find("的“张三”相同") != std::string::npos);
    CHECK(heldBy(v.b).size() == 1);
}
