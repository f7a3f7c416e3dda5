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
