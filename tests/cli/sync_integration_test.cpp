// The device side against the real county server process (docs/protocol.md).
#include "county_fixture.h"
#include "fault_transport.h"

#include "store/change_codec.h"
#include "store/conflict_queue.h"
#include "sync/crypto.h"
#include "sync/protocol.h"

#include "shouwang/sync.pb.h"

#include <csignal>
#include <fstream>
#include <sstream>

using namespace shouwang;
using namespace shouwang::test;

namespace {

std::size_t households(Ledger& ledger, const std::string& prefix = {})
{
    ListFilter filter;
    filter.villagePrefix = prefix;
    return ledger.count("household", filter);
}

std::string statsLine(const Exec& e, const std::string& key)
{
    std::istringstream in(e.out);
    std::string line;
    while (std::getline(in, line)) {
        if (line.rfind(key + " ", 0) == 0)
            return line.substr(key.size() + 1);
    }
    return {};
}

} // namespace

TEST_CASE("three devices of two villages edit offline and sync in different orders: every replica and the server agree")
{
    County county;
    Device a1(county.dir, "a1"), a2(county.dir, "a2"), b1(county.dir, "b1");
    a1.enroll(county, std::string("village:") + kVillageA);
    a2.enroll(county, std::string("village:") + kVillageA);
    b1.enroll(county, std::string("village:") + kVillageB);

    const std::string shared = a1.household(kVillageA, "王德明");
    REQUIRE(a1.sync().ok());
    REQUIRE(a2.sync().ok());
    REQUIRE(a2.ledger->get("household", shared));

    // Offline: each edits its own fields and makes new records.
    a1.edit("household", shared, "notes", "甲记的备注");
    a2.edit("household", shared, "address", "厚坝镇大坝村二组");
    const std::string fromA2 = a2.household(kVillageA, "李秀兰");
    const std::string fromB1 = b1.household(kVillageB, "张国华");
    REQUIRE(a1.ledger->remove("household", a1.household(kVillageA, "临时户"), "测试员").ok());

    for (Device* d : {&b1, &a2, &a1, &a2, &b1})
        REQUIRE(d->sync().ok());

    CHECK(snapshot(*a1.ledger, kVillageA) == snapshot(*a2.ledger, kVillageA));
    CHECK(a1.ledger->get("household", shared)->value("address") == "厚坝镇大坝村二组");
    CHECK(a2.ledger->get("household", shared)->value("notes") == "甲记的备注");
    CHECK(a1.ledger->get("household", fromA2));
    CHECK_FALSE(a1.ledger->get("household", fromB1)); // another village: never pulled
    CHECK(households(*b1.ledger, kVillageA) == 0);

    // The command-line stats of the replicas add up to the server's.
    const Exec serverStats = county.admin({"stats"});
    const Exec a1Stats = run({SHOUWANG_CLI_EXE, "--db", a1.path, "stats"}, county.dir.path().string());
    const Exec b1Stats = run({SHOUWANG_CLI_EXE, "--db", b1.path, "stats"}, county.dir.path().string());
    REQUIRE(a1Stats.status == 0);
    CHECK(statsLine(a1Stats, "household") == "2");
    CHECK(statsLine(a1Stats, "pending") == "0");
    CHECK(statsLine(serverStats, "household") == "3");

    const auto expectA = snapshot(*a1.ledger, kVillageA), expectB = snapshot(*b1.ledger, kVillageB);
    county.inspect([&](Ledger& server, Database&) {
        CHECK(snapshot(server, kVillageA) == expectA);
        CHECK(snapshot(server, kVillageB) == expectB);
    });
}

