#include "ledger_fixture.h"

#include "store/change_codec.h"
#include "store/change_log.h"
#include "store/log_form.h"
#include "store/migrations.h"
#include "store/record_table.h"

#include <catch2/catch.hpp>

using namespace shouwang;
using namespace shouwang::test;

namespace {

std::vector<std::string> fieldNames(const Change& change)
{
    std::vector<std::string> names;
    for (const auto& f : change.fields)
        names.push_back(f.name);
    return names;
}

} // namespace

TEST_CASE("a new record is captured with every field it fills, in the same transaction")
{
    LedgerFixture f;
    Record r = f.elder("张秀英", "11010519491231002X");
    const SaveResult result = f.ledger.save(r, "李主任");
    REQUIRE(result.ok());
    REQUIRE(result.change);
    CHECK_FALSE(r.id.empty());
    CHECK(fieldNames(*result.change) == std::vector<std::string>{"name", "id_number", "living", "status"});
    CHECK(result.change->operatorName == "李主任");
    CHECK(result.change->hlc.device == f.ledger.deviceId());
    for (const auto& field : result.change->fields)
        CHECK(field.base.isNull());

    const auto pending = f.ledger.changeLog().pending(10);
    REQUIRE(pending.size() == 1);
    CHECK(pending[0].changeId == result.change->changeId);
}

TEST_CASE("an update captures exactly the changed fields, each with the HLC it replaced")
{
    LedgerFixture f;
    Record r = f.saved(f.elder("张秀英", "11010519491231002X"));
    const Hlc first = r.clocks.at("name");
    r.set("phone", "13812345678");
    r.set("name", "张秀音");
    const SaveResult result = f.ledger.save(r, "李主任");
    REQUIRE(result.change);
    const auto names = fieldNames(*result.change);
    CHECK(names == std::vector<std::string>{"name", "phone"});
    CHECK(result.change->fields[0].base == first); // name had been written before
    CHECK(result.change->fields[1].base.isNull()); // phone never had
    CHECK(f.ledger.changeLog().pendingCount() == 2);
}

TEST_CASE("a save that changes nothing captures nothing")
{
    LedgerFixture f;
    Record r = f.saved(f.elder("张秀英", "11010519491231002X"));
    const SaveResult again = f.ledger.save(r, "李主任");
    CHECK(again.ok());
    CHECK_FALSE(again.change);
    CHECK(f.ledger.changeLog().pendingCount() == 1);
}

TEST_CASE("a refused save writes neither the record nor a change")
{
    LedgerFixture f;
    Record r = f.elder("张秀英", "110105194912310021"); // wrong check digit
    const SaveResult result = f.ledger.save(r, "李主任");
    CHECK_FALSE(result.ok());
    CHECK_FALSE(result.errors.empty());
    CHECK(r.value("name") == "张秀英"); // what the user typed is still there
    CHECK(f.ledger.count("elder") == 0);
    CHECK(f.ledger.changeLog().pendingCount() == 0);
}

TEST_CASE("a save whose transaction fails writes neither the record nor a change", "[sqlite]")
{
    LedgerFixture f;
    f.saved(f.elder("王大爷", "11010519491231002X"));
    // A trigger makes the change log refuse the next insert, as a full disk would.
    f.db->exec("CREATE TRIGGER fail_log BEFORE INSERT ON change_log BEGIN SELECT RAISE(ABORT, 'disk full'); END");
    Record r = f.elder("张秀英", "500154194501010022");
    const SaveResult result = f.ledger.save(r, "李主任");
    CHECK_FALSE(result.ok());
    CHECK_FALSE(result.message.empty());
    CHECK(f.ledger.count("elder") == 1);
    CHECK(f.ledger.changeLog().pendingCount() == 1);
}

TEST_CASE("soft delete keeps the row as a tombstone and is a change too")
{
    LedgerFixture f;
    Record r = f.saved(f.elder("张秀英", "11010519491231002X"));
    const SaveResult result = f.ledger.remove("elder", r.id, "李主任");
    REQUIRE(result.change);
    REQUIRE(result.change->fields.size() == 1);
    CHECK(result.change->fields[0].name == "deleted");
    CHECK(result.change->fields[0].value == "1");
    CHECK(f.ledger.count("elder") == 0);
    const auto tombstone = f.ledger.get("elder", r.id);
    REQUIRE(tombstone);
    CHECK(tombstone->deleted);
    CHECK(tombstone->value("name") == "张秀英");
    ListFilter all;
    all.includeDeleted = true;
    CHECK(f.ledger.count("elder", all) == 1);
}

