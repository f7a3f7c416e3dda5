// The county's merge of a push: each change decoded once, its log row keeping the bytes it
// came in, and the derived columns of the elders a group of pushes touched computed once,
// at the group's end, to the values the device computed for the same records.
#include "server_fixture.h"

#include "../store/ledger_fixture.h"

#include "store/change_codec.h"
#include "store/change_log.h"
#include "store/database.h"
#include "store/elder_search.h"
#include "store/log_form.h"
#include "store/sqlite_database.h"

#include <catch2/catch.hpp>

#include <map>
#include <thread>

using namespace shouwang;
using namespace shouwang::test;

namespace {

// What the log's payload column holds for a change, out of the log's own form (log_form.h).
std::string keptBytes(const std::string& dbPath, const std::string& changeId)
{
    auto db = openTestDatabase(dbPath);
    auto st = db->prepare("SELECT payload FROM change_log WHERE change_id = ?");
    st.bind(1, changeId);
    if (!st.step())
        return "(not logged)";
    return fromLogForm(st.blob(0)).value_or("(damaged)");
}

// The bytes the log keeps for a change: without the head its columns hold (changeHead),
// which comes back from them, or whole when they did not begin with it.
std::string loggedBytes(const std::string& dbPath, const std::string& changeId)
{
    const std::string kept = keptBytes(dbPath, changeId);
    if (beginsWithHead(kept))
        return kept;
    auto db = openTestDatabase(dbPath);
    const auto logged = ChangeLog(*db).get(changeId);
    return logged ? changeHead(logged->change) + kept : "(not read)";
}

std::string varint(std::uint64_t v)
{
    std::string out;
    for (; v >= 0x80; v >>= 7)
        out += static_cast<char>((v & 0x7f) | 0x80);
    return out + static_cast<char>(v);
}

// A PushRequest whose changes are the given bytes, exactly as they are (protocol_version is
// field 1, a varint; each change is field 2, length-delimited).
std::string pushOfBytes(const std::vector<std::string>& changes)
{
    std::string body = "\x08" + varint(protocol::kVersion);
    for (const auto& bytes : changes)
        body += "\x12" + varint(bytes.size()) + bytes;
    return body;
}

// The change as another sender than ours might encode it: every field once, but the
// record's fields first and the ids last. It decodes to the same change.
std::string reordered(const Change& change)
{
    wire::Change full;
    toWire(change, full);
    wire::Change tail;
    tail.set_change_id(full.change_id());
    tail.set_entity(full.entity());
    tail.set_record_id(full.record_id());
    tail.set_village_code(full.village_code());
    full.clear_change_id();
    full.clear_entity();
    full.clear_record_id();
    full.clear_village_code();
    return full.SerializeAsString() + tail.SerializeAsString(); // concatenated messages merge
}

const wire::Change* pulled(const wire::PullResponse& page, const std::string& changeId)
{
    for (const auto& c : page.changes()) {
        if (c.change_id() == changeId)
            return &c;
    }
    return nullptr;
}

// What a pull gave for a change, without the log's place in it: what the device merges.
std::string asPulled(const wire::Change& c)
{
    wire::Change copy = c;
    copy.clear_seq();
    return copy.SerializeAsString();
}

} // namespace

