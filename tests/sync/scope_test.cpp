// Scope::admitsPulled: what a device takes from a pull (docs/security.md "someone on the
// network"): only changes its own scope may read, filed where their entity lives.
#include "sync/scope.h"

#include <catch2/catch.hpp>

using namespace shouwang;

namespace {

Change changeOf(const std::string& entity, const std::string& code)
{
    Change c;
    c.entity = entity;
    c.villageCode = code;
    return c;
}

} // namespace

TEST_CASE("a pulled change is admitted only inside the device's scope and where its entity lives")
{
    const Scope village = *Scope::parse("village:500154102200");
    const Scope township = *Scope::parse("township:500154102");
    const Scope county = *Scope::parse("county:500154");

    CHECK(village.admitsPulled(changeOf("household", "500154102200")));
    CHECK_FALSE(village.admitsPulled(changeOf("household", "500154102201"))); // the next village
    CHECK(township.admitsPulled(changeOf("household", "500154102201")));
    CHECK_FALSE(township.admitsPulled(changeOf("household", "500154103200"))); // another township
    CHECK(county.admitsPulled(changeOf("household", "500154103200")));
    CHECK_FALSE(county.admitsPulled(changeOf("household", "500155101200")));   // another county

    // Reference data is filed under the county code and read by everyone in the county.
    CHECK(village.admitsPulled(changeOf("risk_rule", "500154")));
    CHECK(county.admitsPulled(changeOf("risk_rule", "500154")));
    CHECK_FALSE(village.admitsPulled(changeOf("risk_rule", "500155")));
    CHECK_FALSE(village.admitsPulled(changeOf("risk_rule", "500154102200")));  // not where it lives
    CHECK_FALSE(village.admitsPulled(changeOf("household", "500154")));        // nor this

    CHECK_FALSE(county.admitsPulled(changeOf("user_accounts", "500154102200"))); // unknown entity
    CHECK_FALSE(village.admitsPulled(changeOf("household", "5001541022001")));  // 13 digits
    CHECK_FALSE(village.admitsPulled(changeOf("household", "50015410220x")));
}

TEST_CASE("a scope is read from its text or from a code, its kind from the code's length")
{
    CHECK(Scope::forCode("500154102200") == Scope{Scope::Kind::Village, "500154102200"});
    CHECK(Scope::forCode("500154102") == Scope{Scope::Kind::Township, "500154102"});
    CHECK(Scope::forCode("500154") == Scope{Scope::Kind::County, "500154"});
    CHECK_FALSE(Scope::forCode(""));
    CHECK_FALSE(Scope::forCode("5001541022"));
    CHECK_FALSE(Scope::forCode("50015410220x"));
    for (const char* text : {"village:500154102200", "township:500154102", "county:500154"})
        CHECK(Scope::parse(text)->toString() == text);
    CHECK_FALSE(Scope::parse("village:500154102")); // a township's code under the wrong kind
    CHECK_FALSE(Scope::parse("500154102200"));
    CHECK(Scope::parse("township:500154102")->countyCode() == "500154");
}

TEST_CASE("what a scope may write at all agrees with where it may write it")
{
    const Scope village = *Scope::parse("village:500154102200");
    const Scope township = *Scope::parse("township:500154102");
    const Scope county = *Scope::parse("county:500154");
    for (const EntityDef& entity : entities()) {
        const bool reference = entity.scope == EntityScope::County;
        CHECK(village.mayWrite(entity) == !reference);
        // A township handles the records that have a workflow: incident reports and referrals.
        CHECK(township.mayWrite(entity) == (entity.name == "incident" || entity.name == "referral"));
        CHECK(county.mayWrite(entity));
        for (const Scope& scope : {village, township, county}) {
            const std::string home = reference ? scope.countyCode() : "500154102200";
            if (!scope.mayWrite(entity))
                CHECK_FALSE(scope.canWrite(entity, home));
            else if (!reference || scope.kind == Scope::Kind::County)
                CHECK(scope.canWrite(entity, home));
        }
    }
}
