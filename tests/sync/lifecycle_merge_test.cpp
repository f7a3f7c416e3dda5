// The lifecycle rules of the ledger and the merge that need no server (DESIGN.md §4
// "Lifecycle"): one clock for every Ledger on a file, forms that save what the user changed,
// resolutions that are changes, refusals undone, fields of a newer county kept, references
// checked at the county.
#include "replica.h"

#include "../support/records.h"

#include "domain/ids.h"
#include "store/conflict_queue.h"
#include "store/record_table.h"
#include "sync/merge_engine.h"

#include <catch2/catch.hpp>

using namespace shouwang;
using namespace shouwang::test;

namespace {

constexpr std::int64_t kYear = 365LL * 24 * 3600 * 1000;

Hlc fieldClock(Ledger& ledger, const std::string& entity, const std::string& id, const std::string& field)
{
    return ledger.get(entity, id)->clocks.at(field);
}

} // namespace

TEST_CASE("a second Ledger on the same file (the window beside the sync worker) stamps above what the other merged")
{
    Replica worker;
    auto windowDb = openLedgerDatabase(worker.db->path()); // its own connection, as the GUI has
    Ledger window(*windowDb);
    // The window's computer clock is ten years behind (a dead CMOS battery).
    window.clock() = HybridClock(window.deviceId(), [] { return HybridClock::systemMillis() - 10 * kYear; });

    Replica other;
    Record r = other.saved(other.elder("张秀英", "11010519491231002X"));
    worker.receive(*other.ledger.changeLog().pending(10).begin());
    const Change pulled = [&] {
        auto e = other.ledger.get("elder", r.id);
        e->set("phone", "13800000001");
        return *other.ledger.save(*e, "乙").change;
    }();
    worker.receive(pulled);

    auto e = window.get("elder", r.id);
    e->set("phone", "13900000002");
    const SaveResult saved = window.save(*e, "窗口");
    REQUIRE(saved.change);
    CHECK(pulled.hlc < saved.change->hlc); // the edit of a record just pulled wins
    // Neither writer lowers the stored clock: the worker's next stamp is above the window's.
    Record h;
    h.entity = "household";
    h.villageCode = kVillage;
    h.set("head_name", "刘大爷");
    h.set("address", "一组");
    const SaveResult next = worker.ledger.save(h, "工作线程");
    INFO(next.message);
    REQUIRE(next.change);
    CHECK(saved.change->hlc.time < next.change->hlc.time);
}

TEST_CASE("a form saves only the fields the user changed: an edit merged while it was open survives or is queued")
{
    Replica laptop, other;
    Record r = laptop.saved(laptop.elder("王桂兰", "11010519491231002X"));
    other.receive(*laptop.ledger.changeLog().pending(10).begin());
    const Record loaded = *laptop.ledger.get("elder", r.id); // the form opens

    // Auto-sync merges another device's phone and address while the form is open.
    auto theirs = other.ledger.get("elder", r.id);
    theirs->set("phone", "13800000001");
    laptop.receive(*other.ledger.save(*theirs, "乙").change);

    SECTION("another field: the merged value stands")
    {
        Record edited = loaded;
        edited.set("living", "alone");
        REQUIRE(laptop.ledger.save(edited, loaded, "甲").ok());
        const auto now = laptop.ledger.get("elder", r.id);
        CHECK(now->value("phone") == "13800000001");
        CHECK(now->value("living") == "alone");
        CHECK(ConflictQueue(*laptop.db).openCount() == 0);
    }
    SECTION("the same field: both values go to the conflict queue")
    {
        Record edited = loaded;
        edited.set("phone", "13700000003");
        const SaveResult saved = laptop.ledger.save(edited, loaded, "甲");
        REQUIRE(saved.change);
        CHECK(saved.change->fields.size() == 1);
        const auto open = ConflictQueue(*laptop.db).open();
        REQUIRE(open.size() == 1);
        CHECK(std::set<std::string>{open[0].valueA, open[0].valueB}
              == std::set<std::string>{"13800000001", "13700000003"});
        // The county, merging the same change, files the same pair.
        CHECK(other.receive(*saved.change).conflicts == 1);
    }
}

TEST_CASE("keeping the standing value of a conflict is a change: every replica closes it and agrees")
{
    Replica a, b;
    Record r = a.saved(a.elder("李明", "11010519491231002X"));
    b.receive(*a.ledger.changeLog().pending(10).begin());
    auto ea = a.ledger.get("elder", r.id);
    ea->set("phone", "13800000001");
    const Change fromA = *a.ledger.save(*ea, "甲").change;
    auto eb = b.ledger.get("elder", r.id);
    eb->set("phone", "13900000002");
    const Change fromB = *b.ledger.save(*eb, "乙").change;
    a.receive(fromB);
    b.receive(fromA);
    REQUIRE(ConflictQueue(*a.db).openCount() == 1);
    REQUIRE(ConflictQueue(*b.db).openCount() == 1);

    const Conflict conflict = ConflictQueue(*a.db).open().front();
    const std::string standing = a.ledger.get("elder", r.id)->value("phone");
    const SaveResult chosen = resolveConflict(a.ledger, conflict, standing, "甲");
    REQUIRE(chosen.change);
    CHECK(b.receive(*chosen.change).applied());
    CHECK(ConflictQueue(*a.db).openCount() == 0);
    CHECK(ConflictQueue(*b.db).openCount() == 0);
    CHECK(b.ledger.get("elder", r.id)->value("phone") == standing);
    CHECK(fieldClock(a.ledger, "elder", r.id, "phone") == fieldClock(b.ledger, "elder", r.id, "phone"));
}