TEST_CASE("a concurrent edit of one field reaches the conflict queue with both values, and its resolution reaches every device")
{
    County county;
    Device a1(county.dir, "a1"), a2(county.dir, "a2");
    a1.enroll(county, std::string("village:") + kVillageA);
    a2.enroll(county, std::string("village:") + kVillageA);
    const std::string id = a1.household(kVillageA, "王德明");
    REQUIRE(a1.sync().ok());
    REQUIRE(a2.sync().ok());

    a1.edit("household", id, "notes", "老人独居，需每周探访");
    a2.edit("household", id, "notes", "老人已随子女外出");
    REQUIRE(a1.sync().ok());
    const SyncReport second = a2.sync();
    REQUIRE(second.ok());
    CHECK(second.conflicts == 1); // a2 pulled a1's edit, made without seeing its own

    const Exec listed = county.admin({"conflicts"});
    REQUIRE(listed.status == 0);
    CHECK(listed.out.find("老人独居，需每周探访") != std::string::npos);
    CHECK(listed.out.find("老人已随子女外出") != std::string::npos);
    const std::string line = listed.lastLine();
    const std::string conflictId = line.substr(0, line.find('\t'));
    REQUIRE(county.admin({"conflicts", "resolve", conflictId, "--value", "老人独居，子女每月回来一次"}).status == 0);
    CHECK(county.admin({"conflicts"}).lastLine().rfind("CONFLICT_ID", 0) == 0); // only the header left

    REQUIRE(a1.sync().ok());
    REQUIRE(a2.sync().ok());
    for (Device* d : {&a1, &a2}) {
        CHECK(d->ledger->get("household", id)->value("notes") == "老人独居，子女每月回来一次");
        CHECK(ConflictQueue(*d->db).openCount() == 0);
    }
    CHECK(snapshot(*a1.ledger, kVillageA) == snapshot(*a2.ledger, kVillageA));
}

TEST_CASE("the same push batch sent twice is stored once")
{
    County county;
    Device a1(county.dir, "a1");
    a1.enroll(county, std::string("village:") + kVillageA);
    for (int i = 0; i < 3; ++i)
        a1.household(kVillageA, "户主" + std::to_string(i));

    wire::PushRequest request;
    request.set_protocol_version(protocol::kVersion);
    for (const Change& c : a1.ledger->changeLog().pending(100)) {
        auto* out = request.add_changes();
        toWire(c, *out);
        out->clear_seq();
    }
    net::BeastTransport transport(county.server.url());
    const HttpHeaders headers{{"Content-Type", "application/x-protobuf"},
                              {"Authorization", "Bearer " + a1.ledger->meta().value(meta::kToken)}};
    for (int round = 0; round < 2; ++round) {
        const HttpResponse answer = transport.post(protocol::kPushPath, request.SerializeAsString(), headers);
        REQUIRE(answer.status == 200);
        wire::PushResponse results;
        REQUIRE(results.ParseFromString(answer.body));
        REQUIRE(results.results_size() == 3);
        for (const auto& r : results.results())
            CHECK(r.accepted());
    }
    // The device still holds them as pending and sends them a third time.
    const SyncReport report = a1.sync();
    REQUIRE(report.ok());
    CHECK(report.acknowledged == 3);
    CHECK(statsLine(county.admin({"stats"}), "household") == "3");
}

TEST_CASE("a server killed between batches loses nothing acknowledged, doubles nothing, and the next sync completes")
{
    County county;
    Device a1(county.dir, "a1");
    a1.enroll(county, std::string("village:") + kVillageA);
    for (int i = 0; i < 30; ++i)
        a1.household(kVillageA, "户主" + std::to_string(i));
    a1.options.pushBatch = 5;
    a1.options.maxAttempts = 1;

    SECTION("SIGKILL after the third batch was answered")
    {
        net::BeastTransport real(county.server.url());
        FaultTransport faults(real);
        faults.beforeCall = [&](int call) {
            if (call == 5) // call 1 is the hello that opens every sync
                county.server.stop(SIGKILL);
        };
        const SyncReport cut = a1.sync(faults);
        CHECK(cut.error.code == SyncErrorCode::Network);
        CHECK(cut.acknowledged == 15);
        CHECK(a1.ledger->changeLog().pendingCount() == 15);
    }
    SECTION("the answer to a batch is lost on the way back (the server stored it)")
    {
        net::BeastTransport real(county.server.url());
        FaultTransport faults(real);
        faults.dropAnswerOfCall = 3; // the second batch (call 1 is the hello)
        const SyncReport cut = a1.sync(faults);
        CHECK(cut.error.code == SyncErrorCode::Network);
        CHECK(cut.acknowledged == 5);
        county.server.stop(SIGKILL);
    }
    county.server.start(county.server.port());
    // What the server acknowledged survived the kill.
    const std::size_t durable = std::stoul(statsLine(county.admin({"stats"}), "household"));
    CHECK(durable >= 30 - a1.ledger->changeLog().pendingCount());

    const SyncReport resumed = a1.sync();
    INFO(resumed.error.message);
    REQUIRE(resumed.ok());
    CHECK(a1.ledger->changeLog().pendingCount() == 0);
    CHECK(statsLine(county.admin({"stats"}), "household") == "30");
}

