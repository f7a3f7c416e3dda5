#include "fixture.h"

#include "demo/demo_generator.h"
#include "domain/date.h"
#include "domain/divisions.h"
#include "domain/hlc.h"
#include "domain/ids.h"
#include "server/enrollment.h"
#include "server/server_store.h"
#include "store/ledger.h"
#include "sync/crypto.h"

#include <atomic>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <mutex>
#include <stdexcept>
#include <thread>

namespace shouwang::bench {

namespace fs = std::filesystem;

Scale Scale::named(const std::string& name)
{
    Scale s;
    s.name = name;
    if (name == "small") {
        s.villages = 20;
        s.elders = 4000;
        s.peerVillages = 20; // every village: 148,000 records
        s.queryRepeats = 20;
    } else if (name == "county") {
        s.villages = 500;
        s.elders = 100000;
        s.peerVillages = 42; // about 300,000 records (issue 19)
        s.queryRepeats = 20;
    } else if (name == "city") {
        // The city run the PostgreSQL store is for: 400 villages of 200 elders in each of
        // five counties (scenario 8 alone; the other scenarios are one county's).
        s.villages = 2000;
        s.elders = 400000;
        s.acrossCounties = true;
        // Half a year of monthly visits, not the county scale's thirty: the run uploads the
        // city three times (the counties' files, then PostgreSQL through one and through two
        // processes), which at 30 visits an elder (15 million changes) would take hours a
        // time on PostgreSQL. The first village is like the others: scenario 3 does not run.
        s.visitsPerElder = 6;
        s.pullVillageElders = 200;
        s.pullVillageVisitsPerElder = 6;
    } else {
        throw std::invalid_argument("--scale is small, county or city");
    }
    return s;
}

Scale Scale::acrossCity() const
{
    Scale s = *this;
    if (!s.acrossCounties) {
        s.acrossCounties = true;
        s.name += "-city"; // its own villages-NAME folder of ledgers
    }
    return s;
}

namespace {

// The first `count` villages of one county: its 村民委员会, then its 居民委员会.
std::vector<std::pair<std::string, std::string>> countyVillages(const std::string& county, std::size_t count)
{
    std::vector<std::pair<std::string, std::string>> committees, residents;
    for (const Division* township : childDivisions(county)) {
        for (const Division* village : childDivisions(township->code)) {
            auto& into = village->isVillageCommittee() ? committees : residents;
            into.emplace_back(std::string(village->code), std::string(village->name));
        }
    }
    for (auto& r : residents) {
        if (committees.size() >= count)
            break;
        committees.push_back(std::move(r));
    }
    if (committees.size() > count)
        committees.resize(count);
    return committees;
}

} // namespace

std::vector<std::pair<std::string, std::string>> villageCodes(const Scale& scale)
{
    if (!scale.acrossCounties)
        return countyVillages(scale.countyCode, scale.villages);
    std::vector<std::pair<std::string, std::string>> out;
    const std::size_t counties = scale.cityCounties.size();
    for (std::size_t c = 0; c < counties; ++c) {
        const std::size_t share = scale.villages / counties + (c < scale.villages % counties ? 1 : 0);
        for (auto& village : countyVillages(scale.cityCounties[c], share))
            out.push_back(std::move(village));
    }
    return out;
}

namespace {

VillageLedger describe(const std::string& code, const std::string& name, const std::string& path)
{
    auto db = openLedgerDatabase(path);
    Ledger ledger(*db);
    VillageLedger v;
    v.code = code;
    v.name = name;
    v.dbPath = path;
    v.deviceId = ledger.deviceId();
    v.elders = ledger.count("elder");
    v.visits = ledger.count("visit");
    v.changes = ledger.changeLog().pendingCount();
    return v;
}

} // namespace

std::vector<VillageLedger> prepareVillages(const Scale& scale, const std::string& workDir)
{
    const auto codes = villageCodes(scale);
    const fs::path dir = fs::path(workDir) / ("villages-" + scale.name);
    fs::create_directories(dir);
    const std::size_t others = codes.size() - 1;
    const std::size_t rest = scale.elders > scale.pullVillageElders ? scale.elders - scale.pullVillageElders : 0;

    std::vector<VillageLedger> out(codes.size());
    std::atomic<std::size_t> next{0}, made{0};
    std::mutex errorMutex;
    std::string error;
    const auto started = std::chrono::steady_clock::now();
    auto work = [&] {
        for (std::size_t i = next++; i < codes.size(); i = next++) {
            const auto& [code, name] = codes[i];
            const fs::path path = dir / (code + ".db");
            const fs::path done = dir / (code + ".done");
            try {
                if (!fs::exists(done)) {
                    fs::remove(path);
                    fs::remove(fs::path(path.string() + "-wal"));
                    fs::remove(fs::path(path.string() + "-shm"));
                    auto db = openLedgerDatabase(path.string());
                    Ledger ledger(*db);
                    DemoOptions options;
                    options.scopeCode = code;
                    options.seed = 1000 + i;
                    if (i == 0) {
                        options.elders = scale.pullVillageElders;
                        options.visitsPerElder = scale.pullVillageVisitsPerElder;
                    } else {
                        options.elders = rest / others + (i - 1 < rest % others ? 1 : 0);
                        options.visitsPerElder = scale.visitsPerElder;
                    }
                    generateDemo(ledger, options);
                    db.reset();
                    std::ofstream(done) << "ok\n";
                    const std::size_t n = ++made;
                    if (n % 10 == 0 || n == codes.size())
                        std::fprintf(stderr, "  generated %zu villages (%.0f s)\n", n,
                                     std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count());
                }
                out[i] = describe(code, name, path.string());
            } catch (const std::exception& e) {
                std::lock_guard lock(errorMutex);
                error = code + ": " + e.what();
            }
        }
    };
    std::vector<std::thread> threads;
    for (int t = 0; t < 2; ++t)
        threads.emplace_back(work);
    for (auto& t : threads)
        t.join();
    if (!error.empty())
        throw std::runtime_error("generating villages failed: " + error);
    return out;
}

std::string makeEnrollmentCode(server::CountyStore& store, const std::string& scope)
{
    const std::string code = server::newEnrollmentCode();
    server::EnrollmentCode entry;
    entry.codeHash = server::enrollmentCodeHash(code);
    entry.scope = *Scope::parse(scope);
    entry.createdAt = nowDateTime();
    entry.expiresAt = formatDateTime(HybridClock::systemMillis() + 7LL * 24 * 3600 * 1000);
    store.addEnrollmentCode(entry);
    return code;
}

BenchDevice enrollDirectly(server::CountyStore& store, const std::string& deviceId, const std::string& scope)
{
    const std::string code = makeEnrollmentCode(store, scope);
    BenchDevice device{deviceId, crypto::newToken(), scope};
    server::Device d;
    d.id = deviceId;
    d.name = "bench " + scope;
    d.tokenHash = crypto::tokenHash(device.token);
    if (store.enroll(server::enrollmentCodeHash(code), d, nowDateTime()) != server::EnrollVerdict::Enrolled)
        throw std::runtime_error("direct enrollment failed for " + deviceId);
    return device;
}

std::vector<Change> dayOfWork(const Change& visit, const std::string& deviceId, int count)
{
    std::vector<Change> out;
    const auto now = static_cast<std::uint64_t>(HybridClock::systemMillis()) << Hlc::kCounterBits;
    for (int k = 0; k < count; ++k) {
        Change c = visit;
        c.changeId = newUuid();
        c.recordId = newUuid();
        c.hlc = Hlc{now + static_cast<std::uint64_t>(k), deviceId};
        c.operatorName = "村干部";
        c.seq = 0;
        for (auto& f : c.fields)
            f.base = Hlc{};
        out.push_back(std::move(c));
    }
    return out;
}

} // namespace shouwang::bench
