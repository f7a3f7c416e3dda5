// Many devices at the same moment: pushes that share a group commit, pulls read beside the
// writer, and the "last contact" hints written whoever holds the writer.
#include "server_fixture.h"

#include "domain/date.h"

#include <catch2/catch.hpp>

#include <atomic>
#include <latch>
#include <mutex>
#include <set>
#include <thread>

using namespace shouwang;
using namespace shouwang::test;

namespace {

constexpr int kDevices = 24;
constexpr int kBatches = 3;
constexpr int kChangesPerBatch = 20;

struct Crowd {
    ServerFixture& f;
    std::vector<TestDevice> devices;
    std::vector<std::vector<std::vector<Change>>> batches; // per device, per batch

    explicit Crowd(ServerFixture& fixture, int changesPerBatch = kChangesPerBatch)
        : f(fixture)
    {
        for (int d = 0; d < kDevices; ++d) {
            const std::string village = d % 2 ? kVillageA : kVillageB;
            devices.push_back(f.enroll("village:" + village));
            std::vector<std::vector<Change>> mine;
            for (int b = 0; b < kBatches; ++b) {
                std::vector<Change> batch;
                for (int c = 0; c < changesPerBatch; ++c)
                    batch.push_back(f.household(devices.back(), village, "户主" + std::to_string(c)));
                mine.push_back(std::move(batch));
            }
            batches.push_back(std::move(mine));
        }
    }

    // Every device pushes its batches from its own thread, all released at the same instant;
    // `each` sees every answer with the batch it answers.
    template <typename Each>
    void pushAll(Each&& each)
    {
        std::latch start(kDevices);
        std::mutex seen;
        std::vector<std::thread> threads;
        for (int d = 0; d < kDevices; ++d) {
            threads.emplace_back([&, d] {
                start.arrive_and_wait();
                for (const auto& batch : batches[static_cast<std::size_t>(d)]) {
                    auto res = f.push(devices[static_cast<std::size_t>(d)], batch);
                    std::lock_guard lock(seen);
                    each(res, batch);
                }
            });
        }
        for (auto& t : threads)
            t.join();
    }
};

constexpr std::size_t kTotal = static_cast<std::size_t>(kDevices) * kBatches * kChangesPerBatch;

} // namespace

TEST_CASE("pushes from many devices at once are each merged and answered change by change", "[push][concurrency]")
{
    ServerFixture f;
    Crowd crowd(f);
    std::size_t answered = 0;
    crowd.pushAll([&](const server::Response& res, const std::vector<Change>& batch) {
        REQUIRE(res.status == 200);
        wire::PushResponse answer;
        REQUIRE(answer.ParseFromString(res.body));
        REQUIRE(answer.results_size() == static_cast<int>(batch.size()));
        for (std::size_t i = 0; i < batch.size(); ++i) {
            CHECK(answer.results(static_cast<int>(i)).change_id() == batch[i].changeId);
            CHECK(answer.results(static_cast<int>(i)).accepted());
        }
        answered += batch.size();
    });
    CHECK(answered == kTotal);
    CHECK(f.liveCount("household") == kTotal);

    // A county device sees every change exactly once, in one consistent order.
    auto county = f.enroll("county:500154");
    std::set<std::string> ids;
    std::uint64_t cursor = 0;
    for (bool more = true; more;) {
        auto page = f.pull(county, cursor, 100);
        for (const auto& c : page.changes())
            CHECK(ids.insert(c.change_id()).second);
        cursor = page.next_cursor();
        more = page.has_more();
    }
    CHECK(ids.size() == kTotal);
}

TEST_CASE("a full disk during simultaneous pushes acknowledges none, and all land once space returns",
          "[push][concurrency][storage][sqlite]")
{
    ServerFixture f;
    // Batches larger than the room left in the file's pages: every one needs the file to grow.
    constexpr int kLargeBatch = 200;
    Crowd crowd(f, kLargeBatch);
    f.store->limitPagesForTesting(1); // below the file's size: no growth at all
    std::size_t refused = 0;
    crowd.pushAll([&](const server::Response& res, const std::vector<Change>&) {
        CHECK(res.status == 503);
        CHECK(errorOf(res).code() == wire::STORAGE_FULL);
        CHECK(errorOf(res).try_again());
        ++refused;
    });
    CHECK(refused == static_cast<std::size_t>(kDevices) * kBatches);
    CHECK(f.liveCount("household") == 0);

    f.store->limitPagesForTesting(0);
    crowd.pushAll([&](const server::Response& res, const std::vector<Change>&) { CHECK(res.status == 200); });
    CHECK(f.liveCount("household") == static_cast<std::size_t>(kDevices) * kBatches * kLargeBatch);
}

TEST_CASE("last contact is recorded for devices that pull while others push", "[pull][concurrency]")
{
    ServerFixture f;
    Crowd crowd(f);
    std::vector<TestDevice> readers;
    for (int i = 0; i < 8; ++i)
        readers.push_back(f.enroll("village:" + std::string(kVillageA)));
    f.now += 5000; // so that a pull's contact differs from the enrollment's
    const std::string pulledAt = formatDateTime(f.now);

    std::atomic<bool> pushing{true};
    std::vector<std::thread> pullers;
    for (const auto& reader : readers) {
        pullers.emplace_back([&f, &pushing, reader] {
            do {
                f.pull(reader);
            } while (pushing);
        });
    }
    crowd.pushAll([](const server::Response& res, const std::vector<Change>&) { CHECK(res.status == 200); });
    pushing = false;
    for (auto& t : pullers)
        t.join();

    for (const auto& reader : readers)
        CHECK(f.store->device(reader.id)->lastSeen == pulledAt);
    for (const auto& pusher : crowd.devices)
        CHECK(f.store->device(pusher.id)->lastPushAt == pulledAt);
}
