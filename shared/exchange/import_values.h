#pragma once

#include "domain/enums.h"

#include <optional>
#include <string>
#include <string_view>

namespace shouwang::import {

// What people type into the ledgers counties keep, brought to the form hand entry checks
// (docs/csv-template.md, "值的写法"). Each returns the normalised text, or nullopt with
// `error` (Chinese) when the value cannot be understood; a `warning` tells of a change the
// clerk should know about (a 15-digit ID number made 18 digits).

// Full-width letters, digits and punctuation (Ａ１，) as their ASCII forms, the ideographic
// space U+3000 as a space. Chinese characters and full-width brackets used in labels stay.
std::string halfWidth(std::string_view text);
// Spaces, tabs, line breaks and ideographic spaces off both ends.
std::string_view trim(std::string_view text);

// Inner spaces and hyphens dropped, x → X, a 15-digit first-generation number made 18
// digits. A number Excel showed in scientific notation (5.00154E+17) is refused: its last
// digits are gone.
std::optional<std::string> idNumber(std::string_view cell, std::string& error, std::string& warning);
// +86 / 0086 and inner spaces dropped; a mobile number as 11 digits, a landline as 区号-号码.
std::string phone(std::string_view cell);
// 2024-01-31, 2024/1/31, 2024.1.31, 2024年1月31日, 20240131, an Excel date serial (45322)
// and a date with a time after it, as YYYY-MM-DD; "" when not a date.
std::string date(std::string_view cell);
// 是/否, √/×, 有/无, Y/N, yes/no, 1/0, true/false as "1" or "0"; nullopt otherwise.
std::optional<std::string> yesNo(std::string_view cell);
// An option of the enumeration by code, label, or one of the words people use for it
// (独居老人 for 独居, 失能 for 不能自理); nullptr when none fits.
const EnumOption* option(const EnumDef& def, std::string_view cell);

} // namespace shouwang::import