TEST_CASE("a child record takes its parent's village — a record cannot move village")
{
    LedgerFixture f;
    Record elder = f.saved(f.elder("张秀英", "11010519491231002X"));
    Record visit;
    visit.entity = "visit";
    visit.set("elder_id", elder.id);
    visit.set("date", "2026-11-01");
    visit.set("mode", "home");
    visit.set("visitor", "李主任");
    visit.set("finding", "normal");
    REQUIRE(f.ledger.save(visit, "李主任").ok());
    CHECK(visit.villageCode == kVillage);

    elder.villageCode = kOtherVillage;
    CHECK_FALSE(f.ledger.save(elder, "李主任").ok());
}

TEST_CASE("list filters by village, by field, and orders")
{
    LedgerFixture f;
    f.saved(f.elder("乙", "11010519491231002X"));
    f.saved(f.elder("甲", "500154194501010022"));
    Record other = f.elder("丙", "500154193001010021");
    other.villageCode = kOtherVillage;
    f.saved(other);

    ListFilter village;
    village.villagePrefix = kVillage;
    village.orderBy = "name";
    const auto rows = f.ledger.list("elder", village);
    REQUIRE(rows.size() == 2);
    CHECK(rows[0].value("name") == "乙"); // ordered by the UTF-8 bytes of the name
    ListFilter byName;
    byName.equals = {{"name", "丙"}};
    CHECK(f.ledger.count("elder", byName) == 1);
    ListFilter township;
    township.villagePrefix = "500154101";
    CHECK(f.ledger.count("elder", township) == 3);
}

TEST_CASE("the device id and clock persist across reopening the file")
{
    TempDir dir;
    std::string device;
    Hlc last;
    {
        auto db = openLedgerDatabase(dir.file("l.db"));
        Ledger ledger(*db);
        device = ledger.deviceId();
        Record r;
        r.entity = "volunteer";
        r.villageCode = kVillage;
        r.set("name", "志愿者甲");
        r.set("kind", "volunteer");
        last = ledger.save(r, "x").change->hlc;
    }
    auto db = openLedgerDatabase(dir.file("l.db"));
    Ledger ledger(*db);
    CHECK(ledger.deviceId() == device);
    CHECK(last < ledger.clock().now());
}

TEST_CASE("a database made by an older version opens in the newer one with its data intact")
{
    TempDir dir;
    const std::string path = dir.file("old.db");
    {
        SqliteDatabase db(path);
        migrate(db, 1); // the schema as release 1 made it: no health_mgmt_65 column
        db.exec("INSERT INTO elders (id, village_code, name, id_number, living, status) VALUES "
                "('e1', '500154101001', '老张', '11010519491231002X', 'alone', 'active')");
        auto st = db.prepare("SELECT count(*) FROM pragma_table_info('elders') WHERE name = 'health_mgmt_65'");
        REQUIRE(st.step());
        REQUIRE(st.integer(0) == 0);
    }
    auto db = openLedgerDatabase(path);
    CHECK(schemaVersionOf(*db) == kSchemaVersion);
    Ledger ledger(*db);
    auto elder = ledger.get("elder", "e1");
    REQUIRE(elder);
    CHECK(elder->value("name") == "老张");
    elder->set("health_mgmt_65", "1");
    REQUIRE(ledger.save(*elder, "x").ok());
    CHECK(ledger.get("elder", "e1")->value("health_mgmt_65") == "1");
}

TEST_CASE("a database from a newer version is refused rather than damaged")
{
    TempDir dir;
    {
        SqliteDatabase db(dir.file("new.db"));
        db.exec("PRAGMA user_version = 999");
    }
    CHECK_THROWS_AS(openLedgerDatabase(dir.file("new.db")), StoreError);
}

