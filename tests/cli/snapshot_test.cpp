// A new replica's first sync begins from a snapshot of its scope (docs/protocol.md,
// "Snapshot"): the records as the county holds them, page by page, checked, resumable, then
// a pull of only what came after; the history before it is fetched from the county on
// demand. The real server process, real files, the real transport.
#include "county_fixture.h"

#include "../support/indexes.h"
#include "../support/people.h"
#include "../support/records.h"

#include "store/change_codec.h"
#include "store/change_log.h"
#include "store/conflict_queue.h"
#include "store/elder_query.h"
#include "store/meta.h"
#include "sync/gzip.h"
#include "sync/protocol.h"

#include "shouwang/sync.pb.h"

#include <filesystem>
#include <functional>

using namespace shouwang;
using namespace shouwang::test;

namespace {

// A village whose laptop has worked a while: households made, edited, one deleted.
struct WorkedVillage {
    County county;
    Device laptop{county.dir, "laptop"};
    std::vector<std::string> ids;

    explicit WorkedVillage(int households = 24)
    {
        laptop.enroll(county, std::string("village:") + kVillageA);
        for (int i = 0; i < households; ++i)
            ids.push_back(laptop.household(kVillageA, "户主" + std::to_string(i)));
        laptop.edit("household", ids[0], "address", "搬到二组");
        laptop.edit("household", ids[0], "address", "又搬回一组");
        REQUIRE(laptop.ledger->remove("household", ids[1], "测试员").ok());
        const SyncReport sent = laptop.sync();
        INFO(sent.error.message);
        REQUIRE(sent.ok());
    }

    // A second laptop of the same village, enrolled, its first sync in small pages.
    Device newLaptop(const std::string& name = "new-laptop")
    {
        Device device(county.dir, name);
        device.enroll(county, std::string("village:") + kVillageA);
        device.options.snapshotLimit = 5;
        return device;
    }
};

ListFilter withDeleted()
{
    ListFilter all;
    all.includeDeleted = true;
    return all;
}

std::size_t households(Ledger& ledger)
{
    return ledger.count("household");
}

std::size_t received(Ledger& ledger)
{
    std::size_t n = 0;
    for (const Record& r : ledger.list("household", withDeleted()))
        n += ledger.changeLog().history(r.id).size();
    return n;
}

// Changes one value of the first record of every snapshot page on its way to the device,
// as a broken proxy or a bad cable would: the page no longer matches its digest.
class DamagingTransport final : public Transport {
public:
    explicit DamagingTransport(Transport& inner)
        : m_inner(inner)
    {
    }
    int damaged = 0;

    HttpResponse post(std::string_view path, std::string_view body, const HttpHeaders& headers) override
    {
        HttpResponse response = m_inner.post(path, body, headers);
        if (path != protocol::kSnapshotPath || response.status != 200)
            return response;
        std::string plain = response.contentEncoding == "gzip"
            ? gzip::decompress(response.body, protocol::kMaxInflatedBytes).value_or("")
            : response.body;
        wire::SnapshotResponse page;
        REQUIRE(page.ParseFromString(plain));
        for (auto& field : *page.mutable_records(0)->mutable_fields()) {
            if (field.name() == "head_name") {
                field.set_value(field.value() + "（改）");
                ++damaged;
                break;
            }
        }
        response.body = page.SerializeAsString();
        response.contentEncoding.clear();
        return response;
    }

private:
    Transport& m_inner;
};

// Acts when the n-th snapshot page is asked for: runs `before` first (another laptop's
// work, a county restored), and with `loseAnswer` lets the request reach the county but
// loses its answer, as when the network drops in the middle.
class AtSnapshotPage final : public Transport {
public:
    AtSnapshotPage(Transport& inner, int page, std::function<void()> before, bool loseAnswer = false)
        : m_inner(inner)
        , m_page(page)
        , m_before(std::move(before))
        , m_loseAnswer(loseAnswer)
    {
    }
    int pages = 0;

    HttpResponse post(std::string_view path, std::string_view body, const HttpHeaders& headers) override
    {
        if (path != protocol::kSnapshotPath || ++pages != m_page)
            return m_inner.post(path, body, headers);
        if (m_before)
            m_before();
        HttpResponse response = m_inner.post(path, body, headers);
        if (m_loseAnswer) {
            response = {};
            response.networkError = "read: Connection reset by peer";
        }
        return response;
    }

private:
    Transport& m_inner;
    int m_page;
    std::function<void()> m_before;
    bool m_loseAnswer;
};

} // namespace

