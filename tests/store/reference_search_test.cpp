// The reference pickers' search: bounded however large the scope, finding any record by a
// piece of what people know of it, and describing what a record holds whatever became of it.
#include "ledger_fixture.h"
#include "../support/people.h"

#include "domain/idcard.h"
#include "store/database.h"
#include "store/reference_search.h"

#include <catch2/catch.hpp>

#include <algorithm>
#include <chrono>
#include <cstdio>

using namespace shouwang;
using namespace shouwang::test;

namespace {

constexpr const char* kCounty = "500154";

// A county of `count` elders over two villages, saved as typed data in one transaction.
std::vector<Record> county(LedgerFixture& f, int count)
{
    std::vector<Record> elders;
    Transaction tx(*f.db);
    for (int n = 0; n < count; ++n) {
        Record r = f.elder(distinctName(n), distinctIdNumber(n));
        r.villageCode = n % 2 ? kOtherVillage : kVillage;
        elders.push_back(f.saved(std::move(r)));
    }
    tx.commit();
    return elders;
}

std::vector<std::string> ids(const ReferenceMatches& found)
{
    std::vector<std::string> out;
    for (const auto& m : found.matches)
        out.push_back(m.record.id);
    return out;
}

ReferenceMatches search(LedgerFixture& f, const std::string& entity, const std::string& text,
                        const std::string& scope = kCounty)
{
    ReferenceQuery q;
    q.entity = entity;
    q.villagePrefix = scope;
    q.text = text;
    return findReferences(*f.db, q, today());
}

bool holds(const ReferenceMatches& found, const std::string& id)
{
    const auto all = ids(found);
    return std::find(all.begin(), all.end(), id) != all.end();
}

} // namespace

TEST_CASE("a county of more than 5000 elders: the 6000th is found by its name or its ID number's tail")
{
    LedgerFixture f;
    const auto elders = county(f, 6200);
    const Record& target = elders[5999];

    const auto start = std::chrono::steady_clock::now();
    const ReferenceMatches byName = search(f, "elder", target.value("name"));
    const auto took = std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - start);
    INFO("search took " << took.count() << " ms");
    CHECK(ids(byName) == std::vector<std::string>{target.id});
    CHECK_FALSE(byName.more);

    const ReferenceMatches byTail = search(f, "elder", target.value("id_number").substr(12));
    CHECK(holds(byTail, target.id));

    // Too many to list: bounded, and says there are more.
    const ReferenceMatches everyone = search(f, "elder", "");
    CHECK(everyone.matches.size() == 50);
    CHECK(everyone.more);
    const ReferenceMatches aFamily = search(f, "elder", "赵");
    CHECK(aFamily.matches.size() == 50);
    CHECK(aFamily.more);

    // A village's picker lists only its own.
    CHECK(search(f, "elder", target.value("name"), target.villageCode == kVillage ? kOtherVillage : kVillage)
              .matches.empty());
}

TEST_CASE("an elder is found by the name of the head of its household")
{
    LedgerFixture f;
    Record household;
    household.entity = "household";
    household.villageCode = kVillage;
    household.set("head_name", "欧阳建国");
    household.set("address", "一组12号");
    household = f.saved(household);
    Record elder = f.elder("欧阳秀英", distinctIdNumber(1));
    elder.set("household_id", household.id);
    elder = f.saved(elder);
    f.saved(f.elder("李明", distinctIdNumber(2)));

    const ReferenceMatches found = search(f, "elder", "建国");
    REQUIRE(ids(found) == std::vector<std::string>{elder.id});
    CHECK(found.matches[0].householdHead == "欧阳建国");
    CHECK(found.matches[0].record.value("id_number") == distinctIdNumber(1)); // the caller masks it
}

TEST_CASE("a deleted elder is no longer offered but what refers to it still reads it")
{
    LedgerFixture f;
    const Record gone = f.saved(f.elder("王秀兰", distinctIdNumber(3)));
    REQUIRE(f.ledger.remove("elder", gone.id, "测试员").ok());

    CHECK(search(f, "elder", "王秀兰").matches.empty());
    const auto held = describeReference(*f.db, "elder", gone.id);
    REQUIRE(held);
    CHECK(held->record.deleted);
    CHECK(held->record.value("name") == "王秀兰");
    CHECK_FALSE(describeReference(*f.db, "elder", "never-received"));
}

TEST_CASE("volunteers and other entities are found by any short field, bounded")
{
    LedgerFixture f;
    for (int n = 0; n < 60; ++n) {
        Record v;
        v.entity = "volunteer";
        v.villageCode = n == 0 ? kOtherVillage : kVillage;
        v.set("name", distinctName(n));
        v.set("kind", "volunteer");
        v.set("phone", "1390000" + std::to_string(1000 + n));
        f.saved(v);
    }
    CHECK(search(f, "volunteer", "", kVillage).matches.size() == 50);
    CHECK(search(f, "volunteer", "", kVillage).more);
    const ReferenceMatches byPhone = search(f, "volunteer", "1059", kVillage);
    REQUIRE(byPhone.matches.size() == 1);
    CHECK(byPhone.matches[0].record.value("name") == distinctName(59));
    CHECK(search(f, "volunteer", distinctName(0), kVillage).matches.empty()); // another village's
    CHECK(search(f, "volunteer", distinctName(0)).matches.size() == 1);
    CHECK(search(f, "no_such_entity", "").matches.empty());
}

// The measure behind searching on the GUI thread (client/ui/record_picker.h): a county of
// 100,000 elders in 40,000 households. Not run by CI (some minutes to build); run with
//   shouwang_store_tests "[.bench]" -s
TEST_CASE("reference search at 100000 elders", "[.bench]")
{
    LedgerFixture f;
    const auto idNumber = [](int n) {
        const int d = n / 900;
        char first17[18];
        std::snprintf(first17, sizeof first17, "500154%04d%02d%02d%03d", 1930 + d / 336, 1 + (d / 28) % 12, 1 + d % 28,
                      100 + n % 900);
        return std::string(first17) + idCheckDigit(first17);
    };
    std::vector<std::string> households;
    {
        Transaction tx(*f.db);
        for (int n = 0; n < 40000; ++n) {
            Record h;
            h.entity = "household";
            h.villageCode = n % 2 ? kOtherVillage : kVillage;
            h.set("head_name", distinctName((n * 7 + 1) % 9000));
            h.set("address", std::to_string(n) + "号");
            households.push_back(f.saved(h).id);
        }
        for (int n = 0; n < 100000; ++n) {
            Record r = f.elder(distinctName(n % 9000), idNumber(n));
            r.villageCode = (n % 40000) % 2 ? kOtherVillage : kVillage;
            r.set("household_id", households[n % 40000]);
            f.saved(std::move(r));
        }
        tx.commit();
    }
    const auto time = [&](const std::string& text, const std::string& entity = "elder") {
        const auto start = std::chrono::steady_clock::now();
        const ReferenceMatches found = search(f, entity, text);
        const auto us = std::chrono::duration_cast<std::chrono::microseconds>(std::chrono::steady_clock::now() - start);
        WARN(entity << " \"" << text << "\": " << found.matches.size() << (found.more ? "+" : "") << " in "
                    << us.count() / 1000.0 << " ms");
    };
    const std::string id = idNumber(77777);
    for (const std::string& text : std::vector<std::string>{"", "赵", "陈雪", "陈雪雪", id.substr(14), id.substr(12), "无此人"})
        time(text);
    for (const std::string& text : std::vector<std::string>{"", "陈雪", "无此人"})
        time(text, "household");
}
