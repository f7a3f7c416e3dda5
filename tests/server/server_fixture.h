#pragma once

#include "../support/temp_dir.h"
#include "../support/test_county_store.h"

#include "server/api.h"
#include "server/enrollment.h"
#include "server/metrics.h"
#include "server/rate_limiter.h"
#include "server/server_store.h"

#include "store/change_codec.h"
#include "sync/gzip.h"
#include "sync/protocol.h"

#include "domain/date.h"
#include "domain/hlc.h"
#include "domain/ids.h"

#include "shouwang/sync.pb.h"

#include <chrono>
#include <memory>
#include <stdexcept>
#include <string>

namespace shouwang::test {

inline constexpr const char* kCounty = "500154";        // 开州区
inline constexpr const char* kTownship = "500154102";   // 厚坝镇
inline constexpr const char* kVillageA = "500154102200"; // 大坝村
inline constexpr const char* kVillageB = "500154102201"; // 红宝村
inline constexpr const char* kVillageElsewhere = "500154103200"; // 金峰镇 青橙村

// An enrolled device as the tests drive it: its id, its token, and an HLC of its own.
struct TestDevice {
    std::string id;
    std::string token;
    std::uint64_t counter = 0;

    Hlc nextHlc(std::int64_t millis)
    {
        return Hlc{(static_cast<std::uint64_t>(millis) << Hlc::kCounterBits) | (++counter & 0xffff), id};
    }
};

// A county database on a real SQLite file (or the city's PostgreSQL store,
// test_county_store.h) and the handlers over it, with a clock the test sets; requests go
// straight to server::handle, no sockets.
struct ServerFixture {
    TempDir dir;
    std::string dbPath = testCountyDatabase(dir.file("county.db"));
    std::unique_ptr<server::CountyStore> store = server::openCountyStore(dbPath);
    server::Metrics metrics;
    server::RateLimiter limiter{10, std::chrono::minutes(1)};
    std::int64_t now = HybridClock::systemMillis();
    server::Services services{*store, metrics, limiter, [this] { return now; }};

    // A county server's database; the city's with kCityCode.
    explicit ServerFixture(std::string_view area = kCounty) { store->setCountyCode(std::string(area)); }

    std::string makeCode(const std::string& scope, std::int64_t validForMillis = 7LL * 24 * 3600 * 1000)
    {
        const std::string code = server::newEnrollmentCode();
        server::EnrollmentCode entry;
        entry.codeHash = server::enrollmentCodeHash(code);
        entry.scope = *Scope::parse(scope);
        entry.createdAt = formatDateTime(now);
        entry.expiresAt = formatDateTime(now + validForMillis);
        store->addEnrollmentCode(entry);
        return code;
    }

    server::Response enrollWith(const std::string& code, const std::string& deviceId, const std::string& address = "10.0.0.1")
    {
        wire::EnrollRequest req;
        req.set_protocol_version(protocol::kVersion);
        req.set_code(code);
        req.set_device_id(deviceId);
        req.set_device_name("村委会笔记本");
        return post(protocol::kEnrollPath, req.SerializeAsString(), {}, address);
    }

    TestDevice enroll(const std::string& scope)
    {
        TestDevice device{newUuid(), {}};
        auto res = enrollWith(makeCode(scope), device.id, "setup-" + device.id); // its own rate-limit bucket
        wire::EnrollResponse answer;
        if (res.status != 200 || !answer.ParseFromString(res.body))
            throw std::runtime_error("enrollment failed");
        device.token = answer.token();
        return device;
    }

    server::Response post(std::string_view path, std::string body, const std::string& token = {},
                          const std::string& address = "10.0.0.1")
    {
        server::Request req;
        req.method = "POST";
        req.target = std::string(path);
        req.body = std::move(body);
        if (!token.empty())
            req.authorization = "Bearer " + token;
        req.clientAddress = address;
        return server::handle(req, services);
    }

    // The change that creates a new record of `entity` in `village`, made by `device` now.
    Change created(TestDevice& device, std::string entity, std::string village, std::vector<FieldChange> fields,
                   std::string by = {})
    {
        Change c;
        c.changeId = newUuid();
        c.entity = std::move(entity);
        c.recordId = newUuid();
        c.villageCode = std::move(village);
        c.hlc = device.nextHlc(now);
        c.operatorName = std::move(by);
        c.fields = std::move(fields);
        return c;
    }

    Change household(TestDevice& device, const std::string& village, const std::string& head = "张三")
    {
        return created(device, "household", village, {{"head_name", head, {}}, {"address", "一组12号", {}}}, "村干部");
    }

    // An edit of one field of an existing record, made having seen `base`.
    Change edit(TestDevice& device, const Change& of, const std::string& field, const std::string& value, const Hlc& base)
    {
        Change c = of;
        c.changeId = newUuid();
        c.hlc = device.nextHlc(now);
        c.fields = {{field, value, base}};
        return c;
    }

    static std::string pushBody(const std::vector<Change>& changes, std::uint32_t version = protocol::kVersion)
    {
        wire::PushRequest req;
        req.set_protocol_version(version);
        for (const auto& c : changes)
            toWire(c, *req.add_changes());
        return req.SerializeAsString();
    }

    server::Response push(const TestDevice& device, const std::vector<Change>& changes)
    {
        return post(protocol::kPushPath, pushBody(changes), device.token);
    }

    wire::PullResponse pull(const TestDevice& device, std::uint64_t cursor = 0, std::uint32_t limit = 0)
    {
        wire::PullRequest req;
        req.set_protocol_version(protocol::kVersion);
        req.set_cursor(cursor);
        req.set_limit(limit);
        auto res = post(protocol::kPullPath, req.SerializeAsString(), device.token);
        wire::PullResponse answer;
        if (res.status != 200 || !answer.ParseFromString(res.body))
            throw std::runtime_error("pull failed with status " + std::to_string(res.status));
        return answer;
    }

    std::size_t liveCount(const std::string& entity)
    {
        for (const auto& [name, count] : store->stats().liveRecords) {
            if (name == entity)
                return count;
        }
        return 0;
    }
};

inline wire::Error errorOf(const server::Response& res)
{
    wire::Error error;
    error.ParseFromString(res.body);
    return error;
}

} // namespace shouwang::test
