// A county moved into the city (docs/admin-guide.md, "Moving a county in"): its server
// stopped, `shouwang-server migrate` appends its SQLite file to the city's PostgreSQL
// database, where another county already syncs through a running city server process. The
// county's laptops, pointed at the city's address, sync on with their old tokens and
// cursors: nothing pulled twice, nothing missed, nothing sent again.
#include "../cli/county_fixture.h"
#include "../support/temp_postgres.h"
#include "convergence.h"

#include "server/postgres/pg_database.h"

using namespace shouwang;
using namespace shouwang::test;

namespace {

constexpr const char* kOtherVillage = "500155001001"; // 梁平区 梁山街道 南华社区

Exec serverTool(const TempDir& dir, std::vector<std::string> args)
{
    args.insert(args.begin(), SHOUWANG_SERVER_EXE);
    return run(args, dir.path().string());
}

} // namespace

TEST_CASE(
    "a county moved into PostgreSQL with migrate keeps its laptops syncing without re-enrollment, re-pulls or misses")
{
    County county;
    std::vector<std::unique_ptr<Device>> devices;
    const char* villages[] = {kVillageA, kVillageA, kVillageB};
    std::vector<std::vector<std::string>> households(3);
    for (std::size_t i = 0; i < 3; ++i) {
        devices.push_back(std::make_unique<Device>(county.dir, "d" + std::to_string(i)));
        devices[i]->enroll(county, std::string("village:") + villages[i]);
        for (int n = 0; n < 20; ++n)
            households[i].push_back(devices[i]->household(villages[i], "户主" + std::to_string(n)));
    }
    // Everyone in step with the county, then a day's work offline, not yet sent.
    for (int pass = 0; pass < 2; ++pass) {
        for (auto& d : devices)
            REQUIRE(d->sync().ok());
    }
    for (std::size_t i = 0; i < 3; ++i) {
        for (int n = 0; n < 5; ++n)
            devices[i]->edit("household", households[i][static_cast<std::size_t>(n)], "notes",
                             "迁移前" + std::to_string(n));
    }
    county.server.stop();

    // The city, where 梁平区 already syncs: its log is ahead of the county's numbers.
    TempPostgres postgres;
    postgres.psql("CREATE DATABASE city");
    const std::string url = postgres.url("city");
    REQUIRE(serverTool(county.dir, {"--db", url, "init", "--city", "50"}).status == 0);
    ServerProcess city(SHOUWANG_SERVER_EXE, url, county.dir.path().string());
    city.start();
    Device elsewhere(county.dir, "liangping");
    {
        const Exec code
            = serverTool(county.dir, {"--db", url, "enroll", "--scope", std::string("village:") + kOtherVillage});
        REQUIRE(code.status == 0);
        elsewhere.ledger->meta().set(meta::kServerUrl, city.url());
        net::BeastTransport transport(city.url());
        REQUIRE(SyncClient(*elsewhere.ledger, transport).enroll(code.lastLine(), "梁平笔记本", elsewhere.options).ok());
        for (int n = 0; n < 70; ++n)
            elsewhere.household(kOtherVillage, "梁平户主" + std::to_string(n));
        REQUIRE(elsewhere.sync().ok());
    }

    const Exec moved = serverTool(county.dir, {"migrate", "--from", county.db, "--to", url});
    INFO(moved.out << moved.err);
    REQUIRE(moved.status == 0);
    CHECK(moved.out.find("change_log 60") != std::string::npos);
    CHECK(moved.out.find("devices 3") != std::string::npos);

    // The county's supervision report reads the same from the city as from its own file,
    // and the city's has a line per county beside the total.
    const auto withoutMoment = [](std::string text) {
        const auto at = text.find("统计时点");
        return at == std::string::npos ? text : text.erase(at, text.find('\n', at) - at);
    };
    const Exec countyReport = serverTool(county.dir, {"--db", county.db, "report"});
    const Exec fromCity = serverTool(county.dir, {"--db", url, "report", "--area", kCountyCode});
    INFO(fromCity.err);
    REQUIRE(fromCity.status == 0);
    CHECK(withoutMoment(fromCity.out) == withoutMoment(countyReport.out));
    const Exec cityReport = serverTool(county.dir, {"--db", url, "report"});
    CHECK(cityReport.out.find("区域：重庆市（50）") != std::string::npos);
    CHECK(cityReport.out.find("500154  开州区") != std::string::npos);
    CHECK(cityReport.out.find("500155  梁平区") != std::string::npos);

    // The same county again is refused, and changes nothing there.
    const Exec again = serverTool(county.dir, {"migrate", "--from", county.db, "--to", url});
    CHECK(again.status != 0);
    CHECK(again.err.find("已有区县 500154") != std::string::npos);

    // Each laptop is pointed at the city's address (the settings page's 服务器地址) and syncs
    // in turn: it sends its own five edits and receives exactly those the laptop of its
    // village sent before it, through its old cursor.
    const std::size_t expectPulled[] = {0, 5, 0};
    for (std::size_t i = 0; i < 3; ++i) {
        devices[i]->ledger->meta().set(meta::kServerUrl, city.url());
        const SyncReport report = devices[i]->sync();
        INFO("device " << i << ": " << report.error.message);
        REQUIRE(report.ok());
        CHECK_FALSE(report.cursorReset);
        CHECK_FALSE(report.forked);
        CHECK(report.resent == 0);
        CHECK(report.acknowledged == 5);
        CHECK(report.pulled == expectPulled[i]);
    }
    REQUIRE(devices[0]->sync().ok()); // takes what its neighbour sent after it

    pg::Database db(url);
    Ledger ledger(db);
    checkConvergedIn(ledger, db, devices);
    // 梁平区's laptop goes on as before, and sees nothing of the county moved in.
    const SyncReport other = elsewhere.sync();
    REQUIRE(other.ok());
    CHECK(other.pulled == 0);
    CHECK(snapshot(*elsewhere.ledger, kOtherVillage) == snapshot(ledger, kOtherVillage));
    CHECK(snapshot(*elsewhere.ledger, kCountyCode).empty());

    // A laptop that exchanges USB bundles checks the city's answer with the county key it
    // was enrolled with: the county's key came along.
    devices[2]->household(kVillageB, "U盘户");
    const std::string stick = county.dir.file("stick.shwb"), answer = county.dir.file("answer.shwb");
    const auto laptop = [&](std::vector<std::string> args) {
        args.insert(args.begin(), {SHOUWANG_CLI_EXE, "--db", devices[2]->path});
        return run(args, county.dir.path().string());
    };
    REQUIRE(laptop({"export-bundle", stick}).status == 0);
    const Exec imported = serverTool(county.dir, {"--db", url, "import-bundle", stick, "--answer", answer});
    INFO(imported.err);
    REQUIRE(imported.status == 0);
    const Exec answered = laptop({"import-bundle", answer});
    INFO(answered.err);
    CHECK(answered.status == 0);
    CHECK(answered.out.find("acknowledged 1") != std::string::npos);
}