TEST_CASE("a snapshot of several pages loads without the record tables' indexes and ends with every one of them")
{
    WorkedVillage village;
    Device fresh = village.newLaptop();
    TempDir other;
    const std::vector<std::string> made = indexesOf(*openLedgerDatabase(other.file("made.db")));
    REQUIRE(indexesOf(*fresh.db, "households").size() > 1);

    // After each page (on the sync's own connection, inside its transaction): what the load sees.
    std::vector<std::size_t> householdIndexes;
    const auto progress = [&](const SyncProgress& p) {
        if (p.phase == SyncProgress::Phase::Snapshot && p.records > 0)
            householdIndexes.push_back(indexesOf(*fresh.db, "households").size());
    };
    net::BeastTransport transport(village.county.server.url(), Device::shortTimeouts());
    const SyncReport report = SyncClient(*fresh.ledger, transport).sync(fresh.options, progress);
    INFO(report.error.message);
    REQUIRE(report.ok());
    REQUIRE(householdIndexes.size() == 5); // 24 records, 5 a page
    for (std::size_t i = 0; i + 1 < householdIndexes.size(); ++i)
        CHECK(householdIndexes[i] == 1); // the table's own key only
    CHECK(householdIndexes.back() > 1);  // the last page made them again

    CHECK(indexesOf(*fresh.db) == made);
    CHECK_FALSE(fresh.ledger->meta().get(meta::kIndexesAside));
    CHECK(snapshot(*fresh.ledger, kVillageA) == snapshot(*village.laptop.ledger, kVillageA));
    auto check = fresh.db->prepare("PRAGMA integrity_check");
    REQUIRE(check.step());
    CHECK(check.text(0) == "ok");
}

TEST_CASE("a new laptop begins from a snapshot of its village and then pulls only what came after")
{
    WorkedVillage village;
    Device fresh = village.newLaptop();

    const SyncReport first = fresh.sync();
    INFO(first.error.message);
    REQUIRE(first.ok());
    // Every household (the deleted one's tombstone too) came as a record, none as a change.
    CHECK(first.snapshotRecords == village.ids.size());
    CHECK(first.pulled == 0);
    CHECK_FALSE(fresh.ledger->changeLog().hasReceived());
    CHECK(received(*fresh.ledger) == 0);
    CHECK(snapshot(*fresh.ledger, kVillageA) == snapshot(*village.laptop.ledger, kVillageA));
    CHECK(households(*fresh.ledger) == village.ids.size() - 1);
    // The county's own times of each record came with it.
    const auto before = village.laptop.ledger->get("household", village.ids[0]);
    const auto copy = fresh.ledger->get("household", village.ids[0]);
    REQUIRE(copy);
    CHECK(copy->createdAt == before->createdAt);
    CHECK(copy->updatedAt == before->updatedAt);
    CHECK_FALSE(fresh.ledger->meta().value(meta::kHistoryFrom).empty());
    CHECK_FALSE(fresh.ledger->meta().get(meta::kSnapshotAt));

    // From now on only changes travel, both ways, and concurrent edits are still found.
    village.laptop.edit("household", village.ids[2], "address", "三组");
    REQUIRE(village.laptop.sync().ok());
    fresh.edit("household", village.ids[3], "address", "四组");
    const SyncReport second = fresh.sync();
    REQUIRE(second.ok());
    CHECK(second.snapshotRecords == 0);
    CHECK(second.pulled == 1);
    REQUIRE(village.laptop.sync().ok());
    CHECK(snapshot(*fresh.ledger, kVillageA) == snapshot(*village.laptop.ledger, kVillageA));

    village.laptop.edit("household", village.ids[4], "address", "甲");
    fresh.edit("household", village.ids[4], "address", "乙");
    REQUIRE(village.laptop.sync().ok());
    const SyncReport clash = fresh.sync();
    REQUIRE(clash.ok());
    CHECK(clash.conflicts == 1);
}