TEST_CASE("a pushed change's log row holds the bytes it came in and a pull gives back the change pushed", "[push][log]")
{
    ServerFixture f;
    auto device = f.enroll("village:500154102200");
    auto county = f.enroll("county:500154");

    const Change ours = f.household(device, kVillageA, "王建国");
    const Change other = f.household(device, kVillageA, "李秀兰");
    const std::string oursBytes = serializeChange(ours);
    const std::string otherBytes = reordered(other);
    REQUIRE(otherBytes != serializeChange(other)); // the test means something only if they differ
    REQUIRE(otherBytes.size() == serializeChange(other).size());

    const auto res = f.post(protocol::kPushPath, pushOfBytes({oursBytes, otherBytes}), device.token);
    REQUIRE(res.status == 200);
    CHECK(f.liveCount("household") == 2);

    // Kept as sent, byte for byte: not encoded again.
    CHECK(loggedBytes(f.dbPath, ours.changeId) == oursBytes);
    CHECK(loggedBytes(f.dbPath, other.changeId) == otherBytes);
    // Ours is kept without its head (its ids, village and clock); the other
    // encoder's order does not begin with the head, and is kept whole.
    CHECK(keptBytes(f.dbPath, ours.changeId) == oursBytes.substr(changeHead(ours).size()));
    CHECK(keptBytes(f.dbPath, other.changeId) == otherBytes);

    // Read back, each is the change that was pushed.
    const auto page = f.pull(county);
    const wire::Change* a = pulled(page, ours.changeId);
    const wire::Change* b = pulled(page, other.changeId);
    REQUIRE(a);
    REQUIRE(b);
    CHECK(a->seq() > 0);
    CHECK(asPulled(*a) == oursBytes);
    CHECK(asPulled(*b) == serializeChange(other));
}

TEST_CASE("a pushed change carrying a log place or fields this build cannot read is logged in its own encoding", "[push][log]")
{
    ServerFixture f;
    auto device = f.enroll("village:500154102200");
    auto county = f.enroll("county:500154");

    const Change numbered = f.household(device, kVillageA, "赵大勇");
    wire::Change withSeq;
    toWire(numbered, withSeq);
    withSeq.set_seq(77); // a place in the sender's own log

    const Change extended = f.household(device, kVillageA, "钱玉梅");
    std::string extendedBytes = serializeChange(extended);
    extendedBytes += std::string("\xC8\x06\x05", 3); // field 105, varint 5: unknown to this build

    const auto res = f.post(protocol::kPushPath, pushOfBytes({withSeq.SerializeAsString(), extendedBytes}), device.token);
    REQUIRE(res.status == 200);
    CHECK(f.liveCount("household") == 2);

    CHECK(loggedBytes(f.dbPath, numbered.changeId) == serializeChange(numbered));
    CHECK(loggedBytes(f.dbPath, extended.changeId) == serializeChange(extended));

    const auto page = f.pull(county);
    const wire::Change* a = pulled(page, numbered.changeId);
    const wire::Change* b = pulled(page, extended.changeId);
    REQUIRE(a);
    REQUIRE(b);
    CHECK(asPulled(*a) == serializeChange(numbered));
    CHECK(asPulled(*b) == serializeChange(extended));
}

TEST_CASE("a push whose change bytes do not decode is refused whole as malformed", "[push][log]")
{
    ServerFixture f;
    auto device = f.enroll("village:500154102200");
    const std::string good = serializeChange(f.household(device, kVillageA));
    const std::string notUtf8("\x0a\x02\xff\xfe", 4); // a change id that is not UTF-8: protobuf refuses it
    const auto res = f.post(protocol::kPushPath, pushOfBytes({good, notUtf8}), device.token);
    CHECK(res.status == 400);
    CHECK(errorOf(res).code() == wire::MALFORMED);
    CHECK(f.liveCount("household") == 0);
}

namespace {

// A village laptop's ledger whose device the county enrolled: what it saves is pushed as
// the client pushes it (no log place).
struct Laptop : LedgerFixture {
    TestDevice device;

    explicit Laptop(ServerFixture& f)
    {
        device.id = ledger.deviceId();
        auto res = f.enrollWith(f.makeCode(std::string("village:") + kVillageA), device.id, "setup-laptop");
        wire::EnrollResponse answer;
        REQUIRE(res.status == 200);
        REQUIRE(answer.ParseFromString(res.body));
        REQUIRE(answer.device_id() == device.id);
        device.token = answer.token();
    }

    Record save(const std::string& entity, const std::map<std::string, std::string>& values, std::string id = {})
    {
        Record r = id.empty() ? Record{} : *ledger.get(entity, id);
        r.entity = entity;
        r.villageCode = kVillageA;
        for (const auto& [name, value] : values)
            r.set(name, value);
        return saved(r);
    }

