// Record rules of issue 18: 65+ health management only from 65, and a pairing's mode
// matching its numbers of helpers and helped.
#include "domain/date.h"
#include "domain/idcard.h"
#include "domain/schema.h"
#include "domain/validation.h"

#include <catch2/catch.hpp>

using namespace shouwang;

namespace {

std::string idBornYearsAgo(int years)
{
    const Date day = today();
    const auto ymd = std::chrono::year_month_day(day);
    const std::string first17 = "110105" + std::to_string(static_cast<int>(ymd.year()) - years) + "0101001";
    return first17 + idCheckDigit(first17);
}

Record elder(const std::string& idNumber, const std::string& healthManagement)
{
    Record r;
    r.entity = "elder";
    r.set("name", "张秀英");
    r.set("id_number", idNumber);
    r.set("living", "alone");
    r.set("status", "active");
    r.set("health_mgmt_65", healthManagement);
    return r;
}

std::string errorAt(const std::vector<FieldError>& errors, const std::string& field)
{
    for (const auto& e : errors) {
        if (e.field == field)
            return e.message;
    }
    return {};
}

Record pairing(const std::string& mode, const std::string& helpers, const std::string& helped)
{
    Record r;
    r.entity = "pairing";
    r.set("mode", mode);
    r.set("helpers", helpers);
    r.set("helped", helped);
    r.set("start_date", "2024-01-01");
    return r;
}

constexpr const char* kA = "0190a8f2-0000-7000-8000-00000000000a";
constexpr const char* kB = "0190a8f2-0000-7000-8000-00000000000b";

} // namespace

TEST_CASE("65+ health management is refused, in Chinese with the age, for an elder under 65")
{
    const EntityDef& entity = *findEntity("elder");
    // Born on 1 January, 65 years ago: 65 since 1 January this year.
    CHECK(errorAt(validateRecord(entity, elder(idBornYearsAgo(65), "1")), "health_mgmt_65").empty());
    const std::string message = errorAt(validateRecord(entity, elder(idBornYearsAgo(62), "1")), "health_mgmt_65");
    CHECK(message.find("65周岁及以上") != std::string::npos);
    CHECK(message.find("现年62岁") != std::string::npos);
    // Not in health management: no rule to break at any age.
    CHECK(errorAt(validateRecord(entity, elder(idBornYearsAgo(62), "0")), "health_mgmt_65").empty());
}

TEST_CASE("a pairing's mode must match its numbers of helpers and helped")
{
    const EntityDef& entity = *findEntity("pairing");
    const std::string two = std::string(kA) + "," + kB;
    CHECK(errorAt(validateRecord(entity, pairing("one_one", kA, kB)), "mode").empty());
    CHECK(errorAt(validateRecord(entity, pairing("many_one", two, kA)), "mode").empty());
    CHECK(errorAt(validateRecord(entity, pairing("one_many", kA, two)), "mode").empty());

    const std::string oneOne = errorAt(validateRecord(entity, pairing("one_one", two, kA)), "mode");
    CHECK(oneOne == "帮扶形式为“一帮一”时帮扶人和帮扶对象应各1人（现有帮扶人2人、帮扶对象1人），请更正帮扶形式或人员");
    CHECK_FALSE(errorAt(validateRecord(entity, pairing("many_one", kA, kB)), "mode").empty());
    CHECK_FALSE(errorAt(validateRecord(entity, pairing("many_one", two, two)), "mode").empty());
    CHECK_FALSE(errorAt(validateRecord(entity, pairing("one_many", kA, kB)), "mode").empty());
}