TEST_CASE("an elder taken from a snapshot is listed with the same flags, visit due and search text as at home")
{
    WorkedVillage village(2);
    Record elder = recordOf("elder",
                            {{"name", "独居老人"},
                             {"id_number", distinctIdNumber(7)},
                             {"living", "alone"},
                             {"status", "active"},
                             {"household_id", village.ids[0]}});
    REQUIRE(village.laptop.ledger->save(elder, "测试员").ok());
    Record visit = recordOf("visit",
                            {{"elder_id", elder.id},
                             {"date", formatDate(today() - std::chrono::days(3))},
                             {"visitor", "测试员"},
                             {"mode", "home"},
                             {"finding", "normal"}});
    REQUIRE(village.laptop.ledger->save(visit, "测试员").ok());
    REQUIRE(village.laptop.sync().ok());

    Device fresh = village.newLaptop();
    REQUIRE(fresh.sync().ok());
    ElderFilter byName;
    byName.text = "独居";
    const auto home = findElders(*village.laptop.db, byName, today());
    const auto here = findElders(*fresh.db, byName, today());
    REQUIRE(home.size() == 1);
    REQUIRE(here.size() == 1);
    CHECK(here[0].flags == home[0].flags);
    CHECK(here[0].flags != 0);
    CHECK(here[0].lastVisit == home[0].lastVisit);
    CHECK(here[0].visitDue == home[0].visitDue);
    CHECK_FALSE(here[0].visitDue.empty());
}

TEST_CASE("the snapshot of a village has nothing of another village, and a township's has both")
{
    WorkedVillage village(6);
    Device other(village.county.dir, "other-village");
    other.enroll(village.county, std::string("village:") + kVillageB);
    other.household(kVillageB, "邻村户主");
    REQUIRE(other.sync().ok());

    Device fresh = village.newLaptop();
    REQUIRE(fresh.sync().ok());
    CHECK(snapshot(*fresh.ledger, kVillageB).empty());
    CHECK(snapshot(*fresh.ledger, kVillageA).size() == village.ids.size());

    Device township(village.county.dir, "township");
    township.enroll(village.county, "township:500154102");
    township.options.snapshotLimit = 4;
    const SyncReport report = township.sync();
    REQUIRE(report.ok());
    CHECK(report.snapshotRecords == village.ids.size() + 1);
    CHECK(snapshot(*township.ledger, kVillageB) == snapshot(*other.ledger, kVillageB));
    CHECK(snapshot(*township.ledger, kVillageA) == snapshot(*village.laptop.ledger, kVillageA));
}

TEST_CASE("a snapshot cut off between pages resumes after the last page it kept")
{
    WorkedVillage village;
    Device fresh = village.newLaptop();
    net::BeastTransport real(village.county.server.url(), Device::shortTimeouts());
    AtSnapshotPage cut(real, 3, {}, true); // the third page's answer is lost
    fresh.options.maxAttempts = 1;

    const SyncReport broken = fresh.sync(cut);
    CHECK(broken.error.code == SyncErrorCode::Network);
    CHECK(broken.snapshotRecords == 10); // two pages of five kept
    CHECK(fresh.ledger->meta().get(meta::kSnapshotAt));
    CHECK(fresh.ledger->count("household", withDeleted()) == 10);
    // Between syncs the ledger has every index its queries use.
    TempDir other;
    CHECK(indexesOf(*fresh.db) == indexesOf(*openLedgerDatabase(other.file("made.db"))));
    CHECK_FALSE(fresh.ledger->meta().get(meta::kIndexesAside));

    const SyncReport resumed = fresh.sync();
    INFO(resumed.error.message);
    REQUIRE(resumed.ok());
    CHECK(resumed.snapshotRecords == village.ids.size() - 10);
    CHECK(snapshot(*fresh.ledger, kVillageA) == snapshot(*village.laptop.ledger, kVillageA));
    CHECK_FALSE(fresh.ledger->meta().get(meta::kSnapshotAt));
}

TEST_CASE("a snapshot page whose answer is lost while the page before is written is asked for again in the same sync")
{
    WorkedVillage village;
    Device fresh = village.newLaptop();
    net::BeastTransport real(village.county.server.url(), Device::shortTimeouts());
    AtSnapshotPage cut(real, 3, {}, true); // asked for ahead, while the second page is written
    fresh.options.maxAttempts = 3;

    const SyncReport report = fresh.sync(cut);
    INFO(report.error.message);
    REQUIRE(report.ok());
    CHECK(cut.pages == 6); // five pages, the third twice
    CHECK(report.snapshotRecords == village.ids.size());
    CHECK(snapshot(*fresh.ledger, kVillageA) == snapshot(*village.laptop.ledger, kVillageA));
}

