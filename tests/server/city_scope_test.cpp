// The city's database (docs/admin-guide.md, "The city on PostgreSQL"): every county's
// devices sync with one store. A county's devices see their county only, the city's see
// every county and write nothing, and county admins make their own county's enrollment
// codes from their devices.
#include "server_fixture.h"

#include "server/enrollment.h"

#include <catch2/catch.hpp>

#include <set>

using namespace shouwang;
using namespace shouwang::test;

namespace {

constexpr const char* kOtherCounty = "500155";        // 梁平区
constexpr const char* kOtherVillage = "500155001001"; // 梁山街道 南华社区

std::set<std::string> villagesPulled(ServerFixture& f, const TestDevice& device)
{
    std::set<std::string> out;
    const wire::PullResponse page = f.pull(device);
    for (const auto& c : page.changes())
        out.insert(c.village_code());
    return out;
}

wire::EnrollmentCodeResponse codeFrom(const server::Response& res)
{
    wire::EnrollmentCodeResponse answer;
    REQUIRE(answer.ParseFromString(res.body));
    return answer;
}

server::Response askForCode(ServerFixture& f, const TestDevice& admin, const std::string& scope, std::uint32_t days = 0)
{
    wire::EnrollmentCodeRequest req;
    req.set_protocol_version(protocol::kVersion);
    req.set_scope(scope);
    req.set_expires_days(days);
    return f.post(protocol::kEnrollmentCodePath, req.SerializeAsString(), admin.token);
}

} // namespace

TEST_CASE(
    "on the city's database each county's devices see their own county and the city device sees all, writing nothing",
    "[city]")
{
    ServerFixture f(kCityCode);
    TestDevice village = f.enroll(std::string("village:") + kVillageA);
    TestDevice county = f.enroll(std::string("county:") + kCounty);
    TestDevice other = f.enroll(std::string("village:") + kOtherVillage);
    TestDevice otherCounty = f.enroll(std::string("county:") + kOtherCounty);
    TestDevice city = f.enroll(std::string("city:") + std::string(kCityCode));

    REQUIRE(f.push(village, {f.household(village, kVillageA)}).status == 200);
    REQUIRE(f.push(other, {f.household(other, kOtherVillage)}).status == 200);
    // Each county publishes its own emergency phone, filed under its own code.
    for (auto [device, code, township] :
         {std::tuple{&county, kCounty, kTownship}, std::tuple{&otherCounty, kOtherCounty, "500155001"}}) {
        const Change contact = f.created(*device, "township_contact", code,
                                         {{"township_code", township, {}}, {"phone", "02312345678", {}}});
        const auto res = f.push(*device, {contact});
        wire::PushResponse answer;
        REQUIRE(answer.ParseFromString(res.body));
        CHECK(answer.results(0).accepted());
    }

    // (A pull leaves out the device's own changes.)
    CHECK(villagesPulled(f, village) == std::set<std::string>{kCounty});
    CHECK(villagesPulled(f, county) == std::set<std::string>{kVillageA});
    CHECK(villagesPulled(f, other) == std::set<std::string>{kOtherCounty});
    CHECK(villagesPulled(f, city) == std::set<std::string>{kVillageA, kCounty, kOtherVillage, kOtherCounty});

    // A county cannot write into another county, nor the city anywhere.
    for (auto [device, where] : {std::pair{&county, kOtherVillage}, std::pair{&city, kVillageA}}) {
        const auto res = f.push(*device, {f.household(*device, where)});
        CHECK(res.status == 403);
        CHECK(errorOf(res).code() == wire::OUT_OF_SCOPE);
    }
    // An enrolled device learns its own county, not the city's code it is stored under.
    wire::EnrollResponse enrolled;
    REQUIRE(
        enrolled.ParseFromString(f.enrollWith(f.makeCode(std::string("village:") + kOtherVillage), newUuid()).body));
    CHECK(enrolled.county_code() == kOtherCounty);
}

TEST_CASE("a county admin's device makes enrollment codes for its own county only, and a village device makes none",
          "[city][enroll]")
{
    ServerFixture f(kCityCode);
    TestDevice county = f.enroll(std::string("county:") + kCounty);
    TestDevice village = f.enroll(std::string("village:") + kVillageA);
    TestDevice city = f.enroll(std::string("city:") + std::string(kCityCode));

    const auto made = askForCode(f, county, std::string("village:") + kVillageB, 3);
    REQUIRE(made.status == 200);
    const auto code = codeFrom(made);
    CHECK(code.scope() == std::string("village:") + kVillageB);
    CHECK(code.expires_at() == formatDateTime(f.now + 3LL * 24 * 3600 * 1000));
    // The code enrolls a laptop of that village, once.
    wire::EnrollResponse enrolled;
    REQUIRE(enrolled.ParseFromString(f.enrollWith(code.code(), newUuid()).body));
    CHECK(enrolled.scope() == std::string("village:") + kVillageB);
    CHECK(f.enrollWith(code.code(), newUuid()).status == 401);

    // Another county, the city itself, an unknown village: refused, with the reason.
    for (const std::string& scope :
         {std::string("village:") + kOtherVillage, std::string("city:50"), std::string("village:500154102999")}) {
        const auto res = askForCode(f, county, scope);
        CHECK(res.status == 403);
        CHECK(errorOf(res).code() == wire::OUT_OF_SCOPE);
    }
    CHECK(askForCode(f, county, "village:5001").status == 400);
    CHECK(askForCode(f, county, std::string("county:") + kCounty, 366).status == 400);
    const auto fromVillage = askForCode(f, village, std::string("village:") + kVillageA);
    CHECK(fromVillage.status == 403);
    CHECK(errorOf(fromVillage).message().find("区县或市级管理员") != std::string::npos);
    // The city's admin makes codes for any county.
    CHECK(askForCode(f, city, std::string("county:") + kOtherCounty).status == 200);
}