TEST_CASE("the log keeps a change without the head its columns hold, and reads it back whole", "[sqlite]")
{
    LedgerFixture f;
    Change change;
    change.changeId = "not-a-uuid-change"; // kept as text in its column, not as a key
    change.entity = "household";
    change.recordId = "5c9c6c1e-3f7a-4d5e-9a61-2b8f3c4d5e6f";
    change.villageCode = kVillage;
    change.hlc = {0x0192f1a2b3c40001, "device-A"};
    change.operatorName = "李主任";
    change.fields = {{"head_name", "张三", {}}, {"address", "一组", {0x0192f1a2b3c40000, "device-B"}}};
    const std::string whole = serializeChange(change);
    const std::string head = changeHead(change);
    const auto bytesOf = [](Change read) {
        read.seq = 0; // the log's place, not part of what it keeps
        return serializeChange(read);
    };
    REQUIRE(whole.starts_with(head));
    CHECK(beginsWithHead(whole));
    CHECK_FALSE(beginsWithHead(whole.substr(head.size())));

    REQUIRE(f.ledger.changeLog().append(change, ChangeOrigin::Remote, ChangeState::Acknowledged));
    auto kept = f.db->prepare("SELECT payload FROM change_log WHERE change_id = 'not-a-uuid-change'");
    REQUIRE(kept.step());
    CHECK(kept.blob(0).front() == '\0'); // in the log's own form
    CHECK(fromLogForm(kept.blob(0)) == whole.substr(head.size()));
    const auto logged = f.ledger.changeLog().get(change.changeId);
    REQUIRE(logged);
    CHECK(bytesOf(logged->change) == whole);
    REQUIRE(f.ledger.changeLog().history(change.recordId).size() == 1);
    CHECK(bytesOf(f.ledger.changeLog().history(change.recordId)[0].change) == whole);
    CHECK(f.ledger.changeLog().operatorOf(change.recordId, change.hlc) == "李主任");

    // A change logged whole (before version 7), and one without the head but in the wire's
    // form (version 7), read the same.
    Change older = change;
    older.changeId = "older-change";
    older.hlc.time += 1;
    Change version7 = change;
    version7.changeId = "version-7-change";
    version7.hlc.time += 2;
    const auto store = [&](const Change& c, const std::string& bytes) {
        REQUIRE(f.ledger.changeLog().append(c, ChangeOrigin::Remote, ChangeState::Acknowledged));
        std::string hex;
        for (const unsigned char b : bytes)
            hex += "0123456789abcdef"[b >> 4], hex += "0123456789abcdef"[b & 15];
        f.db->exec("UPDATE change_log SET payload = x'" + hex + "' WHERE change_id = '" + c.changeId + "'");
    };
    store(older, serializeChange(older));
    store(version7, serializeChange(version7).substr(changeHead(version7).size()));
    CHECK(bytesOf(f.ledger.changeLog().get(older.changeId)->change) == serializeChange(older));
    CHECK(bytesOf(f.ledger.changeLog().get(version7.changeId)->change) == serializeChange(version7));
}

TEST_CASE(
    "a record's one clock of a device's UUID is kept as 24 bytes; every other form as text, all read back the same",
    "[sqlite]")
{
    LedgerFixture f;
    const EntityDef& households = *findEntity("household");
    const auto stored = [&](const std::string& id) {
        auto st = f.db->prepare("SELECT typeof(field_clock), length(field_clock) FROM households WHERE id = ?");
        st.bind(1, id);
        REQUIRE(st.step());
        return st.text(0) + "/" + std::to_string(st.integer(1));
    };
    const auto record = [&](const std::string& id, const Hlc& name, const Hlc& address) {
        Record r;
        r.entity = "household";
        r.id = id;
        r.villageCode = kVillage;
        r.set("head_name", "张三");
        r.set("address", "一组");
        r.clocks = {{"head_name", name}, {"address", address}};
        writeRecord(*f.db, households, r);
        return r;
    };
    const Hlc one{0x0192f1a2b3c40001, "0192f1a2-b3c4-7d5e-9a61-2b8f3c4d5e6f"};
    const Hlc other{0x0192f1a2b3c40002, "0192f1a2-b3c4-7d5e-9a61-2b8f3c4d5e70"};

    const Record shared = record("shared-clock", one, one);
    CHECK(stored("shared-clock") == "blob/24");
    CHECK(loadRecord(*f.db, households, "shared-clock")->clocks == shared.clocks);

    const Record mixed = record("two-clocks", one, other);
    CHECK(stored("two-clocks").starts_with("text/"));
    CHECK(loadRecord(*f.db, households, "two-clocks")->clocks == mixed.clocks);

    const Record named = record("named-device", Hlc{one.time, "device-A"}, Hlc{one.time, "device-A"});
    CHECK(stored("named-device").starts_with("text/"));
    CHECK(loadRecord(*f.db, households, "named-device")->clocks == named.clocks);

    // A row written before version 8 holds the text form.
    f.db->exec("UPDATE households SET field_clock = '" + one.toString() + "' WHERE id = 'shared-clock'");
    CHECK(stored("shared-clock") == "text/53");
    CHECK(loadRecord(*f.db, households, "shared-clock")->clocks == shared.clocks);
}
