#include "replica.h"

#include "store/conflict_queue.h"
#include "sync/merge_engine.h"

#include <catch2/catch.hpp>

#include <algorithm>

using namespace shouwang;
using namespace shouwang::test;

TEST_CASE("a received change creates the record and is logged once")
{
    Replica a, b;
    Record r = a.elder("张秀英", "11010519491231002X");
    const Change created = *a.ledger.save(r, "甲").change;
    CHECK(b.receive(created).fieldsWritten == 4);
    CHECK(b.ledger.get("elder", r.id)->value("name") == "张秀英");
    CHECK(b.receive(created).duplicate);
    CHECK(b.ledger.changeLog().pendingCount() == 0); // received changes are not sent back
}

TEST_CASE("the higher HLC wins a field whatever the order changes arrive in")
{
    Replica a, b, c1, c2;
    Record r = a.elder("张秀英", "11010519491231002X");
    const Change created = *a.ledger.save(r, "甲").change;
    b.receive(created);
    const Change fromA = a.edit(r.id, "phone", "13800000001");
    const Change fromB = b.edit(r.id, "phone", "13900000002");
    const std::string winner = fromA.hlc < fromB.hlc ? "13900000002" : "13800000001";

    for (Replica* c : {&c1, &c2})
        c->receive(created);
    c1.receive(fromA);
    c1.receive(fromB);
    c2.receive(fromB);
    c2.receive(fromA);
    CHECK(c1.ledger.get("elder", r.id)->value("phone") == winner);
    CHECK(c2.ledger.get("elder", r.id)->value("phone") == winner);
}

TEST_CASE("concurrent edits to one field both reach the conflict queue, in either order")
{
    Replica a, b, c;
    Record r = a.elder("张秀英", "11010519491231002X");
    const Change created = *a.ledger.save(r, "甲").change;
    b.receive(created);
    const Change fromA = a.edit(r.id, "phone", "13800000001");
    const Change fromB = b.edit(r.id, "phone", "13900000002");

    c.receive(created);
    CHECK(c.receive(fromA).conflicts == 0); // A saw the value it replaced
    CHECK(c.receive(fromB).conflicts == 1); // B did not see A's value
    a.receive(fromB);
    ConflictQueue atC(*c.db), atA(*a.db);
    REQUIRE(atC.open().size() == 1);
    REQUIRE(atA.open().size() == 1);
    const Conflict conflict = atC.open()[0];
    CHECK(conflict.id == atA.open()[0].id); // the same conflict, found independently
    CHECK(conflict.field == "phone");
    std::vector<std::string> values{conflict.valueA, conflict.valueB};
    std::sort(values.begin(), values.end());
    CHECK(values == std::vector<std::string>{"13800000001", "13900000002"});
}

TEST_CASE("different fields edited concurrently merge without conflict")
{
    Replica a, b;
    Record r = a.elder("张秀英", "11010519491231002X");
    const Change created = *a.ledger.save(r, "甲").change;
    b.receive(created);
    const Change fromA = a.edit(r.id, "phone", "13800000001");
    const Change fromB = b.edit(r.id, "ethnicity", "土家族");
    CHECK(a.receive(fromB).conflicts == 0);
    CHECK(b.receive(fromA).conflicts == 0);
    CHECK(a.ledger.get("elder", r.id)->values == b.ledger.get("elder", r.id)->values);
}

TEST_CASE("resolving a conflict is a change that settles it on every replica")
{
    Replica a, b;
    Record r = a.elder("张秀英", "11010519491231002X");
    const Change created = *a.ledger.save(r, "甲").change;
    b.receive(created);
    const Change fromA = a.edit(r.id, "phone", "13800000001");
    const Change fromB = b.edit(r.id, "phone", "13900000002");
    a.receive(fromB);
    b.receive(fromA);
    ConflictQueue qa(*a.db), qb(*b.db);
    REQUIRE(qa.openCount() == 1);
    REQUIRE(qb.openCount() == 1);

    const SaveResult resolved = resolveConflict(a.ledger, qa.open()[0], "13700000003", "村主任");
    REQUIRE(resolved.change);
    CHECK(qa.openCount() == 0);
    b.receive(*resolved.change);
    CHECK(qb.openCount() == 0);
    CHECK(b.ledger.get("elder", r.id)->value("phone") == "13700000003");
}

TEST_CASE("a tombstone merges like any other field")
{
    Replica a, b;
    Record r = a.elder("张秀英", "11010519491231002X");
    b.receive(*a.ledger.save(r, "甲").change);
    b.receive(*a.ledger.remove("elder", r.id, "甲").change);
    CHECK(b.ledger.get("elder", r.id)->deleted);
    CHECK(b.ledger.count("elder") == 0);
}

TEST_CASE("invalid received changes are refused and write nothing, and the county also refuses what it does not know")
{
    Replica a;
    MergeEngine county{a.ledger, MergeRole::County};
    Change bad;
    bad.changeId = "c1";
    bad.entity = "elder";
    bad.recordId = "r1";
    bad.villageCode = kVillage;
    bad.hlc = Hlc{1 << 20, "dev"};
    bad.fields = {{"id_number", "123", {}}};
    CHECK(a.receive(bad).refusal == MergeRefusal::InvalidValue);
    bad.fields = {{"no_such_field", "x", {}}};
    Transaction tx(*a.db);
    CHECK(county.apply(bad).refusal == MergeRefusal::UnknownField);
    bad.entity = "spaceship";
    CHECK(county.apply(bad).refusal == MergeRefusal::UnknownEntity);
    tx.commit();
    CHECK_FALSE(a.ledger.get("elder", "r1"));
    CHECK(a.ledger.changeLog().lastSeq() == 0);
}

TEST_CASE("a change may not move a record into another village")
{
    Replica a, b;
    Record r = a.elder("张秀英", "11010519491231002X");
    b.receive(*a.ledger.save(r, "甲").change);
    Change moved = a.edit(r.id, "phone", "13800000001");
    moved.villageCode = kOtherVillage;
    CHECK(b.receive(moved).refusal == MergeRefusal::WrongVillage);
}