    std::vector<Change> outbox()
    {
        auto changes = ledger.changeLog().pending(10000);
        for (auto& c : changes)
            c.seq = 0;
        return changes;
    }
};

constexpr const char* kDerived = "x_birth_date, x_sex, x_flags, x_risk_level, x_last_visit, x_visit_due, x_assess_due, "
                                 "x_away_since, x_search";

std::vector<std::string> derivedOf(Database& db, const std::string& elderId)
{
    auto st = db.prepare(std::string("SELECT ") + kDerived + " FROM elders WHERE id = ?");
    st.bind(1, elderId);
    std::vector<std::string> out;
    if (st.step()) {
        for (int i = 0; i < st.columnCount(); ++i)
            out.push_back(st.isNull(i) ? "NULL" : st.text(i));
    }
    return out;
}

std::string dayOffset(int days)
{
    return formatDate(today() + std::chrono::days(days));
}

} // namespace

TEST_CASE("changes to one elder pushed at once leave its derived columns and search text as the laptop computed them", "[push][derived]")
{
    ServerFixture f;
    Laptop laptop(f);
    const Record household = laptop.save("household", {{"head_name", "张国强"}, {"address", "一组3号"}, {"dibao", "1"}});
    Record elder = laptop.save("elder", {{"name", "张秀英"}, {"id_number", "11010519491231002X"}, {"living", "alone"},
                                         {"status", "active"}, {"household_id", household.id}});
    laptop.save("supporter", {{"elder_id", elder.id}, {"name", "张小军"}, {"relation", "son"}, {"away_since", dayOffset(-400)}});
    for (int ago : {90, 30, 12}) {
        laptop.save("visit", {{"elder_id", elder.id}, {"date", dayOffset(-ago)}, {"mode", "home"}, {"visitor", "李主任"},
                              {"finding", "normal"}});
    }
    laptop.save("risk_assessment", {{"elder_id", elder.id}, {"date", dayOffset(-60)}, {"assessor", "李主任"}, {"level", "low"}});
    laptop.save("risk_assessment", {{"elder_id", elder.id}, {"date", dayOffset(-5)}, {"assessor", "李主任"}, {"level", "high"}});
    laptop.save("elder", {{"name", "张桂芳"}, {"phone", "13800001234"}}, elder.id);

    const std::vector<Change> changes = laptop.outbox();
    REQUIRE(changes.size() == 9);
    const auto expected = derivedOf(*laptop.db, elder.id);
    REQUIRE(expected.size() == 9);
    CHECK(expected[4] == dayOffset(-12)); // the laptop's own columns are the yardstick: not empty
    CHECK(expected[3] == "high");

    SECTION("in one push")
    {
        REQUIRE(f.push(laptop.device, changes).status == 200);
    }
    SECTION("in pushes merged side by side, each carrying some of them")
    {
        // Two slices of the elder's changes each, sent at the same moment: they may share a
        // group commit, or not; either way the county ends where the laptop is.
        std::vector<std::vector<Change>> slices(3);
        for (std::size_t i = 0; i < changes.size(); ++i)
            slices[i % slices.size()].push_back(changes[i]);
        std::vector<std::thread> senders;
        std::vector<int> statuses(slices.size());
        for (std::size_t s = 0; s < slices.size(); ++s)
            senders.emplace_back([&, s] { statuses[s] = f.push(laptop.device, slices[s]).status; });
        for (auto& t : senders)
            t.join();
        for (int status : statuses)
            CHECK(status == 200);
    }

    auto county = openTestDatabase(f.dbPath);
    CHECK(derivedOf(*county, elder.id) == expected);
    // The search's index follows the rename: the new name is found, the old one is not.
    CHECK(fewEldersMatching(*county, "桂芳", 10).value_or(std::vector<std::int64_t>{}).size() == 1);
    CHECK(fewEldersMatching(*county, "秀英", 10).value_or(std::vector<std::int64_t>{1, 2}).empty());
}
