#include "ledger_fixture.h"

#include "domain/idcard.h"
#include "store/elder_query.h"

#include <catch2/catch.hpp>

#include <algorithm>

using namespace shouwang;
using namespace shouwang::test;

namespace {

// An ID number of someone who turns `years` old `daysAfterBirthday` days before today.
std::string idBornYearsAgo(int years, int daysAfterBirthday = 10, char sequenceDigit = '1')
{
    using namespace std::chrono;
    year_month_day ymd{today() - days(daysAfterBirthday)};
    ymd = (ymd.year() - std::chrono::years(years)) / ymd.month() / ymd.day();
    if (!ymd.ok())
        ymd = ymd.year() / ymd.month() / last;
    std::string date = formatDate(sys_days{ymd});
    date.erase(std::remove(date.begin(), date.end(), '-'), date.end());
    const std::string first17 = "500154" + date + "00" + sequenceDigit;
    return first17 + idCheckDigit(first17);
}

std::string daysAgo(int n)
{
    return formatDate(today() - std::chrono::days(n));
}

struct Village : LedgerFixture {
    Record old = saved(elder("高龄甲", idBornYearsAgo(85)));
    Record alone = saved(elder("独居乙", idBornYearsAgo(65, 10, '3'), "alone"));
    Record plain = saved(elder("普通丙", idBornYearsAgo(70, 10, '5')));
    Record young = saved(elder("年轻丁", idBornYearsAgo(59, 10, '7')));

    void supporterAway(const Record& e, int daysAway)
    {
        Record s;
        s.entity = "supporter";
        s.set("elder_id", e.id);
        s.set("name", "子女");
        s.set("relation", "son");
        s.set("away_since", daysAgo(daysAway));
        REQUIRE(ledger.save(s, "t").ok());
    }

    void visit(const Record& e, int ago)
    {
        Record v;
        v.entity = "visit";
        v.set("elder_id", e.id);
        v.set("date", daysAgo(ago));
        v.set("mode", "home");
        v.set("visitor", "李主任");
        v.set("finding", "normal");
        REQUIRE(ledger.save(v, "t").ok());
    }

    std::vector<std::string> names(ElderFilter filter)
    {
        filter.sortColumn = "name";
        std::vector<std::string> out;
        for (const auto& row : findElders(*db, filter, today()))
            out.push_back(row.name);
        std::sort(out.begin(), out.end());
        return out;
    }
};

std::vector<std::string> sorted(std::vector<std::string> v)
{
    std::sort(v.begin(), v.end());
    return v;
}

} // namespace

TEST_CASE("the ledger finds elders by a substring of name, ID number or phone, literally")
{
    Village v;
    ElderFilter f;
    f.text = "独居";
    CHECK(v.names(f) == std::vector<std::string>{"独居乙"});
    f.text = v.plain.value("id_number").substr(6, 8);
    CHECK(v.names(f) == std::vector<std::string>{"普通丙"});
    f.text = "%";
    CHECK(v.names(f).empty());
    f.text = "'; DROP TABLE elders; --";
    CHECK(v.names(f).empty());
    CHECK(countElders(*v.db, {}, today()) == 4);
}

TEST_CASE("flag filters follow the derived rules: 80+ is 高龄, living alone is 独居, either is 重点")
{
    Village v;
    ElderFilter f;
    f.flags = ElderFilter::AdvancedAge;
    CHECK(v.names(f) == std::vector<std::string>{"高龄甲"});
    f.flags = ElderFilter::Alone;
    CHECK(v.names(f) == std::vector<std::string>{"独居乙"});
    f.flags = ElderFilter::KeyTarget;
    CHECK(v.names(f) == sorted({"高龄甲", "独居乙"}));
}

TEST_CASE("the eligibility hint needs 60+ and every supporter away six months or more")
{
    Village v;
    v.supporterAway(v.plain, 200);
    v.supporterAway(v.young, 200);  // 59: too young
    v.supporterAway(v.alone, 100);  // away only three months
    ElderFilter f;
    f.flags = ElderFilter::Eligible;
    CHECK(v.names(f) == std::vector<std::string>{"普通丙"});
    v.supporterAway(v.plain, 30); // a second child who left a month ago
    CHECK(v.names(f).empty());
}

TEST_CASE("a visit takes an elder off the overdue list")
{
    Village v;
    v.visit(v.alone, 40); // key target: due every 15 days
    v.visit(v.plain, 10); // others: monthly
    ElderFilter overdue;
    overdue.overdue = true;
    CHECK(v.names(overdue) == std::vector<std::string>{"独居乙"});
    v.visit(v.alone, 0);
    CHECK(v.names(overdue).empty());
}

TEST_CASE("the risk level filter follows the latest assessment")
{
    Village v;
    Record a;
    a.entity = "risk_assessment";
    a.set("elder_id", v.plain.id);
    a.set("date", daysAgo(30));
    a.set("assessor", "李主任");
    a.set("level", "low");
    REQUIRE(v.ledger.save(a, "t").ok());
    Record b = a;
    b.id.clear();
    b.set("date", daysAgo(1));
    b.set("level", "high");
    REQUIRE(v.ledger.save(b, "t").ok());
    ElderFilter f;
    f.riskLevel = "high";
    CHECK(v.names(f) == std::vector<std::string>{"普通丙"});
    f.riskLevel = "none";
    CHECK(v.names(f).size() == 3);
}

TEST_CASE("status, household and village filters narrow the list — deleted elders are gone")
{
    Village v;
    Record moved = v.young;
    moved.set("status", "moved_out");
    REQUIRE(v.ledger.save(moved, "t").ok());
    ElderFilter f;
    f.status = "active";
    CHECK(v.names(f).size() == 3);
    REQUIRE(v.ledger.remove("elder", v.old.id, "t").ok());
    CHECK(v.names(f).size() == 2);
    f.villagePrefix = kOtherVillage;
    CHECK(v.names(f).empty());
}

TEST_CASE("rows carry age, sex and birth date derived from the ID number")
{
    Village v;
    ElderFilter f;
    f.text = "高龄甲";
    const auto rows = findElders(*v.db, f, today());
    REQUIRE(rows.size() == 1);
    CHECK(rows[0].age == 85);
    CHECK(rows[0].sex == "male");
    CHECK((rows[0].flags & ElderFilter::KeyTarget) != 0);
}

TEST_CASE("the programme filter: 65+ in and not in health management, 建档立卡/低保/特困 households")
{
    Village v;
    v.plain.set("health_mgmt_65", "1");
    REQUIRE(v.ledger.save(v.plain, "t").ok());
    Record household;
    household.entity = "household";
    household.villageCode = v.plain.villageCode;
    household.set("head_name", "独居乙");
    household.set("address", "一组");
    household.set("dibao", "1");
    REQUIRE(v.ledger.save(household, "t").ok());
    v.alone.set("household_id", household.id);
    REQUIRE(v.ledger.save(v.alone, "t").ok());

    ElderFilter f;
    f.programme = "health_65";
    CHECK(v.names(f) == std::vector<std::string>{"普通丙"});
    f.programme = "health_65_missing"; // 85 and 65 (since ten days); 59 is too young
    CHECK(v.names(f) == sorted({"高龄甲", "独居乙"}));
    CHECK(countElders(*v.db, f, today()) == 2);
    f.programme = "dibao";
    CHECK(v.names(f) == std::vector<std::string>{"独居乙"});
    f.programme = "tekun";
    CHECK(v.names(f).empty());
}