TEST_CASE("a snapshot page damaged on the way is refused whole and the next sync takes it again")
{
    WorkedVillage village(8);
    Device fresh = village.newLaptop();
    net::BeastTransport real(village.county.server.url(), Device::shortTimeouts());
    DamagingTransport damaging(real);

    const SyncReport refused = fresh.sync(damaging);
    CHECK(damaging.damaged == 1);
    CHECK(refused.error.code == SyncErrorCode::Malformed);
    CHECK(refused.error.message.find("校验不符") != std::string::npos);
    CHECK(refused.snapshotRecords == 0);
    CHECK(fresh.ledger->count("household", withDeleted()) == 0);
    for (const auto& id : village.ids) {
        const auto r = fresh.ledger->get("household", id);
        CHECK_FALSE(r);
    }

    const SyncReport taken = fresh.sync();
    REQUIRE(taken.ok());
    CHECK(snapshot(*fresh.ledger, kVillageA) == snapshot(*village.laptop.ledger, kVillageA));
}

TEST_CASE("a county restored from a backup during a snapshot makes the laptop begin it again, losing nothing")
{
    WorkedVillage village;
    Device fresh = village.newLaptop();
    const std::string backup = village.county.dir.file("county-backup.db");
    REQUIRE(village.county.admin({"backup", backup}).status == 0);
    for (int i = 0; i < 6; ++i)
        village.laptop.household(kVillageA, "备份后" + std::to_string(i));
    REQUIRE(village.laptop.sync().ok());

    net::BeastTransport real(village.county.server.url(), Device::shortTimeouts());
    AtSnapshotPage restoring(real, 2, [&] {
        const int port = village.county.server.port();
        village.county.server.stop();
        REQUIRE(village.county.admin({"restore", backup}).status == 0);
        village.county.server.start(port);
    });
    const SyncReport report = fresh.sync(restoring);
    INFO(report.error.message);
    REQUIRE(report.ok());
    CHECK(restoring.pages > 2);                         // begun again after the restore
    CHECK(report.snapshotRecords > village.ids.size()); // the first page came twice
    // The laptop that made the six households sends them again at its next sync (the county
    // lost them), and the new laptop pulls them: both end with everything.
    REQUIRE(village.laptop.sync().ok());
    REQUIRE(fresh.sync().ok());
    CHECK(snapshot(*fresh.ledger, kVillageA) == snapshot(*village.laptop.ledger, kVillageA));
    CHECK(households(*fresh.ledger) == village.ids.size() - 1 + 6);
}

TEST_CASE("edits made while a snapshot runs arrive in the records and again by the pull, and are no conflict")
{
    WorkedVillage village;
    Device fresh = village.newLaptop();
    net::BeastTransport real(village.county.server.url(), Device::shortTimeouts());
    // After the first page, the other laptop edits a household of a later page twice.
    AtSnapshotPage running(real, 2, [&] {
        village.laptop.edit("household", village.ids[20], "address", "五组");
        REQUIRE(village.laptop.sync().ok());
        village.laptop.edit("household", village.ids[20], "address", "六组");
        REQUIRE(village.laptop.sync().ok());
    });
    const SyncReport report = fresh.sync(running);
    INFO(report.error.message);
    REQUIRE(report.ok());
    CHECK(report.pulled == 2); // both edits came after the snapshot's place
    CHECK(report.conflicts == 0);
    CHECK(ConflictQueue(*fresh.db).open().empty());
    CHECK(fresh.ledger->get("household", village.ids[20])->value("address") == "六组");
    CHECK(snapshot(*fresh.ledger, kVillageA) == snapshot(*village.laptop.ledger, kVillageA));

    // A real concurrent edit made here is still one.
    village.laptop.edit("household", village.ids[21], "address", "甲");
    REQUIRE(village.laptop.sync().ok());
    fresh.edit("household", village.ids[21], "address", "乙");
    CHECK(fresh.sync().conflicts == 1);
}

