#include "domain/idcard.h"

#include <catch2/catch.hpp>

using namespace shouwang;

namespace {

const Date kToday = *parseDate("2024-06-15");

// A valid number from its first 17 digits: the tests do not trust the function they test
// beyond the two examples printed in GB 11643-1999 itself.
std::string withCheckDigit(std::string first17)
{
    return first17 + idCheckDigit(first17);
}

} // namespace

TEST_CASE("the check digit is ISO 7064 MOD 11-2 as in the examples of GB 11643")
{
    CHECK(idCheckDigit("11010519491231002") == 'X');
    CHECK(idCheckDigit("44052418800101001") == '4');
    CHECK(idCheckDigit("50023519600229002") == '9');
    CHECK(idCheckDigit("1101051949123100") == '\0');
    CHECK(idCheckDigit("1101051949123100A") == '\0');
}

TEST_CASE("a valid ID number gives its birth date, sex and issuing county")
{
    const auto gb = checkIdNumber("11010519491231002X", kToday);
    REQUIRE(gb.ok());
    CHECK(gb.error.empty());
    CHECK(gb.info->birthDate == "1949-12-31");
    CHECK(gb.info->sex == "female");
    CHECK(gb.info->regionCode == "110105");

    const auto male = checkIdNumber(withCheckDigit("50015419440815007"), kToday);
    REQUIRE(male.ok());
    CHECK(male.info->birthDate == "1944-08-15");
    CHECK(male.info->sex == "male");
    CHECK(male.info->regionCode == "500154");
}

TEST_CASE("a birth date of 1880 or later up to today is accepted")
{
    CHECK(checkIdNumber("440524188001010014", kToday).ok());
    CHECK(checkIdNumber(withCheckDigit("50023519600229002"), kToday).ok()); // a leap day
    CHECK(checkIdNumber(withCheckDigit("50010120240615001"), kToday).ok()); // born today
}

TEST_CASE("an ID number with a wrong check digit is refused without revealing the right one")
{
    const auto check = checkIdNumber("110105194912310021", kToday);
    CHECK_FALSE(check.ok());
    CHECK(check.error == "身份证号校验码不符，请核对号码");
    CHECK(check.error.find('X') == std::string::npos);
}

TEST_CASE("an ID number with an impossible birth date is refused")
{
    const auto feb30 = checkIdNumber(withCheckDigit("50010119990230001"), kToday);
    CHECK_FALSE(feb30.ok());
    CHECK(feb30.error == "身份证号中的出生日期“19990230”不是有效日期，请核对号码");
    CHECK_FALSE(checkIdNumber(withCheckDigit("50010119590229001"), kToday).ok()); // 1959 is no leap year
    CHECK_FALSE(checkIdNumber(withCheckDigit("50010119501301001"), kToday).ok()); // month 13
    CHECK_FALSE(checkIdNumber(withCheckDigit("50010119500100001"), kToday).ok()); // day 0

    const auto tooOld = checkIdNumber(withCheckDigit("50010118791231001"), kToday);
    CHECK_FALSE(tooOld.ok());
    CHECK(tooOld.error.find("早于1880年") != std::string::npos);
}

TEST_CASE("an ID number with a birth date after today is refused")
{
    const auto check = checkIdNumber(withCheckDigit("50010120240616001"), kToday);
    CHECK_FALSE(check.ok());
    CHECK(check.error == "身份证号中的出生日期“20240616”晚于今天，请核对号码");
    CHECK_FALSE(checkIdNumber(withCheckDigit("50010120990101001")).ok()); // against the real today
}

TEST_CASE("an ID number that is not 18 characters is refused with the count typed")
{
    const auto short17 = checkIdNumber("11010519491231002", kToday);
    CHECK_FALSE(short17.ok());
    CHECK(short17.error == "身份证号应为18位，当前输入了17位");

    const auto long19 = checkIdNumber("11010519491231002X1", kToday);
    CHECK_FALSE(long19.ok());
    CHECK(long19.error == "身份证号应为18位，当前输入了19位");

    CHECK(checkIdNumber("", kToday).error == "身份证号应为18位，当前输入了0位");
    CHECK(checkIdNumber("110105491231002", kToday).error.find("15位旧号码已停用") != std::string::npos);
    // Characters, not bytes: a Chinese character is one of the 18.
    CHECK(checkIdNumber("11010519491231002号", kToday).error == "身份证号最后一位应为数字或大写字母X");
}

TEST_CASE("an ID number ending in lower-case x is refused with a request for upper-case X")
{
    const auto check = checkIdNumber("11010519491231002x", kToday);
    CHECK_FALSE(check.ok());
    CHECK(check.error == "身份证号最后一位应为大写字母X");
}

TEST_CASE("an ID number with a letter among the first 17 digits is refused naming the position")
{
    const auto check = checkIdNumber("1101051949A231002X", kToday);
    CHECK_FALSE(check.ok());
    CHECK(check.error == "身份证号第11位“A”不是数字");
    CHECK(checkIdNumber("11010519491231002Y", kToday).error == "身份证号最后一位应为数字或大写字母X");
    CHECK(checkIdNumber("X10105194912310021", kToday).error == "身份证号第1位“X”不是数字");
    CHECK(checkIdNumber("１10105194912310021", kToday).error == "身份证号第1位“１”不是数字"); // full-width 1
}

TEST_CASE("an ID number from an unknown province is refused")
{
    const auto check = checkIdNumber(withCheckDigit("99010119500101001"), kToday);
    CHECK_FALSE(check.ok());
    CHECK(check.error == "身份证号前两位“99”不是有效的省级行政区划代码，请核对号码");
    CHECK_FALSE(checkIdNumber(withCheckDigit("10010119500101001"), kToday).ok());
    CHECK_FALSE(checkIdNumber(withCheckDigit("83010119500101001"), kToday).ok()); // a residence permit
    // Old Sichuan codes stay valid for people of Chongqing registered before 1997.
    CHECK(checkIdNumber(withCheckDigit("51222419500101001"), kToday).ok());
    CHECK(checkIdNumber(withCheckDigit("82000019500101001"), kToday).ok());
}

TEST_CASE("a masked ID number keeps the first 6 and last 4 characters")
{
    CHECK(maskIdNumber("11010519491231002X") == "110105********002X");
    CHECK(maskIdNumber("500101195001011231") == "500101********1231");
    CHECK(maskIdNumber("12345678901") == "123456*8901");
    CHECK(maskIdNumber("1234567890") == "**********");
    CHECK(maskIdNumber("") == "");
}

TEST_CASE("a masked phone number keeps the first 3 and last 4 digits")
{
    CHECK(maskPhone("13812345678") == "138****5678");
    CHECK(maskPhone("023-12345678") == "023*****5678");
    CHECK(maskPhone("12345678") == "****5678");
    CHECK(maskPhone("1234567") == "*******");
    CHECK(maskPhone("") == "");
}
