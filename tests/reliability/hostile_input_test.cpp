// Malformed and hostile values through every endpoint, table-driven at the handler level
// (server::handle, no sockets): each is refused with a parseable Error or stored literally,
// nothing refused is stored, and the server keeps serving.
#include "../server/server_fixture.h"

#include "store/ledger.h"

#include <catch2/catch.hpp>

#include <functional>
#include <set>

using namespace shouwang;
using namespace shouwang::test;

namespace {

bool logged(ServerFixture& f, const std::string& changeId)
{
    auto db = openLedgerDatabase(f.dbPath);
    return Ledger(*db).changeLog().contains(changeId);
}

// Every answer must reach the device intact: an Error or the endpoint's message, both
// parseable (protobuf refuses strings that are not UTF-8, so this also checks that).
template <class Ok>
bool parses(const server::Response& res)
{
    if (res.status == 200) {
        Ok ok;
        return ok.ParseFromString(res.body);
    }
    wire::Error error;
    return error.ParseFromString(res.body) && error.code() != wire::ERROR_UNSPECIFIED && !error.message().empty();
}

struct HostileChange {
    const char* what;
    std::function<void(Change&)> spoil;
    std::set<unsigned> statuses; // what the push may be answered
    bool storedLiterally = false;
};

std::string longChinese(std::size_t characters)
{
    std::string s;
    for (std::size_t i = 0; i < characters; ++i)
        s += "长";
    return s;
}

} // namespace

TEST_CASE("hostile values in pushed changes are refused with a parseable reason or stored literally, never half-stored")
{
    const std::vector<HostileChange> table = {
        {"a 100 KB name", [](Change& c) { c.fields[0].value = std::string(100000, 'x'); }, {413}}, // refused while decoding
        {"invalid UTF-8", [](Change& c) { c.fields[0].value = "\xff\xfe\xc3"; }, {400, 422}},
        {"control characters", [](Change& c) { c.fields[0].value = "张\x01三\x1b[31m"; }, {422}},
        {"a line break in a one-line field", [](Change& c) { c.fields[0].value = "张\n三"; }, {422}},
        {"SQL meta-characters", [](Change& c) { c.fields[0].value = "'); DROP TABLE household; --"; }, {200}, true},
        {"LIKE wildcards and quotes", [](Change& c) { c.fields[0].value = "%_\\\"*'"; }, {200}, true},
        {"an unknown boolean", [](Change& c) { c.fields.push_back({"dibao", "maybe", {}}); }, {422}},
        {"a deleted flag of 2", [](Change& c) { c.fields.push_back({"deleted", "2", {}}); }, {422}},
        {"an unknown entity", [](Change& c) { c.entity = "user_accounts"; }, {422}},
        {"an unknown entity of 70 Chinese characters", [](Change& c) { c.entity = longChinese(70); }, {413}}, // over kMaxIdBytes
        {"an unknown field", [](Change& c) { c.fields.push_back({"password", "x", {}}); }, {422}},
        {"an unknown field of 70 Chinese characters", [](Change& c) { c.fields.push_back({longChinese(70), "x", {}}); }, {413}},
        {"an unknown entity of 20 Chinese characters", [](Change& c) { c.entity = longChinese(20); }, {422}},
        {"an unknown field of 20 Chinese characters", [](Change& c) { c.fields.push_back({longChinese(20), "x", {}}); }, {422}},
        {"no fields", [](Change& c) { c.fields.clear(); }, {422}},
        {"an empty change id", [](Change& c) { c.changeId.clear(); }, {422}},
        {"a change id with SQL", [](Change& c) { c.changeId = "x' OR '1'='1"; }, {422}},
        {"a record id with a path", [](Change& c) { c.recordId = "../../etc/passwd"; }, {422}},
        {"a village code with SQL", [](Change& c) { c.villageCode = "500154102200' OR 1=1 --"; }, {403}},
        {"a village code too short", [](Change& c) { c.villageCode = "500154"; }, {403}},
        {"an HLC of zero", [](Change& c) { c.hlc.time = 0; }, {422}},
        {"an HLC at the end of time", [](Change& c) { c.hlc.time = ~std::uint64_t{0}; }, {422}},
        {"an HLC of another device", [](Change& c) { c.hlc.device = newUuid(); }, {422}},
    };
    ServerFixture f;
    auto device = f.enroll("village:500154102200");
    for (const HostileChange& row : table) {
        INFO(row.what);
        Change change = f.household(device, kVillageA);
        row.spoil(change);
        const std::size_t before = f.liveCount("household");
        const auto res = f.push(device, {change});
        CHECK(row.statuses.count(res.status) == 1);
        CHECK(parses<wire::PushResponse>(res));
        if (row.storedLiterally) {
            auto db = openLedgerDatabase(f.dbPath);
            auto stored = Ledger(*db).get("household", change.recordId);
            REQUIRE(stored);
            CHECK(stored->value("head_name") == change.fields[0].value);
        } else {
            CHECK(f.liveCount("household") == before);
            if (!change.changeId.empty())
                CHECK_FALSE(logged(f, change.changeId));
        }
    }
    // Still serving: a good push after all of that is taken.
    CHECK(f.push(device, {f.household(device, kVillageA)}).status == 200);
}