TEST_CASE("the history of a record from before the snapshot is fetched from the county, and nothing is stored")
{
    WorkedVillage village(4);
    Device fresh = village.newLaptop();
    REQUIRE(fresh.sync().ok());
    CHECK(fresh.ledger->changeLog().history(village.ids[0]).empty());

    net::BeastTransport transport(village.county.server.url(), Device::shortTimeouts());
    const HistoryResult history = SyncClient(*fresh.ledger, transport).fetchHistory(village.ids[0], fresh.options);
    INFO(history.error.message);
    REQUIRE(history.ok());
    const auto made = village.laptop.ledger->changeLog().history(village.ids[0]);
    REQUIRE(history.changes.size() == made.size());
    REQUIRE(made.size() == 3); // created, moved, moved back
    for (std::size_t i = 0; i < made.size(); ++i) {
        CHECK(history.changes[i].changeId == made[i].change.changeId);
        CHECK(history.changes[i].operatorName == "测试员");
    }
    CHECK_FALSE(history.truncated);
    CHECK(fresh.ledger->changeLog().history(village.ids[0]).empty());

    // Another village's record is not told, even by its id.
    Device other(village.county.dir, "other");
    other.enroll(village.county, std::string("village:") + kVillageB);
    const std::string theirs = other.household(kVillageB, "邻村");
    REQUIRE(other.sync().ok());
    const HistoryResult foreign = SyncClient(*fresh.ledger, transport).fetchHistory(theirs, fresh.options);
    REQUIRE(foreign.ok());
    CHECK(foreign.changes.empty());
}

TEST_CASE("a replica with the snapshot turned off replays the history, and ends the same")
{
    WorkedVillage village(6);
    Device replay = village.newLaptop("replay");
    replay.options.snapshot = false;
    const SyncReport report = replay.sync();
    REQUIRE(report.ok());
    CHECK(report.snapshotRecords == 0);
    CHECK(report.pulled == village.ids.size() + 3);
    Device fresh = village.newLaptop();
    REQUIRE(fresh.sync().ok());
    CHECK(snapshot(*fresh.ledger, kVillageA) == snapshot(*replay.ledger, kVillageA));
}

TEST_CASE("a laptop begun from a snapshot and restored from last week's copy gets back what it had done since")
{
    WorkedVillage village(6);
    Device fresh = village.newLaptop();
    REQUIRE(fresh.sync().ok());
    const std::string backup = village.county.dir.file("fresh-backup.db");
    std::filesystem::remove(backup);
    fresh.db->exec("VACUUM INTO '" + backup + "'");

    const std::string later = fresh.household(kVillageA, "备份后新户");
    fresh.edit("household", village.ids[2], "address", "备份后改的地址");
    REQUIRE(fresh.sync().ok());

    // The clerk puts last week's copy back.
    fresh.ledger.reset();
    fresh.db.reset();
    for (const char* suffix : {"-wal", "-shm"})
        std::filesystem::remove(fresh.path + suffix);
    std::filesystem::copy_file(backup, fresh.path, std::filesystem::copy_options::overwrite_existing);
    fresh.db = openLedgerDatabase(fresh.path);
    fresh.ledger = std::make_unique<Ledger>(*fresh.db);
    REQUIRE_FALSE(fresh.ledger->get("household", later));

    const SyncReport report = fresh.sync();
    INFO(report.error.message);
    REQUIRE(report.ok());
    // The county holds changes this copy never saw: it goes on as a new device, and since it
    // had received nothing but a snapshot, it takes the snapshot again, merged by clocks.
    CHECK(report.forked);
    CHECK(report.snapshotRecords > 0);
    REQUIRE(fresh.ledger->get("household", later));
    CHECK(fresh.ledger->get("household", village.ids[2])->value("address") == "备份后改的地址");
    REQUIRE(village.laptop.sync().ok());
    CHECK(snapshot(*fresh.ledger, kVillageA) == snapshot(*village.laptop.ledger, kVillageA));
}

TEST_CASE("a new laptop whose clock says 2009 begins from a snapshot and its edits still win")
{
    WorkedVillage village(4);
    Device fresh = village.newLaptop();
    const std::uint64_t last = fresh.ledger->clock().lastTime();
    fresh.ledger->clock()
        = HybridClock(fresh.ledger->deviceId(), [] { return std::int64_t{1230768000000}; }); // 2009-01-01
    fresh.ledger->clock().restore(last);
    REQUIRE(fresh.sync().ok());

    // Its clock moved past every clock the snapshot brought, so its edit orders after them.
    fresh.edit("household", village.ids[0], "address", "钟慢的电脑改的");
    const SyncReport sent = fresh.sync();
    INFO(sent.error.message);
    REQUIRE(sent.ok());
    CHECK(sent.acknowledged == 1);
    REQUIRE(village.laptop.sync().ok());
    CHECK(village.laptop.ledger->get("household", village.ids[0])->value("address") == "钟慢的电脑改的");
    CHECK(snapshot(*fresh.ledger, kVillageA) == snapshot(*village.laptop.ledger, kVillageA));
}
