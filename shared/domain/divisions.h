#pragma once

#include <cstddef>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace shouwang {

// Chongqing's administrative units with their statistical codes (NBS 2023, see
// divisions_SOURCE.md). A code's length says its level and its prefix is its parent:
// county 500154 → township 500154001 → village 500154001001.
enum class DivisionLevel { County, Township, Village };

// The city above the counties (重庆市): the first two digits of every code here. The
// municipal bureau's ledger holds every county under it (docs/admin-guide.md, the city).
inline constexpr std::string_view kCityCode = "50";
inline constexpr std::string_view kCityName = "重庆市";

// The digits of a code at each level: 6, 9, 12. The one place these lengths are written.
constexpr std::size_t codeDigits(DivisionLevel level)
{
    switch (level) {
    case DivisionLevel::County:
        return 6;
    case DivisionLevel::Township:
        return 9;
    case DivisionLevel::Village:
        return 12;
    }
    return 12;
}
// The level a code of this length names; nullopt for any other length. Says nothing of
// whether the unit exists (findDivision) or the code is all digits (isCodeOf).
std::optional<DivisionLevel> levelOfCode(std::string_view code);
// `code` is well formed for `level`: exactly codeDigits(level) ASCII digits.
bool isCodeOf(DivisionLevel level, std::string_view code);
// The code of the unit at `level` that `code` lies in: its first codeDigits(level)
// characters ("500154001001" → county "500154"); a code no longer than that, whole.
std::string_view enclosingCode(std::string_view code, DivisionLevel level);

struct Division {
    std::string_view code;
    std::string_view name;

    DivisionLevel level() const;
    std::string_view parentCode() const; // "" for a county
    // 村民委员会, as opposed to an urban 居民委员会: the rural villages the policy is about.
    bool isVillageCommittee() const;
};

// Every county, township and village, sorted by code; a parent sorts directly before its
// descendants.
std::span<const Division> allDivisions();
const Division* findDivision(std::string_view code); // nullptr if unknown
// Townships of a county or villages of a township, by code; counties for "". Empty for a
// village or an unknown code.
std::vector<const Division*> childDivisions(std::string_view parentCode);
std::vector<const Division*> counties();

// "开州区 / 汉丰街道 / 驷马社区居民委员会". An unknown code gives the code itself, so that a
// list never shows a blank where a place should be.
std::string divisionPath(std::string_view code);
// The name people say, without the "村民委员会"/"居民委员会" that every committee name
// carries: "石龙村村民委员会" → "石龙村", "东方广场社区居民委员会" → "东方广场社区". Some
// names fold the 村 into the suffix ("真武村民委员会"), so a stripped 村民委员会 name always
// ends in 村: "真武村". Other names are returned unchanged.
std::string shortVillageName(std::string_view name);

} // namespace shouwang