TEST_CASE("a change the county refused is undone on the laptop, and a refused creation takes its later edits with it")
{
    LedgerFixture laptop;
    Record r = laptop.saved(laptop.elder("赵兰", "11010519491231002X"));
    const Change created = laptop.ledger.changeLog().pending(10).front();
    {
        Transaction tx(*laptop.db);
        laptop.ledger.changeLog().markAcknowledged(created.changeId);
        tx.commit();
    }
    SECTION("an edit: the field goes back to the county's value")
    {
        auto e = laptop.ledger.get("elder", r.id);
        e->set("phone", "13800000001");
        const Change edit = *laptop.ledger.save(*e, "甲").change;
        Transaction tx(*laptop.db);
        laptop.ledger.changeLog().markRefused(edit.changeId, 7, "电话号码不对");
        laptop.ledger.undoRefused(edit.changeId);
        tx.commit();
        CHECK(laptop.ledger.get("elder", r.id)->value("phone").empty());
        CHECK(laptop.ledger.get("elder", r.id)->clocks.count("phone") == 0);
        CHECK(laptop.ledger.changeLog().refused().size() == 1); // still listed with its reason
    }
    SECTION("a creation: the record leaves the laptop with the edits made on top of it")
    {
        Record h;
        h.entity = "household";
        h.villageCode = kVillage;
        h.set("head_name", "孙大爷");
        h.set("address", "二组");
        const Change made = *laptop.ledger.save(h, "甲").change;
        h.set("notes", "后来补的");
        REQUIRE(laptop.ledger.save(h, "甲").change);
        Transaction tx(*laptop.db);
        laptop.ledger.changeLog().markRefused(made.changeId, 7, "拒收");
        laptop.ledger.undoRefused(made.changeId);
        tx.commit();
        CHECK_FALSE(laptop.ledger.get("household", h.id));
        CHECK(laptop.ledger.changeLog().pendingCount() == 0);
        CHECK(laptop.ledger.changeLog().refused().size() == 2);
    }
}

TEST_CASE("a field a device does not know yet is kept with the change and applied once the device is upgraded")
{
    Replica county, laptop;
    Record r = county.saved(county.elder("周大娘", "11010519491231002X"));
    auto e = county.ledger.get("elder", r.id);
    e->set("phone", "13800000001");
    e->set("health_mgmt_65", "1");
    const Change newer = *county.ledger.save(*e, "区县").change;

    // An older build of the device: health_mgmt_65 came with schema version 2.
    const auto older = [](std::string_view entity, std::string_view field) {
        return findEntity(entity) && field != "health_mgmt_65";
    };
    laptop.merge.setKnownFields(older);
    laptop.receive(county.ledger.changeLog().pending(10).front());
    const MergeOutcome outcome = laptop.receive(newer);
    CHECK(outcome.applied());
    CHECK(laptop.ledger.get("elder", r.id)->value("phone") == "13800000001");
    CHECK(laptop.ledger.get("elder", r.id)->value("health_mgmt_65").empty());
    CHECK(laptop.ledger.changeLog().deferred().size() == 1);

    laptop.merge.setKnownFields({}); // upgraded
    Transaction tx(*laptop.db);
    CHECK(laptop.merge.reapplyDeferred() == 1);
    tx.commit();
    CHECK(laptop.ledger.get("elder", r.id)->value("health_mgmt_65") == "1");
    CHECK(fieldClock(laptop.ledger, "elder", r.id, "health_mgmt_65") == newer.hlc);
    CHECK(laptop.ledger.changeLog().deferred().empty());
}