TEST_CASE("a bundle imported twice at the server, and its answer twice at the village, changes nothing the second time")
{
    County county;
    Device a1(county.dir, "a1"), a2(county.dir, "a2");
    a1.enroll(county, std::string("village:") + kVillageA);
    a2.enroll(county, std::string("village:") + kVillageA);
    const std::string online = a2.household(kVillageA, "网上户");
    REQUIRE(a2.sync().ok());
    const std::string offline = a1.household(kVillageA, "离线户");

    const std::string out = county.dir.file("village.shw"), answer1 = county.dir.file("answer1.shw"),
                      answer2 = county.dir.file("answer2.shw");
    FaultTransport noNetwork = FaultTransport::offline();
    SyncClient client(*a1.ledger, noNetwork);
    const BundleExport exported = client.exportBundle(out);
    REQUIRE(exported.ok());
    CHECK(exported.changes == 1);

    REQUIRE(county.admin({"import-bundle", out, "--answer", answer1}).status == 0);
    const std::string afterFirst = county.admin({"stats"}).out;
    REQUIRE(county.admin({"import-bundle", out, "--answer", answer2}).status == 0);
    CHECK(county.admin({"stats"}).out == afterFirst);

    const SyncReport first = client.importBundleAnswer(answer1);
    REQUIRE(first.ok());
    CHECK(first.acknowledged == 1);
    CHECK(first.pulled == 1);
    const auto once = snapshot(*a1.ledger, kVillageA);
    const std::string cursor = a1.ledger->meta().value(meta::kPullCursor);
    for (const std::string& again : {answer1, answer2}) {
        const SyncReport replay = client.importBundleAnswer(again);
        REQUIRE(replay.ok());
        CHECK(replay.acknowledged + replay.refused + replay.pulled + replay.conflicts == 0);
        CHECK(snapshot(*a1.ledger, kVillageA) == once);
        CHECK(a1.ledger->meta().value(meta::kPullCursor) == cursor);
    }
    CHECK(a1.ledger->get("household", online));
    CHECK(a1.ledger->changeLog().pendingCount() == 0);

    // Online again, both laptops agree, and nothing came twice.
    REQUIRE(a1.sync().ok());
    REQUIRE(a2.sync().ok());
    CHECK(a2.ledger->get("household", offline));
    CHECK(snapshot(*a1.ledger, kVillageA) == snapshot(*a2.ledger, kVillageA));
    CHECK(statsLine(county.admin({"stats"}), "household") == "2");
}

TEST_CASE("an answer bundle of another device, or a damaged one, is refused and changes nothing")
{
    County county;
    Device a1(county.dir, "a1"), a2(county.dir, "a2");
    a1.enroll(county, std::string("village:") + kVillageA);
    a2.enroll(county, std::string("village:") + kVillageA);
    a1.household(kVillageA, "离线户");
    FaultTransport offline = FaultTransport::offline();
    const std::string out = county.dir.file("a1.shw"), answer = county.dir.file("a1-answer.shw");
    REQUIRE(SyncClient(*a1.ledger, offline).exportBundle(out).ok());
    REQUIRE(county.admin({"import-bundle", out, "--answer", answer}).status == 0);

    const SyncReport foreign = SyncClient(*a2.ledger, offline).importBundleAnswer(answer);
    CHECK(foreign.error.code == SyncErrorCode::BadBundle);

    std::string bytes = slurp(answer);
    bytes[bytes.size() / 2] = static_cast<char>(bytes[bytes.size() / 2] ^ 1);
    const std::string damaged = county.dir.file("damaged.shw");
    std::ofstream(damaged, std::ios::binary) << bytes;
    const SyncReport refused = SyncClient(*a1.ledger, offline).importBundleAnswer(damaged);
    CHECK(refused.error.code == SyncErrorCode::BadBundle);
    CHECK(a1.ledger->changeLog().pendingCount() == 1);
}
