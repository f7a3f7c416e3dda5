#include "domain/divisions.h"

#include <catch2/catch.hpp>

#include <algorithm>

using namespace shouwang;

// Expected counts come from the source CSVs (see shared/domain/divisions_SOURCE.md), e.g.
//   grep -c ',500154$' villages.csv                        → 535  villages of 开州区
//   grep ',500154$' villages.csv | grep -c '村民委员会"'    → 423  of them 村民委员会
//   grep -c ',500154,50,5001$' townships.csv               → 40   townships of 开州区
//   grep -c ',500154001,' villages.csv                     → 13   villages of 汉丰街道
//   grep -c '村民委员会"' villages.csv                      → 7946 村民委员会 in all

namespace {

std::size_t countLevel(DivisionLevel level)
{
    const auto all = allDivisions();
    return static_cast<std::size_t>(
        std::count_if(all.begin(), all.end(), [level](const Division& d) { return d.level() == level; }));
}

} // namespace

TEST_CASE("Chongqing has 38 counties, 1031 townships and 11270 villages")
{
    CHECK(allDivisions().size() == 12339);
    CHECK(countLevel(DivisionLevel::County) == 38);
    CHECK(countLevel(DivisionLevel::Township) == 1031);
    CHECK(countLevel(DivisionLevel::Village) == 11270);
    CHECK(counties().size() == 38);
    CHECK(childDivisions("").size() == 38);
}

TEST_CASE("7946 villages are village committees, 423 of them in 开州区")
{
    const auto all = allDivisions();
    CHECK(std::count_if(all.begin(), all.end(), [](const Division& d) { return d.isVillageCommittee(); }) == 7946);

    std::size_t villages = 0, committees = 0;
    for (const Division* township : childDivisions("500154")) {
        for (const Division* village : childDivisions(township->code)) {
            ++villages;
            committees += village->isVillageCommittee() ? 1 : 0;
        }
    }
    CHECK(villages == 535);
    CHECK(committees == 423);
}

TEST_CASE("divisions are sorted by code, each code has the length of its level")
{
    const auto all = allDivisions();
    CHECK(std::is_sorted(all.begin(), all.end(), [](const Division& a, const Division& b) { return a.code < b.code; }));
    CHECK(std::adjacent_find(all.begin(), all.end(), [](const Division& a, const Division& b) {
              return a.code == b.code;
          }) == all.end());
    for (const Division& d : all) {
        const std::size_t expected = d.level() == DivisionLevel::County ? 6 : d.level() == DivisionLevel::Township ? 9 : 12;
        REQUIRE(d.code.size() == expected);
        REQUIRE(d.code.starts_with("50"));
        REQUIRE(!d.name.empty());
    }
}

TEST_CASE("every township and village has its parent in the table")
{
    for (const Division& d : allDivisions()) {
        if (d.level() == DivisionLevel::County) {
            REQUIRE(d.parentCode().empty());
            continue;
        }
        const Division* parent = findDivision(d.parentCode());
        REQUIRE(parent != nullptr);
        REQUIRE(static_cast<int>(parent->level()) + 1 == static_cast<int>(d.level()));
    }
}

TEST_CASE("a division is found by its exact code only")
{
    const Division* county = findDivision("500154");
    REQUIRE(county != nullptr);
    CHECK(county->name == "开州区");
    CHECK(county->level() == DivisionLevel::County);

    const Division* village = findDivision("500154001001");
    REQUIRE(village != nullptr);
    CHECK(village->name == "驷马社区居民委员会");
    CHECK(village->level() == DivisionLevel::Village);
    CHECK(village->parentCode() == "500154001");
    CHECK(findDivision("500154001")->parentCode() == "500154");

    CHECK(findDivision("500101")->name == "万州区");          // the first
    CHECK(findDivision("500243228207")->name == "石园村村民委员会"); // the last
    CHECK(findDivision("50015") == nullptr);
    CHECK(findDivision("5001540010") == nullptr);
    CHECK(findDivision("500199") == nullptr);
    CHECK(findDivision("") == nullptr);
}

TEST_CASE("the children of a county are its townships and of a township its villages")
{
    const auto townships = childDivisions("500154");
    CHECK(townships.size() == 40);
    CHECK(std::all_of(townships.begin(), townships.end(), [](const Division* d) {
        return d->level() == DivisionLevel::Township && d->parentCode() == "500154";
    }));
    CHECK(townships.front()->name == "汉丰街道");

    const auto villages = childDivisions("500154001");
    CHECK(villages.size() == 13);
    CHECK(std::all_of(villages.begin(), villages.end(), [](const Division* d) { return d->parentCode() == "500154001"; }));

    CHECK(childDivisions("500154001001").empty());
    CHECK(childDivisions("500199").empty());
    CHECK(childDivisions("5001").empty());
}

TEST_CASE("a division path names county, township and village")
{
    CHECK(divisionPath("500154001001") == "开州区 / 汉丰街道 / 驷马社区居民委员会");
    CHECK(divisionPath("500154001") == "开州区 / 汉丰街道");
    CHECK(divisionPath("500154") == "开州区");
    CHECK(divisionPath("500154001999") == "500154001999"); // unknown: shown as the code
    CHECK(divisionPath("5001540") == "5001540");
}

TEST_CASE("a short village name drops the committee suffix")
{
    CHECK(shortVillageName("东方广场社区居民委员会") == "东方广场社区");
    CHECK(shortVillageName("石院村村民委员会") == "石院村");
    CHECK(shortVillageName("真武村民委员会") == "真武村");
    CHECK(shortVillageName("化龙桥社区工作站") == "化龙桥社区工作站");
    CHECK(shortVillageName("") == "");
}
