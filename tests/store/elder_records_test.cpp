// What the printed elder record holds: every record that concerns the elder, including a
// pairing that names the elder only in its `helped` list and that pairing's activities,
// and nothing of another elder.
#include "ledger_fixture.h"

#include "store/elder_records.h"

#include <catch2/catch.hpp>

#include <algorithm>

using namespace shouwang;
using namespace shouwang::test;

namespace {

Record make(std::string entity, std::initializer_list<std::pair<const char*, std::string>> values)
{
    Record r;
    r.entity = std::move(entity);
    r.villageCode = kVillage;
    for (const auto& [field, value] : values)
        r.set(field, value);
    return r;
}

std::vector<std::string> idsOf(const std::vector<ConcerningRecords>& groups, std::string_view entity)
{
    for (const auto& group : groups) {
        if (group.entity->name == entity) {
            std::vector<std::string> ids;
            for (const auto& r : group.records)
                ids.push_back(r.id);
            return ids;
        }
    }
    return {};
}

} // namespace

TEST_CASE("the records concerning an elder include pairings that name them in `helped`, with their activities")
{
    LedgerFixture f;
    const Record household = f.saved(make("household", {{"address", "大坝村3组"}, {"head_name", "王大山"}}));
    Record elderRecord = f.elder("王奶奶", "500154194501010022", "alone");
    elderRecord.set("household_id", household.id);
    const Record elder = f.saved(elderRecord);
    const Record other = f.saved(f.elder("李爷爷", "500154194602020035"));
    const Record volunteer = f.saved(make("volunteer", {{"name", "张志愿"}, {"kind", "volunteer"}}));
    const Record supporter = f.saved(
        make("supporter", {{"elder_id", elder.id}, {"name", "王小明"}, {"relation", "son"}}));
    const Record notice = f.saved(make("duty_notice", {{"supporter_id", supporter.id}, {"elder_id", elder.id},
                                                       {"date", "2026-01-05"}, {"method", "phone"},
                                                       {"content", "请按月寄赡养费"}}));
    const Record both = f.saved(make("pairing", {{"mode", "one_many"}, {"helpers", volunteer.id},
                                                 {"helped", other.id + "," + elder.id}, {"start_date", "2026-01-01"}}));
    const Record theirs = f.saved(make("pairing", {{"mode", "one_one"}, {"helpers", volunteer.id},
                                                   {"helped", other.id}, {"start_date", "2026-01-01"}}));
    const Record activity = f.saved(
        make("pairing_activity", {{"pairing_id", both.id}, {"date", "2026-02-01"}, {"content", "送米送油"}}));
    f.saved(make("pairing_activity", {{"pairing_id", theirs.id}, {"date", "2026-02-02"}, {"content", "理发"}}));
    // A list of one id is still a list: kept as text and searched in (record_table.cpp).
    const Record single = f.saved(
        make("pairing",
             {{"mode", "one_one"}, {"helpers", volunteer.id}, {"helped", elder.id}, {"start_date", "2026-03-01"}}));
    Record gone = f.saved(make("pairing", {{"mode", "one_one"}, {"helpers", volunteer.id}, {"helped", elder.id},
                                           {"start_date", "2025-01-01"}}));
    REQUIRE(f.ledger.remove("pairing", gone.id, "测试员").ok());

    const auto groups = recordsConcerningElder(f.ledger, elder);
    CHECK(idsOf(groups, "household") == std::vector<std::string>{household.id});
    CHECK(idsOf(groups, "supporter") == std::vector<std::string>{supporter.id});
    CHECK(idsOf(groups, "duty_notice") == std::vector<std::string>{notice.id}); // once, though found twice
    CHECK(idsOf(groups, "pairing") == std::vector<std::string>{both.id, single.id});
    CHECK(idsOf(groups, "pairing_activity") == std::vector<std::string>{activity.id});
    CHECK(idsOf(groups, "volunteer").empty()); // referred to, not referring: printed by name only
    CHECK(std::none_of(groups.begin(), groups.end(), [](const auto& g) { return g.entity->name == "elder"; }));
}
