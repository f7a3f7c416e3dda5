#pragma once

#include <span>
#include <string_view>

namespace shouwang::demo {

// Word lists for believable demo people and places. Surnames come with a relative weight
// (李 and 王 are far commoner than 邓), so a village's ledger looks like a real one.
struct WeightedName {
    std::string_view text;
    int weight;
};

std::span<const WeightedName> surnames();
// Given names of people born 1925–1965, when 建国 and 秀英 were common.
std::span<const std::string_view> elderMaleNames();
std::span<const std::string_view> elderFemaleNames();
// Given names of their children, born 1955–1995.
std::span<const std::string_view> youngMaleNames();
std::span<const std::string_view> youngFemaleNames();
// Where Chongqing's rural migrants work.
std::span<const std::string_view> workPlaces();
std::span<const std::string_view> chronicDiseases();
std::span<const std::string_view> volunteerSkills();

} // namespace shouwang::demo