TEST_CASE("a record id of another village is refused even when the change names the device's own village")
{
    ServerFixture f;
    auto a = f.enroll("village:500154102200");
    auto b = f.enroll("village:500154102201");
    const Change theirs = f.household(b, kVillageB, "红宝村的户");
    REQUIRE(f.push(b, {theirs}).status == 200);
    Change hijack = f.edit(a, theirs, "head_name", "被改掉了", theirs.hlc);
    hijack.villageCode = kVillageA;
    const auto res = f.push(a, {hijack});
    CHECK(res.status == 422);
    CHECK(errorOf(res).code() == wire::CHANGE_REFUSED);
    auto db = openLedgerDatabase(f.dbPath);
    const auto record = Ledger(*db).get("household", theirs.recordId);
    REQUIRE(record);
    CHECK(record->value("head_name") == "红宝村的户");
    CHECK(record->villageCode == kVillageB);
}

TEST_CASE("pull takes any cursor and limit: huge limits are capped, a cursor past the end is answered with a reset to 0")
{
    ServerFixture f;
    auto device = f.enroll("village:500154102200");
    std::vector<Change> many;
    for (int i = 0; i < 30; ++i)
        many.push_back(f.household(device, kVillageA));
    REQUIRE(f.push(device, many).status == 200);
    auto reader = f.enroll("village:500154102200");

    CHECK(f.pull(reader, 0, 0).changes_size() == 30);                          // 0: the default
    CHECK(f.pull(reader, 0, ~std::uint32_t{0}).changes_size() == 30);          // capped, not trusted
    const auto past = f.pull(reader, ~std::uint64_t{0}, 10);
    CHECK(past.changes_size() == 0);
    CHECK(past.cursor_reset()); // not a place in this log: the device pulls again from 0
    const auto one = f.pull(reader, 0, 1);
    CHECK(one.changes_size() == 1);
    CHECK(one.has_more());
}

