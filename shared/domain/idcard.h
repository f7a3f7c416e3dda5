#pragma once

#include "date.h"

#include <optional>
#include <string>
#include <string_view>

namespace shouwang {

// What a valid 居民身份证号码 (GB 11643-1999) tells about its holder, so that the ledger
// never asks for birth date and sex separately and they can never disagree with the number.
struct IdNumberInfo {
    std::string birthDate;  // YYYY-MM-DD
    std::string sex;        // enum "sex" code: "male" or "female"
    std::string regionCode; // first 6 digits: the county where the number was issued
};

struct IdNumberCheck {
    std::optional<IdNumberInfo> info;
    std::string error; // in Chinese, telling the user what to correct; empty when valid

    bool ok() const { return info.has_value(); }
};

// Checks an 18-character number: digits, a known province, a real birth date that is not
// after `today`, and the check digit. The last character must be a digit or an upper-case
// X: a lower-case x is refused (with its own message) so that one person is never stored
// under two spellings of the same number, which would defeat duplicate detection.
IdNumberCheck checkIdNumber(std::string_view text, Date today);
IdNumberCheck checkIdNumber(std::string_view text); // against today in China

// ISO 7064 MOD 11-2 over the first 17 digits: '0'-'9' or 'X'. '\0' if the input is not 17 digits.
char idCheckDigit(std::string_view first17);

// For lists and exports (DESIGN §5): "500101********1234" — the issuing county and the last
// four, which is how people tell two numbers apart, and nothing of the birth date. Text
// of 10 characters or fewer is masked entirely.
std::string maskIdNumber(std::string_view id);
// "138****5678": keeps the first 3 and last 4 of numbers of 11 or more characters; shorter
// numbers (8-digit landlines) keep only the last 4, and anything under 8 is masked entirely.
std::string maskPhone(std::string_view phone);

// What an import, and a sync the county answers, say of an elder whose 身份证号 a person of
// another village already holds: "身份证号与开州区 / 厚坝镇 / 大坝村村民委员会的“张三”相同：…".
std::string sameIdElsewhereMessage(std::string_view otherVillageCode, std::string_view otherName);

} // namespace shouwang
