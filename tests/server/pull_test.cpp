#include "server_fixture.h"

#include "server/cli.h"

#include "store/conflict_queue.h"

#include <catch2/catch.hpp>

#include <set>
#include <sstream>

using namespace shouwang;
using namespace shouwang::test;

namespace {

std::set<std::string> villagesIn(const wire::PullResponse& page)
{
    std::set<std::string> out;
    for (const auto& c : page.changes())
        out.insert(c.village_code());
    return out;
}

Change catalogueItem(ServerFixture& f, TestDevice& county)
{
    return f.created(county, "service_item", kCounty, {{"name", "上门理发", {}}, {"category", "care", {}}}, "民政局");
}

} // namespace

TEST_CASE("pull respects scope - a village sees itself and county reference data and a township its villages", "[pull][scope]")
{
    ServerFixture f;
    auto a = f.enroll("village:500154102200");
    auto b = f.enroll("village:500154102201");
    auto elsewhere = f.enroll("village:500154103200");
    auto township = f.enroll("township:500154102");
    auto county = f.enroll("county:500154");
    REQUIRE(f.push(a, {f.household(a, kVillageA)}).status == 200);
    REQUIRE(f.push(b, {f.household(b, kVillageB)}).status == 200);
    REQUIRE(f.push(elsewhere, {f.household(elsewhere, kVillageElsewhere)}).status == 200);
    REQUIRE(f.push(county, {catalogueItem(f, county), f.household(county, kVillageA)}).status == 200);

    CHECK(villagesIn(f.pull(b)) == std::set<std::string>{kCounty});
    CHECK(villagesIn(f.pull(a)) == std::set<std::string>{kVillageA, kCounty});
    CHECK(villagesIn(f.pull(township)) == std::set<std::string>{kVillageA, kVillageB, kCounty});
    CHECK(villagesIn(f.pull(county)) == std::set<std::string>{kVillageA, kVillageB, kVillageElsewhere});
}

TEST_CASE("pull pages by cursor with has_more and next_cursor and gives every change once and in order", "[pull]")
{
    ServerFixture f;
    auto a = f.enroll("village:500154102200");
    auto county = f.enroll("county:500154");
    std::vector<Change> batch;
    for (int i = 0; i < 5; ++i)
        batch.push_back(f.household(a, kVillageA));
    REQUIRE(f.push(a, batch).status == 200);

    std::vector<std::string> seen;
    std::uint64_t cursor = 0, lastSeq = 0;
    int pages = 0;
    for (bool more = true; more; ++pages) {
        auto page = f.pull(county, cursor, 2);
        CHECK(page.changes_size() <= 2);
        for (const auto& c : page.changes()) {
            CHECK(c.seq() > lastSeq);
            lastSeq = c.seq();
            seen.push_back(c.change_id());
        }
        CHECK(page.next_cursor() >= cursor);
        cursor = page.next_cursor();
        more = page.has_more();
        REQUIRE(pages < 10);
    }
    REQUIRE(seen.size() == 5);
    for (std::size_t i = 0; i < 5; ++i)
        CHECK(seen[i] == batch[i].changeId);
    CHECK(pages == 3);
    // The device's own changes do not come back to it.
    CHECK(f.pull(a).changes_size() == 0);
}

TEST_CASE("concurrent edits from two devices land in the conflict queue and conflicts resolve settles them", "[conflict]")
{
    ServerFixture f;
    auto village = f.enroll("village:500154102200");
    auto county = f.enroll("county:500154");
    Change created = f.household(village, kVillageA, "王五");
    REQUIRE(f.push(village, {created}).status == 200);

    // Both saw the creation, then each changed the head's name without seeing the other.
    Change mine = f.edit(village, created, "head_name", "王小五", created.hlc);
    Change theirs = f.edit(county, created, "head_name", "王伍", created.hlc);
    REQUIRE(f.push(village, {mine}).status == 200);
    REQUIRE(f.push(county, {theirs}).status == 200);
    auto open = f.store->openConflicts();
    REQUIRE(open.size() == 1);
    CHECK(std::set<std::string>{open[0].valueA, open[0].valueB} == std::set<std::string>{"王小五", "王伍"});
    CHECK(f.metrics.prometheusText().find("shouwang_conflicts_total 1") != std::string::npos);

    // The admin lists and resolves it from the command line, on the same database file.
    std::ostringstream out, err;
    const std::string db = f.dbPath;
    const char* list[] = {"shouwang-server", "--db", db.c_str(), "conflicts"};
    REQUIRE(server::runCli(4, list, out, err) == 0);
    CHECK(out.str().find(open[0].id) != std::string::npos);
    // Choosing the value that lost (a) makes a new write; `b` is the one standing.
    const std::string chosen = open[0].valueA;
    const char* resolve[] = {"shouwang-server", "--db", db.c_str(), "conflicts", "resolve", open[0].id.c_str(), "--value", chosen.c_str()};
    REQUIRE(server::runCli(8, resolve, out, err) == 0);
    CHECK(f.store->openConflicts().empty());

    // The choice is a change like any other: the village pulls it.
    bool delivered = false;
    const auto page = f.pull(village);
    for (const auto& c : page.changes()) {
        for (const auto& field : c.fields())
            delivered = delivered || (c.record_id() == created.recordId && field.name() == "head_name" && field.value() == chosen);
    }
    CHECK(delivered);
    std::ostringstream stats;
    const char* statsArgs[] = {"shouwang-server", "--db", db.c_str(), "stats"};
    REQUIRE(server::runCli(4, statsArgs, stats, err) == 0);
    CHECK(stats.str().find("\npending 0\nconflicts 0\n") != std::string::npos);
}

TEST_CASE("a county database in memory serves enrollment, push and pull through its one connection", "[pull][sqlite]")
{
    // The fuzz targets run the handlers on one; it has no second connection to read on.
    auto store = server::openSqliteCountyStore(":memory:");
    store->setCountyCode(kCounty);
    server::EnrollmentCode entry;
    const std::string code = server::newEnrollmentCode();
    entry.codeHash = server::enrollmentCodeHash(code);
    entry.scope = *Scope::parse("village:" + std::string(kVillageA));
    entry.createdAt = formatDateTime(HybridClock::systemMillis());
    entry.expiresAt = formatDateTime(HybridClock::systemMillis() + 3600 * 1000);
    store->addEnrollmentCode(entry);
    server::Device device;
    device.id = "mem-device-0001";
    device.name = "笔记本";
    device.tokenHash = "hash";
    REQUIRE(store->enroll(entry.codeHash, device, entry.createdAt) == server::EnrollVerdict::Enrolled);
    REQUIRE(store->deviceByTokenHash("hash"));
    CHECK(store->device("mem-device-0001")->scope.toString() == "village:" + std::string(kVillageA));
    CHECK(store->changesAfter(0, "", *Scope::parse("county:500154"), "", 100).changes.empty());
}
