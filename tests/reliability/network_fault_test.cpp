// Network faults between real devices and the real server, through a fault-injecting TCP
// proxy on 127.0.0.1 (fault_proxy.h): requests cut half way, answers cut half way, answers
// held past the client's timeout, requests delivered twice, old requests delivered again
// after newer ones. Everyone converges; nothing is lost or doubled.
#include "../cli/county_fixture.h"
#include "convergence.h"
#include "fault_proxy.h"
#include "reliability.h"

#include <random>

using namespace shouwang;
using namespace shouwang::test;

namespace {

constexpr auto kClientTimeout = std::chrono::milliseconds(400);

net::TransportOptions quick()
{
    net::TransportOptions o;
    o.connectTimeout = o.readTimeout = kClientTimeout;
    return o;
}

} // namespace

TEST_CASE("devices syncing through cut, delayed, duplicated and reordered connections converge with nothing lost or doubled")
{
    const int rounds = reliabilityRounds(2);
    for (int round = 0; round < rounds; ++round) {
        const std::uint64_t seed = roundSeed(round);
        INFO(replayHint(seed));
        std::mt19937_64 random(seed);

        County county;
        std::mt19937_64 faultRandom(seed ^ 0x9e3779b97f4a7c15ULL);
        FaultProxy proxy(county.server.port(), [&faultRandom] {
            constexpr NetFault kinds[] = {NetFault::CutRequest, NetFault::CutResponse, NetFault::DelayResponse,
                                          NetFault::Duplicate, NetFault::ReplayOld};
            return faultRandom() % 100 < 45 ? kinds[faultRandom() % 5] : NetFault::None;
        }, kClientTimeout * 2);

        std::vector<std::unique_ptr<Device>> devices;
        const char* villages[] = {kVillageA, kVillageA, kVillageB};
        for (std::size_t i = 0; i < 3; ++i) {
            devices.push_back(std::make_unique<Device>(county.dir, "d" + std::to_string(i)));
            devices[i]->enroll(county, std::string("village:") + villages[i]);
            devices[i]->options.maxAttempts = 2;
            devices[i]->options.pushBatch = 4;
            devices[i]->options.pullLimit = 5;
        }
        std::vector<std::vector<std::string>> records(3);
        for (int step = 0; step < 6; ++step) {
            for (std::size_t i = 0; i < devices.size(); ++i) {
                for (int op = 0; op < 5; ++op) {
                    if (records[i].empty() || random() % 3 == 0) {
                        records[i].push_back(devices[i]->household(villages[i], "户" + std::to_string(step * 10 + op)));
                    } else {
                        ListFilter filter;
                        filter.villagePrefix = villages[i];
                        const auto all = devices[i]->ledger->list("household", filter);
                        devices[i]->edit("household", all[random() % all.size()].id, "notes",
                                         "第" + std::to_string(step) + "步" + std::to_string(op) + "设备" + std::to_string(i));
                    }
                }
                net::BeastTransport flaky(proxy.url(), quick());
                devices[i]->sync(flaky); // may fail: the next step or the heal picks it up
            }
        }
        CHECK(proxy.faults.load() > 0);

        // The network heals (the same proxy, no faults now): everyone syncs until still.
        for (int pass = 0; pass < 2; ++pass) {
            for (auto& d : devices) {
                net::BeastTransport direct(county.server.url(), quick());
                const SyncReport report = d->sync(direct);
                INFO(report.error.message);
                REQUIRE(report.ok());
            }
        }
        for (auto& d : devices)
            CHECK(d->ledger->changeLog().refused().empty());
        checkConverged(county, devices, [&](Ledger& server, const auto& stored, const auto& made) {
            CHECK(stored.size() == made.size()); // nothing the devices did not make
            CHECK(server.count("household") == records[0].size() + records[1].size() + records[2].size());
        });
    }
}
