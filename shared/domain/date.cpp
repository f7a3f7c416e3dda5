#include "date.h"

#include <charconv>
#include <cstdint>
#include <cstdio>

namespace shouwang {
namespace {

constexpr auto kChinaOffset = std::chrono::hours(8);

bool readInt(std::string_view text, int& out)
{
    if (text.empty())
        return false;
    auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), out);
    return ec == std::errc{} && ptr == text.data() + text.size();
}

} // namespace

std::optional<Date> parseDate(std::string_view text)
{
    using namespace std::chrono;
    int y = 0, m = 0, d = 0;
    if (text.size() != 10 || text[4] != '-' || text[7] != '-')
        return std::nullopt;
    if (!readInt(text.substr(0, 4), y) || !readInt(text.substr(5, 2), m) || !readInt(text.substr(8, 2), d))
        return std::nullopt;
    const year_month_day ymd{year{y}, month{static_cast<unsigned>(m)}, day{static_cast<unsigned>(d)}};
    if (!ymd.ok())
        return std::nullopt;
    return sys_days{ymd};
}

std::string formatDate(Date date)
{
    const std::chrono::year_month_day ymd{date};
    char buf[16];
    std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", static_cast<int>(ymd.year()),
                  static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()));
    return buf;
}

Date today()
{
    return std::chrono::floor<std::chrono::days>(std::chrono::system_clock::now() + kChinaOffset);
}

int yearsBetween(Date birth, Date on)
{
    using namespace std::chrono;
    const year_month_day b{birth}, o{on};
    int years = static_cast<int>(o.year()) - static_cast<int>(b.year());
    if (o.month() < b.month() || (o.month() == b.month() && o.day() < b.day()))
        --years;
    return years;
}

int monthsBetween(Date from, Date on)
{
    using namespace std::chrono;
    const year_month_day f{from}, o{on};
    int months = (static_cast<int>(o.year()) - static_cast<int>(f.year())) * 12
        + (static_cast<int>(static_cast<unsigned>(o.month())) - static_cast<int>(static_cast<unsigned>(f.month())));
    if (o.day() < f.day())
        --months;
    return months;
}

std::string nowDateTime()
{
    using namespace std::chrono;
    return formatDateTime(duration_cast<milliseconds>(system_clock::now().time_since_epoch()).count());
}

std::optional<std::chrono::sys_seconds> parseDateTime(std::string_view text)
{
    using namespace std::chrono;
    if (text.size() != 19 || (text[10] != 'T' && text[10] != ' ') || text[13] != ':' || text[16] != ':')
        return std::nullopt;
    auto date = parseDate(text.substr(0, 10));
    int h = 0, m = 0, s = 0;
    if (!date || !readInt(text.substr(11, 2), h) || !readInt(text.substr(14, 2), m) || !readInt(text.substr(17, 2), s))
        return std::nullopt;
    if (h > 23 || m > 59 || s > 59)
        return std::nullopt;
    return sys_seconds{*date} + hours(h) + minutes(m) + seconds(s);
}

} // namespace shouwang

namespace shouwang {

std::string formatDateTime(std::int64_t millisSinceEpoch)
{
    using namespace std::chrono;
    const auto local = floor<seconds>(sys_time<milliseconds>(milliseconds(millisSinceEpoch)) + kChinaOffset);
    const auto day = floor<days>(local);
    const hh_mm_ss time{local - day};
    char buf[32];
    std::snprintf(buf, sizeof buf, "%sT%02d:%02d:%02d", formatDate(day).c_str(), static_cast<int>(time.hours().count()),
                  static_cast<int>(time.minutes().count()), static_cast<int>(time.seconds().count()));
    return buf;
}

std::optional<std::int64_t> epochSecondsOf(std::string_view dateTime)
{
    using namespace std::chrono;
    const auto local = parseDateTime(dateTime);
    if (!local)
        return std::nullopt;
    const std::int64_t seconds
        = duration_cast<std::chrono::seconds>((*local - kChinaOffset).time_since_epoch()).count();
    if (formatDateTime(seconds * 1000) != dateTime)
        return std::nullopt; // "2026-12-03 08:00:00": read, but not the form it would give back
    return seconds;
}

} // namespace shouwang
