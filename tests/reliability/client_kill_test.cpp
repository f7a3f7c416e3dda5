// DESIGN.md §6 "Crash" on the device: the `shouwang` tool killed (SIGKILL) at a random
// moment while it saves (demo), imports a CSV file or syncs. After every kill the file
// passes PRAGMA integrity_check and every record's field clocks match a logged change;
// the next sync completes and the county holds each of the device's changes once.
#include "../cli/county_fixture.h"
#include "ledger_facts.h"
#include "reliability.h"

#include <random>

using namespace shouwang;
using namespace shouwang::test;

namespace {

// Runs the command and kills it after `afterMs` unless it finished first; true if killed.
bool runAndKill(const std::vector<std::string>& args, const std::string& scratch, int afterMs)
{
    const pid_t pid = spawn(args, scratch + "/killed.out", scratch + "/killed.err");
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(afterMs);
    int status = 0;
    while (std::chrono::steady_clock::now() < deadline) {
        if (waitpid(pid, &status, WNOHANG) == pid)
            return false;
        std::this_thread::sleep_for(std::chrono::milliseconds(2));
    }
    kill(pid, SIGKILL);
    waitpid(pid, &status, 0);
    return WIFSIGNALED(status);
}

void checkConsistent(const std::string& path)
{
    auto db = openLedgerDatabase(path);
    CHECK(pragmaText(*db, "integrity_check") == "ok");
    Ledger ledger(*db);
    const auto orphans = fieldClocksWithoutChange(*db, ledger);
    INFO((orphans.empty() ? std::string() : orphans.front()));
    CHECK(orphans.empty());
}

} // namespace

TEST_CASE("the shouwang tool killed during saves, imports and syncs leaves a consistent ledger and the next sync completes")
{
    County county;
    const std::string scratch = county.dir.path().string();
    const std::string cli = SHOUWANG_CLI_EXE;

    // A CSV file of real-looking elders of the village, with ID numbers (import needs them).
    const std::string source = county.dir.file("source.db"), csv = county.dir.file("elders.csv");
    REQUIRE(run({cli, "--db", source, "demo", "--elders", "40", "--village", kVillageA, "--seed", "7"}, scratch).status == 0);
    REQUIRE(run({cli, "--db", source, "export", csv, "--reveal"}, scratch).status == 0);

    const int rounds = reliabilityRounds(3);
    int kills = 0;
    for (int round = 0; round < rounds; ++round) {
        const std::uint64_t seed = roundSeed(round);
        INFO(replayHint(seed));
        std::mt19937_64 random(seed);
        const std::string db = county.dir.file("village-" + std::to_string(round) + ".db");
        const Exec enrolled = run({cli, "--db", db, "enroll", "--server", county.server.url(), "--code",
                                   county.code(std::string("village:") + kVillageA)}, scratch);
        REQUIRE(enrolled.status == 0);

        const std::vector<std::vector<std::string>> steps = {
            {cli, "--db", db, "demo", "--elders", "25", "--seed", std::to_string(seed % 1000)},
            {cli, "--db", db, "sync", "--retries", "1"},
            {cli, "--db", db, "import", csv},
            {cli, "--db", db, "sync", "--retries", "1"},
            {cli, "--db", db, "demo", "--elders", "10", "--seed", std::to_string(seed % 1000 + 1)},
            {cli, "--db", db, "sync", "--retries", "1"},
        };
        for (const auto& step : steps) {
            INFO(step[3]);
            kills += runAndKill(step, scratch, static_cast<int>(random() % 400)) ? 1 : 0;
            checkConsistent(db);
        }
        const Exec sync = run({cli, "--db", db, "sync"}, scratch);
        INFO(sync.err);
        REQUIRE(sync.status == 0);
        const Exec status = run({cli, "--db", db, "status"}, scratch);
        CHECK(status.out.find("pending 0\n") != std::string::npos);
        CHECK(status.out.find("refused 0\n") != std::string::npos);
        checkConsistent(db);

        auto device = openLedgerDatabase(db);
        const auto own = ownChangeIds(*device);
        county.server.stop();
        {
            auto server = openLedgerDatabase(county.db);
            const auto stored = allChangeIds(*server);
            for (const auto& id : own)
                CHECK(stored.count(id) == 1);
        }
        county.server.start(county.server.port());
    }
    CHECK(kills > 0); // the random moments did land inside the commands
}
