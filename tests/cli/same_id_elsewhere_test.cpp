// The county tells a village at its next sync that an elder it brings has a 身份证号 an
// elder of another village already holds: a village laptop holds only its own village, so
// its import cannot know. Real server process, real CLI, real files.
#include "county_fixture.h"

#include "../support/people.h"

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

} // namespace

TEST_CASE("an ID number held in another village is told to the device at sync, kept once, and printed by name and village")
{
    County county;
    const std::string shared = distinctIdNumber(7), own = distinctIdNumber(8);

    // Village A (大坝村) has 张三 with the number, at the county.
    Device a(county.dir, "a");
    a.enroll(county, std::string("village:") + kVillageA);
    Record zhang;
    zhang.entity = "elder";
    zhang.villageCode = kVillageA;
    zhang.set("name", "张三");
    zhang.set("id_number", shared);
    zhang.set("living", "alone");
    zhang.set("status", "active");
    REQUIRE(a.ledger->save(zhang, "测试员").ok());
    REQUIRE(a.sync().ok());

    // Village B's laptop (红宝村) imports its ledger: 李四 with the same number, 王五 with his own.
    const std::string b = county.dir.file("b.db"), csv = county.dir.file("b.csv");
    const auto cli = [&](std::vector<std::string> args) {
        args.insert(args.begin(), {SHOUWANG_CLI_EXE, "--db", b});
        return run(args, county.dir.path().string());
    };
    REQUIRE(cli({"enroll", "--server", county.server.url(), "--code", county.code(std::string("village:") + kVillageB)})
                .status == 0);
    {
        std::ofstream out(csv, std::ios::binary);
        out << "村（社区）代码,户主姓名,家庭住址,姓名,身份证号,居住情况,联系电话\n"
            << kVillageB << ",李四,红宝村一组,李四," << shared << ",独居,13900000001\n"
            << kVillageB << ",王五,红宝村二组,王五," << own << ",独居,13900000002\n";
    }
    const Exec imported = cli({"import", csv});
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

    std::vector<IdNumberNotice> held = heldBy(b);
    REQUIRE(held.size() == 1);
    CHECK(held[0].elderName == "李四");
    CHECK(held[0].idNumber == shared);
    CHECK(held[0].otherName == "张三");
    CHECK(held[0].otherElderId == zhang.id);
    CHECK(held[0].otherVillageCode == kVillageA);
    CHECK(held[0].otherVillage.find("大坝村") != std::string::npos);

    // A second sync tells nothing new and still shows the one notice, once.
    const Exec again = cli({"sync"});
    REQUIRE(again.status == 0);
    CHECK(valueOf(again.out, "same-id-elsewhere") == "1");
    CHECK(count(again.out, "notice ") == 1);
    CHECK(heldBy(b).size() == 1);

    // The county ledger holds both people: nothing was merged or refused.
    county.inspect([&](Ledger& ledger, Database&) {
        CHECK(ledger.count("elder") == 3);
    });
}

TEST_CASE("a village on a USB stick is told too: the county's answer bundle carries the notice")
{
    County county;
    const std::string shared = distinctIdNumber(9);
    Device a(county.dir, "a");
    a.enroll(county, std::string("village:") + kVillageA);
    Record zhang;
    zhang.entity = "elder";
    zhang.villageCode = kVillageA;
    zhang.set("name", "张三");
    zhang.set("id_number", shared);
    zhang.set("living", "alone");
    zhang.set("status", "active");
    REQUIRE(a.ledger->save(zhang, "测试员").ok());
    REQUIRE(a.sync().ok());

    const std::string b = county.dir.file("b.db"), csv = county.dir.file("b.csv");
    const std::string out = county.dir.file("b.shwb"), answer = county.dir.file("answer.shwb");
    const auto cli = [&](std::vector<std::string> args) {
        args.insert(args.begin(), {SHOUWANG_CLI_EXE, "--db", b});
        return run(args, county.dir.path().string());
    };
    REQUIRE(cli({"enroll", "--server", county.server.url(), "--code", county.code(std::string("village:") + kVillageB)})
                .status == 0);
    {
        std::ofstream file(csv, std::ios::binary);
        file << "村（社区）代码,户主姓名,家庭住址,姓名,身份证号,居住情况\n"
             << kVillageB << ",李四,红宝村一组,李四," << shared << ",独居\n";
    }
    REQUIRE(cli({"import", csv}).status == 0);
    REQUIRE(cli({"export-bundle", out}).status == 0);
    REQUIRE(county.admin({"import-bundle", out, "--answer", answer}).status == 0);
    const Exec imported = cli({"import-bundle", answer});
    INFO(imported.out + imported.err);
    REQUIRE(imported.status == 0);
    CHECK(valueOf(imported.out, "same-id-elsewhere") == "1");
    CHECK(imported.out.find("notice 李四") != std::string::npos);
    CHECK(imported.out.find("的“张三”相同") != std::string::npos);
    CHECK(heldBy(b).size() == 1);
}
