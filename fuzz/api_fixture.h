#pragma once

// What the API fuzzers share: a county store in memory (no fsync per input), a county
// code, and one enrolled village device whose token the push and pull inputs carry, so the
// fuzzer reaches the decoding, scope and merge code behind authentication.

#include "server/api.h"
#include "server/enrollment.h"
#include "server/metrics.h"
#include "server/rate_limiter.h"
#include "server/server_store.h"

#include "domain/date.h"
#include "domain/hlc.h"
#include "sync/protocol.h"

#include "shouwang/sync.pb.h"

#include <chrono>
#include <cstdlib>
#include <memory>
#include <string>

namespace shouwang::fuzz {

inline constexpr const char* kVillage = "500154102200";

struct Api {
    std::unique_ptr<server::CountyStore> store = server::openSqliteCountyStore(":memory:");
    server::Metrics metrics;
    // Enrollment inputs come from one address: an ordinary limit would soon answer 429 to all.
    server::RateLimiter limiter{1000000000, std::chrono::minutes(1)};
    std::int64_t now = HybridClock::systemMillis();
    server::Services services{*store, metrics, limiter, [this] { return now; }};
    std::string deviceId = "fuzz-device-0001";
    std::string token;

    Api()
    {
        store->setCountyCode("500154");
        wire::EnrollRequest req;
        req.set_protocol_version(protocol::kVersion);
        req.set_code(newCode());
        req.set_device_id(deviceId);
        const server::Response res = post(protocol::kEnrollPath, req.SerializeAsString(), {});
        wire::EnrollResponse answer;
        if (res.status != 200 || !answer.ParseFromString(res.body))
            std::abort();
        token = answer.token();
    }

    std::string newCode()
    {
        const std::string code = server::newEnrollmentCode();
        server::EnrollmentCode entry;
        entry.codeHash = server::enrollmentCodeHash(code);
        entry.scope = *Scope::parse(std::string("village:") + kVillage);
        entry.createdAt = formatDateTime(now);
        entry.expiresAt = formatDateTime(now + 3600 * 1000);
        store->addEnrollmentCode(entry);
        return code;
    }

    server::Response post(std::string_view path, std::string body, const std::string& bearer, bool gzip = false)
    {
        server::Request req;
        req.method = "POST";
        req.target = std::string(path);
        req.body = std::move(body);
        req.contentEncoding = gzip ? "gzip" : "";
        req.acceptEncoding = "gzip";
        if (!bearer.empty())
            req.authorization = "Bearer " + bearer;
        req.clientAddress = "127.0.0.1";
        return server::handle(req, services);
    }
};

inline Api& api()
{
    static Api instance;
    return instance;
}

// The handler promises an answer for every input: a status it documents, and a body the
// device can parse. Anything else is a finding.
inline void checkAnswer(const server::Response& res)
{
    switch (res.status) {
    case 200: case 400: case 401: case 403: case 404: case 409: case 413: case 422: case 429: case 503:
        break;
    default:
        std::abort();
    }
    if (res.status != 200 && res.contentEncoding.empty()) {
        wire::Error error;
        if (!error.ParseFromString(res.body) || error.message().empty())
            std::abort();
    }
}

} // namespace shouwang::fuzz
