// The county holds volunteer hours entries to their append-only rule whoever sends them
// (issue 18 item 2): a modified or older client cannot change the hours of a confirmed entry
// or delete it; the committee's settlement passes, and an overdraft is kept, not refused.
#include "replica.h"

#include "domain/volunteer_hours.h"
#include "store/volunteer_hours_store.h"

using namespace shouwang;
using namespace shouwang::test;

namespace {

Change applied(Replica& from, MergeEngine& county, Replica& to, Record r)
{
    const SaveResult saved = from.ledger.save(r, "村委会");
    INFO(saved.message);
    REQUIRE(saved.change);
    Transaction tx(*to.db);
    const MergeOutcome outcome = county.apply(*saved.change);
    tx.commit();
    INFO(outcome.message);
    REQUIRE(outcome.applied());
    return *saved.change;
}

MergeOutcome tampered(MergeEngine& county, Replica& to, const Change& creation, const std::string& field,
                      const std::string& value)
{
    Change c;
    c.changeId = "tampered-" + field;
    c.entity = creation.entity;
    c.recordId = creation.recordId;
    c.villageCode = creation.villageCode;
    c.hlc = Hlc{creation.hlc.time + (std::uint64_t{1000} << Hlc::kCounterBits), "modified-client"};
    c.fields = {{field, value, creation.hlc}};
    Transaction tx(*to.db);
    MergeOutcome outcome = county.apply(c);
    tx.commit();
    return outcome;
}

} // namespace

TEST_CASE("the county refuses a change to a confirmed hours entry's hours or its deletion, and takes its settlement")
{
    Replica village, countyReplica;
    MergeEngine county{countyReplica.ledger, MergeRole::County};
    Record volunteer;
    volunteer.entity = "volunteer";
    volunteer.villageCode = kVillage;
    volunteer.values = {{"name", "王志愿"}, {"kind", "volunteer"}};
    const Change v = applied(village, county, countyReplica, volunteer);
    Record credit;
    credit.entity = "volunteer_credit";
    credit.villageCode = kVillage;
    credit.values = {{"volunteer_id", v.recordId}, {"date", "2026-11-01"}, {"hours", "4"}, {"source", "other"},
                     {"confirmed_by", "村委会王主任"}};
    const Change created = applied(village, county, countyReplica, credit);

    const MergeOutcome more = tampered(county, countyReplica, created, "hours", "40");
    CHECK(more.refusal == MergeRefusal::InvalidValue);
    CHECK(more.message.find("不能修改“服务时长（小时）”") != std::string::npos);
    CHECK(tampered(county, countyReplica, created, std::string(kDeletedField), "1").refusal == MergeRefusal::InvalidValue);
    CHECK(loadHoursAccount(*countyReplica.db, v.recordId).balance() == 4);

    const MergeOutcome settled = tampered(county, countyReplica, created, "settle_note", "核对无误");
    CHECK(settled.applied());
    CHECK(countyReplica.ledger.get("volunteer_credit", created.recordId)->value("settle_note") == "核对无误");
}
