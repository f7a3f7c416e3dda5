#include "server_fixture.h"

#include <catch2/catch.hpp>

using namespace shouwang;
using namespace shouwang::test;

TEST_CASE("a good enrollment code gives the device a token bound to the code's scope", "[enroll]")
{
    ServerFixture f;
    const std::string deviceId = newUuid();
    auto res = f.enrollWith(f.makeCode("village:500154102200"), deviceId);
    REQUIRE(res.status == 200);
    wire::EnrollResponse answer;
    REQUIRE(answer.ParseFromString(res.body));
    CHECK(answer.device_id() == deviceId);
    CHECK(answer.scope() == "village:500154102200");
    CHECK(answer.county_code() == "500154");
    CHECK(answer.token().size() >= 40);
    // The server keeps only the token's hash.
    auto device = f.store->device(deviceId);
    REQUIRE(device);
    CHECK(device->tokenHash != answer.token());
    CHECK(f.store->deviceByTokenHash(device->tokenHash));
}

TEST_CASE("an unknown enrollment code is refused with BAD_ENROLLMENT_CODE", "[enroll]")
{
    ServerFixture f;
    auto res = f.enrollWith("ABCD-EFGH-JKLM", newUuid());
    CHECK(res.status == 401);
    CHECK(errorOf(res).code() == wire::BAD_ENROLLMENT_CODE);
    CHECK_FALSE(errorOf(res).message().empty());
}

TEST_CASE("an enrollment code works once", "[enroll]")
{
    ServerFixture f;
    const std::string code = f.makeCode("township:500154102");
    REQUIRE(f.enrollWith(code, newUuid()).status == 200);
    auto again = f.enrollWith(code, newUuid());
    CHECK(again.status == 401);
    CHECK(errorOf(again).code() == wire::BAD_ENROLLMENT_CODE);
}

TEST_CASE("an expired enrollment code is refused", "[enroll]")
{
    ServerFixture f;
    const std::string code = f.makeCode("village:500154102200", 60'000);
    f.now += 120'000;
    auto res = f.enrollWith(code, newUuid());
    CHECK(res.status == 401);
    CHECK(errorOf(res).code() == wire::BAD_ENROLLMENT_CODE);
}

TEST_CASE("enrollment codes are typed forgivingly: case and dashes do not matter", "[enroll]")
{
    ServerFixture f;
    std::string code = f.makeCode("village:500154102200");
    std::string typed;
    for (char c : code) {
        if (c != '-')
            typed += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    }
    CHECK(f.enrollWith(typed, newUuid()).status == 200);
    CHECK(server::newEnrollmentCode().size() == 14);
}

TEST_CASE("enrollment attempts are rate-limited per client address", "[enroll]")
{
    ServerFixture f;
    for (int i = 0; i < 10; ++i)
        CHECK(f.enrollWith("WRONG-CODE", newUuid(), "10.9.9.9").status == 401);
    auto limited = f.enrollWith(f.makeCode("village:500154102200"), newUuid(), "10.9.9.9");
    CHECK(limited.status == 429);
    CHECK(errorOf(limited).code() == wire::RATE_LIMITED);
    CHECK(errorOf(limited).try_again());
    // Another address is not held back by the first one's attempts.
    CHECK(f.enrollWith(f.makeCode("village:500154102200"), newUuid(), "10.9.9.10").status == 200);
}

TEST_CASE("a request in another protocol version is answered 409 PROTOCOL_VERSION", "[protocol]")
{
    ServerFixture f;
    wire::EnrollRequest req;
    req.set_protocol_version(protocol::kVersion + 1);
    req.set_code(f.makeCode("village:500154102200"));
    req.set_device_id(newUuid());
    auto res = f.post(protocol::kEnrollPath, req.SerializeAsString());
    CHECK(res.status == 409);
    CHECK(errorOf(res).code() == wire::PROTOCOL_VERSION);

    auto device = f.enroll("village:500154102200");
    auto push = f.post(protocol::kPushPath, ServerFixture::pushBody({f.household(device, kVillageA)}, 7), device.token);
    CHECK(push.status == 409);
    CHECK(f.liveCount("household") == 0);
}

TEST_CASE("unknown paths are 404 NOT_FOUND while healthz answers ok and metrics is Prometheus text", "[protocol]")
{
    ServerFixture f;
    auto missing = f.post("/api/v1/nothing", "");
    CHECK(missing.status == 404);
    CHECK(errorOf(missing).code() == wire::NOT_FOUND);

    server::Request health;
    health.method = "GET";
    health.target = "/healthz";
    auto ok = server::handle(health, f.services);
    CHECK(ok.status == 200);
    CHECK(ok.body == "ok\n");

    server::Request metrics;
    metrics.method = "GET";
    metrics.target = "/metrics";
    auto text = server::handle(metrics, f.services).body;
    CHECK(text.find("shouwang_requests_total{path=\"/healthz\",status=\"200\"} 1") != std::string::npos);
    CHECK(text.find("shouwang_request_duration_seconds_bucket{le=\"+Inf\"}") != std::string::npos);
    CHECK(text.find("shouwang_changes_merged_total 0") != std::string::npos);
}

TEST_CASE("an enrollment naming a device id the county knows never takes that device over: the asker gets a new id", "[enroll]")
{
    ServerFixture f;
    auto villageA = f.enroll("village:500154102200");
    // A fresh code for another village, sent with village A's device id.
    auto res = f.enrollWith(f.makeCode("village:500154102201"), villageA.id);
    REQUIRE(res.status == 200);
    wire::EnrollResponse answer;
    REQUIRE(answer.ParseFromString(res.body));
    CHECK(answer.device_id() != villageA.id);
    CHECK(answer.scope() == "village:500154102201");
    // Village A's laptop keeps its row, its scope and its token.
    const auto a = f.store->device(villageA.id);
    REQUIRE(a);
    CHECK(a->scope.toString() == "village:500154102200");
    CHECK(f.pull(villageA).changes_size() == 0); // still authenticated
    // And the newcomer cannot stamp changes as village A's laptop.
    TestDevice intruder{answer.device_id(), answer.token()};
    Change forged = f.household(villageA, "500154102201");
    CHECK(f.push(intruder, {forged}).status != 200);
}
