// Scope cannot be escaped (DESIGN.md §4, §5): for every entity and every way in (push,
// pull, bundle import), a village device cannot read or write another village's records,
// a township device another township's, and a revoked or unknown token nothing.
#include "scope_fixture.h"

#include "../support/process.h"

#include "sync/bundle.h"
#include "sync/crypto.h"

#include <fstream>

using namespace shouwang;
using namespace shouwang::test;

namespace {

// Every change a device of `scope` pulls from the start, page by page.
std::vector<wire::Change> pullEverything(ServerFixture& f, const TestDevice& device)
{
    std::vector<wire::Change> out;
    std::uint64_t cursor = 0;
    for (bool more = true; more;) {
        const wire::PullResponse page = f.pull(device, cursor, 500);
        out.insert(out.end(), page.changes().begin(), page.changes().end());
        cursor = page.next_cursor();
        more = page.has_more();
    }
    return out;
}

std::set<std::string> entitiesIn(const std::vector<wire::Change>& changes, const std::string& villageCode)
{
    std::set<std::string> out;
    for (const auto& c : changes) {
        if (c.village_code() == villageCode)
            out.insert(c.entity());
    }
    return out;
}

bool logged(ServerFixture& f, const std::string& changeId)
{
    auto db = openLedgerDatabase(f.dbPath);
    return Ledger(*db).changeLog().contains(changeId);
}

} // namespace

TEST_CASE("the populated county holds records of every entity, so the scope tests below cover them all")
{
    PopulatedCounty county;
    for (const EntityDef& entity : entities()) {
        INFO(entity.name);
        CHECK(county.firstChangeOf.count(std::string(entity.name)) == 1);
    }
}

TEST_CASE("pull gives a device of another village or township no record of the village, of any entity")
{
    PopulatedCounty county;
    TestDevice inside = county.enroll("village:" + county.village);
    TestDevice ownTownship = county.enroll("township:" + county.village.substr(0, 9));
    TestDevice otherVillage = county.enroll("village:" + county.otherVillage());
    TestDevice otherTownship = county.enroll("township:" + county.otherTownship());

    std::set<std::string> villageEntities;
    for (const EntityDef& entity : entities()) {
        if (entity.scope == EntityScope::Village)
            villageEntities.insert(std::string(entity.name));
    }
    // The village itself and its township read all of it (so the filter is not just empty).
    CHECK(entitiesIn(pullEverything(county, inside), county.village) == villageEntities);
    CHECK(entitiesIn(pullEverything(county, ownTownship), county.village) == villageEntities);
    for (TestDevice* outsider : {&otherVillage, &otherTownship}) {
        for (const auto& change : pullEverything(county, *outsider)) {
            INFO(change.entity() << " " << change.village_code());
            CHECK(change.village_code() == kCounty); // the county's reference data only
        }
    }
}

TEST_CASE("push refuses, for every entity, a write by a device of another village or township and stores nothing")
{
    PopulatedCounty county;
    TestDevice otherVillage = county.enroll("village:" + county.otherVillage());
    TestDevice otherTownship = county.enroll("township:" + county.otherTownship());
    for (const auto& [entity, original] : county.firstChangeOf) {
        INFO(entity);
        const std::string target = original.villageCode; // V, or the county code for reference data
        for (TestDevice* outsider : {&otherVillage, &otherTownship}) {
            const Change intoV = county.reauthor(*outsider, original, target);
            const auto res = county.push(*outsider, {intoV});
            CHECK(res.status == 403);
            CHECK(errorOf(res).code() == wire::OUT_OF_SCOPE);
            CHECK_FALSE(logged(county, intoV.changeId));
        }
        // The record of V relabelled as the outsider's own village: the id gives it away.
        const Change relabelled = county.reauthor(otherVillage, original, county.otherVillage());
        const auto res = county.push(otherVillage, {relabelled});
        CHECK((res.status == 422 || res.status == 403));
        CHECK_FALSE(logged(county, relabelled.changeId));
        if (auto record = Ledger(*openLedgerDatabase(county.dbPath)).get(entity, original.recordId))
            CHECK(record->villageCode == original.villageCode);
    }
}

TEST_CASE("a revoked device and an unknown token can neither push nor pull anything")
{
    PopulatedCounty county;
    TestDevice insider = county.enroll("village:" + county.village);
    REQUIRE(county.store->revokeDevice(insider.id));
    TestDevice stranger{newUuid(), crypto::newToken()};
    for (TestDevice* device : {&insider, &stranger}) {
        for (const auto& [entity, original] : county.firstChangeOf) {
            INFO(entity);
            const Change change = county.reauthor(*device, original, original.villageCode);
            const auto res = county.push(*device, {change});
            CHECK(res.status == 401);
            CHECK(errorOf(res).code() == wire::UNAUTHENTICATED);
            CHECK_FALSE(logged(county, change.changeId));
        }
        CHECK_THROWS(county.pull(*device)); // 401: no page at all
    }
}

TEST_CASE("a bundle imported at the county keeps to the device's scope both ways, for every entity")
{
    PopulatedCounty county;
    TestDevice outsider = county.enroll("village:" + county.otherVillage());
    wire::Bundle bundle;
    bundle.set_protocol_version(protocol::kVersion);
    bundle.set_device_id(outsider.id);
    bundle.set_scope("county:" + std::string(kCounty)); // a claim the server must not believe
    std::vector<std::string> attempted;
    for (const auto& [entity, original] : county.firstChangeOf) {
        const Change c = county.reauthor(outsider, original, original.villageCode);
        toWire(c, *bundle.add_changes());
        attempted.push_back(c.changeId);
    }
    const std::string key = crypto::tokenHash(outsider.token);
    const std::string in = county.dir.file("outsider.shwb"), out = county.dir.file("answer.shwb");
    std::ofstream(in, std::ios::binary) << writeBundleFile(bundle, key);

    const Exec imported = run({SHOUWANG_SERVER_EXE, "--db", county.dbPath, "import-bundle", in, "--answer", out},
                              county.dir.path().string());
    INFO(imported.err);
    REQUIRE(imported.status == 0);
    std::string error;
    const auto answer = readBundleFile(slurp(out), key, error);
    REQUIRE(answer);
    REQUIRE(answer->results_size() == static_cast<int>(attempted.size()));
    for (const auto& result : answer->results()) {
        CHECK_FALSE(result.accepted());
        CHECK(result.error().code() == wire::OUT_OF_SCOPE);
    }
    for (const auto& id : attempted)
        CHECK_FALSE(logged(county, id));
    for (const auto& change : answer->updates().changes())
        CHECK(change.village_code() == kCounty);
}
