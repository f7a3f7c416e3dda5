#include "../support/records.h"

#include "domain/schema.h"
#include "domain/text.h"
#include "domain/validation.h"

#include <catch2/catch.hpp>

using namespace shouwang;

namespace {

Record validElder()
{
    return test::recordOf(
        "elder", {{"name", "张秀英"}, {"id_number", "11010519491231002X"}, {"living", "alone"}, {"status", "active"}});
}

bool hasErrorAt(const std::vector<FieldError>& errors, const std::string& field)
{
    for (const auto& e : errors) {
        if (e.field == field)
            return true;
    }
    return false;
}

} // namespace

TEST_CASE("every entity of the design is described, each field with a Chinese label")
{
    for (const char* name : {"household", "elder", "supporter", "duty_notice", "care_agreement", "visit",
                             "risk_assessment", "incident", "volunteer", "liaison", "pairing", "pairing_activity",
                             "facility", "service_item", "service_record", "campaign", "risk_rule"}) {
        const EntityDef* e = findEntity(name);
        REQUIRE(e);
        CHECK_FALSE(e->fields.empty());
        for (const auto& f : e->fields) {
            CHECK_FALSE(f.zh.empty());
            CHECK(f.name != kDeletedField);
        }
    }
}

TEST_CASE("a complete elder passes validation")
{
    CHECK(validateRecord(*findEntity("elder"), validElder()).empty());
}

TEST_CASE("a missing required field is refused at that field only")
{
    Record r = validElder();
    r.set("name", "");
    const auto errors = validateRecord(*findEntity("elder"), r);
    REQUIRE(errors.size() == 1);
    CHECK(errors[0].field == "name");
    CHECK(errors[0].message.find("必填") != std::string::npos);
}

TEST_CASE("an invalid ID number is refused with the ID check's own message")
{
    Record r = validElder();
    r.set("id_number", "110105194912310021");
    const auto errors = validateRecord(*findEntity("elder"), r);
    REQUIRE(hasErrorAt(errors, "id_number"));
}

TEST_CASE("unknown enumeration codes, bad dates, bad phones and non-integers are refused")
{
    Record r = validElder();
    r.set("living", "on_the_moon");
    r.set("left_behind_since", "2023-02-30");
    r.set("phone", "call me");
    r.set("income_sources", "pension,lottery");
    const auto errors = validateRecord(*findEntity("elder"), r);
    CHECK(hasErrorAt(errors, "living"));
    CHECK(hasErrorAt(errors, "left_behind_since"));
    CHECK(hasErrorAt(errors, "phone"));
    CHECK(hasErrorAt(errors, "income_sources"));

    const FieldDef* support = findEntity("supporter")->field("monthly_support");
    CHECK_FALSE(validateValue(*support, "12a").empty());
    CHECK(validateValue(*support, "300").empty());
}

TEST_CASE("a mobile number is 11 digits starting with 1, a landline carries its area code")
{
    const FieldDef* phone = findEntity("elder")->field("phone");
    for (std::string_view good : {"13812345678", "138-1234-5678", "+8613812345678", "023-52231234", "02352231234",
                                  "0755-88889999", "023-52231234-801"}) {
        INFO(good);
        CHECK(validateValue(*phone, good).empty());
    }
    for (std::string_view bad : {"1381234", "5223123", "1381234567", "138123456789", "023-5223", "52231234"}) {
        const std::string message = validateValue(*phone, bad);
        INFO(bad << ": " << message);
        CHECK(!message.empty());
        CHECK((message.find("11位") != std::string::npos || message.find("区号") != std::string::npos));
    }
}

TEST_CASE("a township's emergency phone names a township of the publishing county")
{
    Record contact;
    contact.entity = "township_contact";
    contact.villageCode = "500154";
    contact.set("township_code", "500154001");
    contact.set("phone", "023-52231234");
    const EntityDef& entity = *findEntity("township_contact");
    CHECK(validateRecord(entity, contact).empty());
    for (std::string_view bad : {"50015400", "500154999", "500101001"}) {
        INFO(bad);
        contact.set("township_code", std::string(bad));
        const auto errors = validateRecord(entity, contact);
        REQUIRE(errors.size() == 1);
        CHECK(errors[0].field == "township_code");
    }
}

TEST_CASE("control characters, invalid UTF-8 and oversized text are refused — SQL meta-characters are plain text")
{
    const FieldDef* name = findEntity("elder")->field("name");
    CHECK_FALSE(validateValue(*name, std::string("张\x01三")).empty());
    CHECK_FALSE(validateValue(*name, std::string("\xff\xfe")).empty());
    CHECK_FALSE(validateValue(*name, std::string(kMaxTextBytes + 1, 'a')).empty());
    CHECK(validateValue(*name, "O'Brien\"; DROP TABLE elders; --").empty());
    CHECK(validateValue(*name, "王二小").empty());
}

TEST_CASE("operator names are plain one-line text within their length, control and escape characters refused")
{
    CHECK(validateOperatorName("张文书").empty());
    CHECK(validateOperatorName("").empty());
    CHECK(validateOperatorName(std::string(kMaxOperatorNameBytes, 'a')).empty());
    CHECK_FALSE(validateOperatorName(std::string(kMaxOperatorNameBytes + 1, 'a')).empty());
    for (const char* bad : {"张\x1b[31m三", "张\n三", "张\t三", "\x07", "张\xc2\x9b三", "\xff\xfe", "a\x7f"}) {
        INFO(bad);
        CHECK_FALSE(validateOperatorName(bad).empty());
    }
}

TEST_CASE("terminalSafe shows control characters and broken UTF-8 as visible escapes and keeps Chinese")
{
    CHECK(terminalSafe("张三 Zhang") == "张三 Zhang");
    CHECK(terminalSafe("李\x1b[2J四") == "李\\x1b[2J四");
    CHECK(terminalSafe("a\tb\nc\rd") == "a\\x09b\\x0ac\\x0dd");
    CHECK(terminalSafe("\x7f") == "\\x7f");
    CHECK(terminalSafe("\xc2\x9b" "31m") == "\\xc2\\x9b31m"); // the 8-bit CSI
    CHECK(terminalSafe("\xe5\xbc") == "\\xe5\\xbc");          // a character cut short
    CHECK(terminalSafe("\xff") == "\\xff");
}
