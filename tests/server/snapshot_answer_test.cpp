// A snapshot page's answer is built record by record as the store reads them
// (server/pull_page.h): what it encodes must be the SnapshotResponse a device parses, cut
// at the byte limit like a pull, with the count and digest of exactly what it holds.

#include "server/pull_page.h"

#include "sync/snapshot.h"

#include <catch2/catch.hpp>

#include <string>
#include <vector>

using namespace shouwang;

namespace {

Record visit(int n, std::size_t noteBytes)
{
    Record r;
    r.entity = "visit";
    r.id = "00000000-0000-4000-8000-" + std::string(12 - std::to_string(n).size(), '0') + std::to_string(n);
    r.villageCode = "500154102200";
    r.createdAt = r.updatedAt = "2026-12-03T08:00:00";
    const Hlc clock{(static_cast<std::uint64_t>(1764748800000 + n) << Hlc::kCounterBits), "dev-a"};
    r.set("date", "2026-12-03");
    r.set("finding", std::string(noteBytes, 'x'));
    for (const char* field : {"date", "finding"})
        r.clocks.emplace(field, clock);
    return r;
}

server::SnapshotPage placed(bool hasMore)
{
    server::SnapshotPage page;
    page.at = 41;
    page.atEpoch = "epoch-1";
    page.readThrough = 44;
    page.hasMore = hasMore;
    return page;
}

wire::SnapshotResponse parsed(const std::string& bytes)
{
    wire::SnapshotResponse answer;
    REQUIRE(answer.ParseFromString(bytes));
    return answer;
}

} // namespace

TEST_CASE("a snapshot answer built record by record parses as the page, with its count, place and digest")
{
    std::vector<Record> records;
    server::SnapshotAnswer answer;
    for (int n = 0; n < 5; ++n) {
        records.push_back(visit(n, 20));
        REQUIRE(answer.add(records.back(), "7/500154102200/" + std::to_string(n + 1)));
    }
    const auto page = parsed(answer.finish(placed(true)));
    REQUIRE(page.records_size() == 5);
    for (int n = 0; n < 5; ++n)
        CHECK(snapshot::canonicalText(snapshot::fromWire(page.records(n)))
              == snapshot::canonicalText(records[static_cast<std::size_t>(n)]));
    CHECK(page.count() == 5);
    CHECK(page.after() == "7/500154102200/5");
    CHECK(page.has_more()); // the store said so
    CHECK(page.at() == 41);
    CHECK(page.at_epoch() == "epoch-1");
    CHECK(page.read_through() == 44);
    CHECK(page.digest() == snapshot::pageDigest(records));
}

TEST_CASE("a snapshot answer stops before the record that would pass its byte limit, and says there is more")
{
    server::SnapshotAnswer answer(3000);
    std::vector<Record> taken;
    int refusedAt = -1;
    for (int n = 0; n < 10; ++n) {
        Record r = visit(n, 900);
        if (!answer.add(r, "7/v/" + std::to_string(n + 1))) {
            refusedAt = n;
            break;
        }
        taken.push_back(std::move(r));
    }
    REQUIRE(refusedAt > 0);
    const std::string bytes = answer.finish(placed(false));
    CHECK(bytes.size() <= 3000);
    const auto page = parsed(bytes);
    CHECK(page.records_size() == refusedAt);
    CHECK(page.count() == static_cast<std::uint64_t>(refusedAt));
    CHECK(page.after() == "7/v/" + std::to_string(refusedAt)); // the next page begins at the refused one
    CHECK(page.has_more());                                    // cut here, though the store had no more
    CHECK(page.digest() == snapshot::pageDigest(taken));
}

TEST_CASE("a snapshot answer holds at least one record however large, so a page always moves")
{
    server::SnapshotAnswer answer(1000);
    const Record big = visit(1, 5000);
    CHECK(answer.add(big, "7/v/1"));
    CHECK_FALSE(answer.add(visit(2, 10), "7/v/2"));
    const auto page = parsed(answer.finish(placed(false)));
    REQUIRE(page.records_size() == 1);
    CHECK(page.after() == "7/v/1");
    CHECK(page.has_more());
}

TEST_CASE("a snapshot answer to a place the restored county no longer has sends no records and asks to begin again")
{
    server::SnapshotAnswer answer;
    server::SnapshotPage page = placed(false);
    page.atReset = true;
    const auto reset = parsed(answer.finish(page));
    CHECK(reset.at_reset());
    CHECK(reset.has_more());
    CHECK(reset.records_size() == 0);
    CHECK(reset.count() == 0);
}

TEST_CASE("an empty scope's snapshot answer is one page with no records and nothing more")
{
    server::SnapshotAnswer answer;
    const auto page = parsed(answer.finish(placed(false)));
    CHECK(page.records_size() == 0);
    CHECK(page.count() == 0);
    CHECK_FALSE(page.has_more());
    CHECK(page.after().empty());
    CHECK(page.digest() == snapshot::pageDigest({}));
}