TEST_CASE("the county refuses a reference to another village's record and an edit of a record whose creation it refused")
{
    LedgerFixture village;
    Record own = village.saved(village.elder("本村老人", "11010519491231002X"));
    Record foreign = village.elder("外村老人", "110105194912310046");
    foreign.villageCode = kOtherVillage;
    foreign = village.saved(foreign);

    LedgerFixture countyFile;
    MergeEngine county(countyFile.ledger, MergeRole::County);
    Transaction tx(*countyFile.db);
    for (const Change& c : village.ledger.changeLog().pending(10))
        REQUIRE(county.apply(c).applied());

    Record visit = recordOf("visit",
                            {{"elder_id", foreign.id},
                             {"date", "2026-11-30"},
                             {"mode", "phone"},
                             {"visitor", "村干部"},
                             {"finding", "normal"}},
                            kVillage);
    const SaveResult made = village.ledger.save(visit, "甲");
    REQUIRE(made.change);
    Change crossing = *made.change;
    crossing.villageCode = kVillage;
    CHECK(county.apply(crossing).refusal == MergeRefusal::ForeignReference);

    // A creation the county refuses, then an edit of the same record: no half record.
    Record bad = village.elder("错号老人", "110105195001010039");
    Change creation = *village.ledger.save(bad, "甲").change;
    for (auto& f : creation.fields) {
        if (f.name == "id_number")
            f.value = "123"; // as a modified client might send it
    }
    CHECK(county.apply(creation).refusal == MergeRefusal::InvalidValue);
    auto later = village.ledger.get("elder", bad.id);
    later->set("phone", "13800000001");
    const Change edit = *village.ledger.save(*later, "甲").change;
    CHECK(county.apply(edit).refusal == MergeRefusal::RecordUnknown);
    CHECK_FALSE(countyFile.ledger.get("elder", bad.id));
    tx.commit();
    (void)own;
}

TEST_CASE("the county holds an incident to its workflow whoever sends it: no skipped step, no step without its fields")
{
    LedgerFixture village;
    Record elder = village.saved(village.elder("报告对象", "11010519491231002X"));
    Record incident = village.saved(recordOf("incident",
                                             {{"elder_id", elder.id},
                                              {"type", "critical_illness"},
                                              {"discovered_at", "2026-11-30T08:00:00"},
                                              {"reporter", "村干部"},
                                              {"description", "老人突发疾病"},
                                              {"escalated_to", "township"},
                                              {"status", "reported"},
                                              {"reported_at", "2026-11-30T08:10:00"}},
                                             kVillage));

    LedgerFixture countyFile;
    MergeEngine county(countyFile.ledger, MergeRole::County);
    Transaction tx(*countyFile.db);
    for (const Change& c : village.ledger.changeLog().pending(10))
        REQUIRE(county.apply(c).applied());

    // A modified client jumps from 上报 straight to 办结, without who closed it or when.
    Change skipped = village.ledger.changeLog().pending(10).back();
    skipped.changeId = newUuid();
    skipped.hlc.time += 1 << 16;
    skipped.fields = {{"status", "closed", skipped.hlc}};
    skipped.fields[0].base = countyFile.ledger.get("incident", incident.id)->clocks.at("status");
    const MergeOutcome outcome = county.apply(skipped);
    CHECK(outcome.refusal == MergeRefusal::InvalidValue);
    CHECK(outcome.message.find("情况报告") != std::string::npos);
    CHECK(countyFile.ledger.get("incident", incident.id)->value("status") == "reported");

    // The real step, with its time and handler, goes through.
    Change accepted = skipped;
    accepted.changeId = newUuid();
    accepted.hlc.time += 1 << 16;
    accepted.fields = {{"status", "accepted", skipped.fields[0].base},
                       {"accepted_at", "2026-11-30T09:00:00", {}},
                       {"accepted_by", "乡镇值班员", {}}};
    CHECK(county.apply(accepted).applied());

    // Back from 已受理 to 上报: only the record as it stood shows the step goes backwards.
    Change backwards = accepted;
    backwards.changeId = newUuid();
    backwards.hlc.time += 1 << 16;
    backwards.fields = {{"status", "reported", countyFile.ledger.get("incident", incident.id)->clocks.at("status")}};
    CHECK(county.apply(backwards).refusal == MergeRefusal::InvalidValue);
    CHECK(countyFile.ledger.get("incident", incident.id)->value("status") == "accepted");
    tx.commit();
}

TEST_CASE("the county reads a referenced record's village once a merge, and again after a push was undone")
{
    LedgerFixture village;
    const Record elder = village.saved(village.elder("本村老人", "11010519491231002X"));
    LedgerFixture countyFile;
    MergeEngine county(countyFile.ledger, MergeRole::County);
    Transaction tx(*countyFile.db);
    for (const Change& c : village.ledger.changeLog().pending(10))
        REQUIRE(county.apply(c).applied());
    const auto visit = [&](const std::string& date) {
        Record v = recordOf(
            "visit",
            {{"elder_id", elder.id}, {"date", date}, {"mode", "phone"}, {"visitor", "村干部"}, {"finding", "normal"}},
            kVillage);
        return *village.ledger.save(v, "甲").change;
    };
    REQUIRE(county.apply(visit("2026-11-01")).applied());

    // The elder's row says another village now (a record never moves village, so only a
    // hand-made row does): the merge goes by what it read for the first visit, with no
    // second look-up, until a push of the group is undone and it forgets what it read.
    Statement move = countyFile.db->prepare("UPDATE elders SET village_code = ? WHERE id = ?");
    move.bind(1, std::string(kOtherVillage)).bind(2, elder.id);
    move.run();
    CHECK(county.apply(visit("2026-11-02")).applied());
    county.forgetLookups();
    CHECK(county.apply(visit("2026-11-03")).refusal == MergeRefusal::ForeignReference);
}
