#pragma once

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace shouwang {

// Calendar dates as the ledger stores them: "YYYY-MM-DD".
using Date = std::chrono::sys_days;

std::optional<Date> parseDate(std::string_view text);
std::string formatDate(Date date);
Date today(); // in China Standard Time (UTC+8), which is where every user is

// Whole years from `birth` to `on` (a birthday counts on the day itself).
int yearsBetween(Date birth, Date on);
// Whole months from `from` to `on` (a monthly anniversary counts on the day itself).
int monthsBetween(Date from, Date on);

// "YYYY-MM-DDTHH:MM:SS" in China Standard Time, for timestamps people read.
std::string nowDateTime();
std::optional<std::chrono::sys_seconds> parseDateTime(std::string_view text);

} // namespace shouwang

namespace shouwang {
// A moment in milliseconds since the epoch as "YYYY-MM-DDTHH:MM:SS", China Standard Time.
std::string formatDateTime(std::int64_t millisSinceEpoch);
// formatDateTime's inverse, in whole seconds: nothing for a text it would not give back.
std::optional<std::int64_t> epochSecondsOf(std::string_view dateTime);
} // namespace shouwang
