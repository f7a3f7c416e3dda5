// DESIGN.md §6 "Crash": the real shouwang-server killed (SIGKILL) at a random moment while
// several devices push, then restarted. Nothing it acknowledged may be missing after the
// restart, and once the devices finish, every change any of them holds is in the county
// ledger exactly once.
#include "../cli/county_fixture.h"
#include "convergence.h"
#include "reliability.h"

#include <atomic>
#include <random>
#include <thread>

using namespace shouwang;
using namespace shouwang::test;

namespace {

// Saves `count` households and edits of them, so the outbox holds new records and updates.
void typeOffline(Device& device, const std::string& village, int count, std::mt19937_64& random)
{
    std::vector<std::string> ids;
    for (int i = 0; i < count; ++i) {
        if (ids.empty() || random() % 3 != 0)
            ids.push_back(device.household(village, "户主" + std::to_string(i)));
        else
            device.edit("household", ids[random() % ids.size()], "notes", "备注" + std::to_string(i));
    }
}

SyncReport syncWith(Device& device, const std::string& url)
{
    net::TransportOptions options;
    options.connectTimeout = options.readTimeout = std::chrono::seconds(10);
    net::BeastTransport transport(url, options);
    return device.sync(transport);
}

} // namespace

TEST_CASE("a server killed at a random moment during pushes keeps every acknowledged change and doubles none")
{
    const int rounds = reliabilityRounds(5);
    int interrupted = 0; // rounds whose kill landed while changes were still unacknowledged
    for (int round = 0; round < rounds; ++round) {
        const std::uint64_t seed = roundSeed(round);
        INFO(replayHint(seed));
        std::mt19937_64 random(seed);

        County county;
        std::vector<std::unique_ptr<Device>> devices;
        const char* villages[] = {kVillageA, kVillageA, kVillageB};
        for (std::size_t i = 0; i < 3; ++i) {
            devices.push_back(std::make_unique<Device>(county.dir, "d" + std::to_string(i)));
            devices[i]->enroll(county, std::string("village:") + villages[i]);
            devices[i]->options.maxAttempts = 1;                            // a dead server ends the sync
            devices[i]->options.pushBatch = 3 + static_cast<std::size_t>(random() % 12); // many commits to land between
            typeOffline(*devices[i], villages[i], 150 + static_cast<int>(random() % 100), random);
        }

        // All push at once; the server dies at a random moment within the pushes. The kill
        // comes early (within 40 ms) and each device has dozens of small pushes to make, each
        // with its own fsync, so it lands mid-push on a fast, idle machine too.
        const std::string url = county.server.url();
        std::vector<std::thread> pushing;
        for (auto& d : devices)
            pushing.emplace_back([&d, &url] { syncWith(*d, url); });
        std::this_thread::sleep_for(std::chrono::milliseconds(random() % 40));
        county.server.stop(SIGKILL);
        for (auto& t : pushing)
            t.join();

        // Whatever the server acknowledged is on its disk, though it never shut down.
        std::set<std::string> acknowledged;
        bool cutShort = false;
        for (auto& d : devices) {
            cutShort = cutShort || d->ledger->changeLog().pendingCount() > 0;
            const auto ids = ownChangeIds(*d->db, 1);
            acknowledged.insert(ids.begin(), ids.end());
        }
        interrupted += cutShort ? 1 : 0;
        {
            auto db = openLedgerDatabase(county.db);
            const auto stored = allChangeIds(*db);
            for (const auto& id : acknowledged) {
                INFO("acknowledged change " << id);
                CHECK(stored.count(id) == 1);
            }
            CHECK(pragmaText(*db, "integrity_check") == "ok");
        }

        // Restarted, the devices finish; two passes so each pulls what the others pushed.
        county.server.start(county.server.port());
        for (int pass = 0; pass < 2; ++pass) {
            for (auto& d : devices) {
                d->options.maxAttempts = 3;
                const SyncReport report = syncWith(*d, county.server.url());
                INFO(report.error.message);
                REQUIRE(report.ok());
            }
        }
        checkConverged(county, devices);
    }
    // Kills must land mid-push, or the test proves little.
    CHECK(interrupted * 2 >= rounds);
    WARN(interrupted << " of " << rounds << " kills landed while pushes were under way");
}