TEST_CASE("hostile requests to every endpoint are answered with a parseable Error and change nothing")
{
    ServerFixture f;
    auto device = f.enroll("village:500154102200");
    wire::EnrollRequest badId;
    badId.set_protocol_version(protocol::kVersion);
    badId.set_code(f.makeCode("village:500154102200"));
    badId.set_device_id("../../etc/passwd");
    wire::PushRequest tooMany;
    tooMany.set_protocol_version(protocol::kVersion);
    for (std::size_t i = 0; i <= protocol::kMaxPushChanges; ++i)
        toWire(f.household(device, kVillageA), *tooMany.add_changes());
    wire::PullRequest oldVersion;
    oldVersion.set_protocol_version(0);

    struct Row {
        const char* what;
        std::string path, body, token, encoding;
        unsigned status;
    };
    const std::vector<Row> table = {
        {"enroll: a device id with a path", std::string(protocol::kEnrollPath), badId.SerializeAsString(), {}, {}, 400},
        {"enroll: garbage", std::string(protocol::kEnrollPath), "\xff\xff\xff\xff garbage", {}, {}, 400},
        {"enroll: a protocol version from the future", std::string(protocol::kEnrollPath),
         "\x08\xff\xff\xff\xff\xff\xff\xff\xff\xff\x01", {}, {}, 409},
        {"push: 1001 changes", std::string(protocol::kPushPath), tooMany.SerializeAsString(), device.token, {}, 413},
        {"push: an unknown encoding with binary bytes", std::string(protocol::kPushPath), "x", device.token, "br\xff\xfe\x01", 400},
        {"push: broken gzip", std::string(protocol::kPushPath), "\x1f\x8b\x08\x00garbage", device.token, "gzip", 400},
        {"push: a 10 KB token", std::string(protocol::kPushPath), "", std::string(10000, 'A'), {}, 401},
        {"push: a token with SQL", std::string(protocol::kPushPath), "", "' OR '1'='1", {}, 401},
        {"pull: protocol version 0", std::string(protocol::kPullPath), oldVersion.SerializeAsString(), device.token, {}, 409},
        {"an unknown path with SQL", "/api/v1/sync/push';--", "", device.token, {}, 404},
    };
    const std::size_t before = f.liveCount("household");
    for (const Row& row : table) {
        INFO(row.what);
        server::Request req;
        req.method = "POST";
        req.target = row.path;
        req.body = row.body;
        req.contentEncoding = row.encoding;
        if (!row.token.empty())
            req.authorization = "Bearer " + row.token;
        req.clientAddress = "10.9.9.9";
        const auto res = server::handle(req, f.services);
        CHECK(res.status == row.status);
        CHECK(parses<wire::EnrollResponse>(res));
    }
    CHECK(f.liveCount("household") == before);
}

TEST_CASE("an enrollment with a huge device name is stored cut at a character boundary, and codes with SQL are unknown")
{
    ServerFixture f;
    const std::string id = newUuid();
    wire::EnrollRequest req;
    req.set_protocol_version(protocol::kVersion);
    req.set_code(f.makeCode("village:500154102200"));
    req.set_device_id(id);
    req.set_device_name(longChinese(100000)); // 300 KB
    const auto res = f.post(protocol::kEnrollPath, req.SerializeAsString());
    REQUIRE(res.status == 200);
    const auto stored = f.store->device(id);
    REQUIRE(stored);
    CHECK(stored->name.size() <= 200);
    CHECK(stored->name.size() % 3 == 0); // whole characters only ("长" is three bytes)

    CHECK(f.enrollWith("' OR '1'='1", newUuid(), "10.1.1.1").status == 401);
    CHECK(f.enrollWith(std::string(100000, 'A'), newUuid(), "10.1.1.2").status == 401);
}

TEST_CASE("a change refused for a clock more than 24 h ahead is taken once the server's time has caught up")
{
    ServerFixture f;
    auto device = f.enroll("village:500154102200");
    Change ahead = f.household(device, kVillageA);
    ahead.hlc = device.nextHlc(f.now + 2 * protocol::kMaxClockAheadMillis);
    const auto refused = f.push(device, {ahead});
    CHECK(refused.status == 422);
    CHECK(errorOf(refused).code() == wire::CLOCK_AHEAD);
    CHECK(errorOf(refused).message().find("日期和时间") != std::string::npos);
    f.now += 2 * protocol::kMaxClockAheadMillis; // time passes (the device's clock was fixed meanwhile)
    CHECK(f.push(device, {ahead}).status == 200);
}
