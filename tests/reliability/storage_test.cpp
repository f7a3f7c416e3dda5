// Disk full (docs/protocol.md: 503 STORAGE_FULL, "nothing was stored"): the county server
// answers 503 with a clear message, acknowledges nothing it did not store, and takes the
// same push once space returns; a village laptop's save is refused whole, keeps what the
// user typed, and succeeds once space returns.
#include "../server/server_fixture.h"
#include "../store/ledger_fixture.h"

#include "store/ledger.h"

#include <catch2/catch.hpp>

using namespace shouwang;
using namespace shouwang::test;

namespace {

std::vector<Change> households(ServerFixture& f, TestDevice& device, int count)
{
    std::vector<Change> out;
    for (int i = 0; i < count; ++i) {
        Change c = f.household(device, kVillageA, "户主" + std::to_string(i));
        c.fields.push_back({"notes", std::string(600, 'n') + std::to_string(i), {}}); // pages fill quickly
        out.push_back(c);
    }
    return out;
}

ListFilter named(const std::string& name)
{
    ListFilter filter;
    filter.equals = {{"name", name}};
    return filter;
}

bool logged(ServerFixture& f, const std::string& changeId)
{
    auto db = openLedgerDatabase(f.dbPath);
    return Ledger(*db).changeLog().contains(changeId);
}

} // namespace

TEST_CASE("a full county disk answers pushes 503 STORAGE_FULL, acknowledges only what it stored, and recovers")
{
    ServerFixture f;
    auto device = f.enroll("village:500154102200");
    REQUIRE(f.push(device, households(f, device, 5)).status == 200);

    f.store->limitPagesForTesting(1); // no room to grow from here on
    std::vector<Change> refusedBatch;
    for (int size = 1; size <= 400 && refusedBatch.empty(); size *= 2) {
        const std::vector<Change> batch = households(f, device, size);
        const auto res = f.push(device, batch);
        if (res.status == 200) {
            // What still fitted in free pages was stored, and only that was acknowledged.
            wire::PushResponse answer;
            REQUIRE(answer.ParseFromString(res.body));
            for (const auto& r : answer.results())
                CHECK((r.accepted() && logged(f, r.change_id())));
            continue;
        }
        REQUIRE(res.status == 503);
        const wire::Error error = errorOf(res);
        CHECK(error.code() == wire::STORAGE_FULL);
        CHECK(error.try_again());
        CHECK(error.message().find("磁盘已满") != std::string::npos);
        CHECK(error.message().find("未保存任何数据") != std::string::npos);
        CHECK(error.results_size() == 0);
        for (const auto& c : batch)
            CHECK_FALSE(logged(f, c.changeId));
        refusedBatch = batch;
    }
    REQUIRE_FALSE(refusedBatch.empty());
    CHECK(f.post(protocol::kHealthPath, "", {}).status != 0); // the server still answers

    f.store->limitPagesForTesting(0); // space returns
    const auto res = f.push(device, refusedBatch);
    REQUIRE(res.status == 200);
    wire::PushResponse answer;
    REQUIRE(answer.ParseFromString(res.body));
    for (const auto& r : answer.results())
        CHECK(r.accepted());
    for (const auto& c : refusedBatch)
        CHECK(logged(f, c.changeId));
}

TEST_CASE("a save on a full laptop disk is refused whole with a message, keeps what was typed, and works once space returns")
{
    LedgerFixture f;
    f.saved(f.elder("王大爷", "11010519491231002X"));
    const std::size_t pendingBefore = f.ledger.changeLog().pendingCount();
    f.db->exec("PRAGMA max_page_count = 1"); // clamps to the current size: no growth

    Record typed;
    SaveResult result;
    for (int i = 0; i < 500; ++i) {
        typed = f.elder("李奶奶" + std::to_string(i), "11010519491231002X");
        typed.set("difficulties_note", std::string(2000, 'x'));
        const Record asTyped = typed;
        result = f.ledger.save(typed, "测试员");
        if (!result.ok()) {
            CHECK(typed.values == asTyped.values); // the form's content is all still there
            break;
        }
    }
    REQUIRE_FALSE(result.ok());
    CHECK(result.storageFull);
    CHECK(result.message.find("磁盘已满") != std::string::npos);
    CHECK(result.message.find("已填写的内容仍保留") != std::string::npos);
    CHECK_FALSE(result.change);
    // Every record that was saved has its change in the outbox, and the refused one neither.
    CHECK(f.ledger.changeLog().pendingCount() == pendingBefore + f.ledger.count("elder") - 1);
    CHECK(f.ledger.count("elder", named(typed.value("name"))) == 0);

    f.db->exec("PRAGMA max_page_count = 1073741823"); // space returns
    const SaveResult again = f.ledger.save(typed, "测试员");
    INFO(again.message);
    CHECK(again.ok());
    CHECK(f.ledger.count("elder", named(typed.value("name"))) == 1);
}
