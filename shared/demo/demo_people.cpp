#include "demo_people.h"

#include "chinese_names.h"

#include "domain/idcard.h"

#include <cstdio>

namespace shouwang::demo {

std::string pickSurname(Random& random)
{
    const auto names = surnames();
    int weights[64] = {};
    const std::size_t n = std::min<std::size_t>(names.size(), std::size(weights));
    for (std::size_t i = 0; i < n; ++i)
        weights[i] = names[i].weight;
    return std::string(names[random.weighted(std::span<const int>(weights, n))].text);
}

std::string elderName(Random& random, bool male, std::string_view surname)
{
    return std::string(surname) + std::string(random.pick(male ? elderMaleNames() : elderFemaleNames()));
}

std::string youngName(Random& random, bool male, std::string_view surname)
{
    return std::string(surname) + std::string(random.pick(male ? youngMaleNames() : youngFemaleNames()));
}

std::string youngStranger(Random& random, double maleChance)
{
    // Drawn in separate statements: the order in which a call's arguments are evaluated
    // differs between compilers, and with it the demo a seed gives.
    const bool male = random.chance(maleChance);
    const std::string surname = pickSurname(random);
    return youngName(random, male, surname);
}

std::string mobilePhone(Random& random)
{
    static constexpr std::string_view kPrefixes[] = {"13", "15", "18"};
    std::string phone(random.pick(std::span<const std::string_view>(kPrefixes)));
    phone += static_cast<char>('0' + random.range(0, 9));
    for (int i = 0; i < 8; ++i)
        phone += static_cast<char>('0' + random.range(0, 9));
    return phone;
}

int elderAge(Random& random)
{
    static constexpr int kBandWeights[] = {48, 34, 15, 3}; // 60–69, 70–79, 80–89, 90–100
    switch (random.weighted(kBandWeights)) {
    case 0:
        return random.range(60, 69);
    case 1:
        return random.range(70, 79);
    case 2:
        return random.range(80, 89);
    default:
        return random.range(90, 100);
    }
}

Date yearsBefore(Date date, int years)
{
    using namespace std::chrono;
    const year_month_day ymd{date};
    year_month_day earlier{ymd.year() - std::chrono::years(years), ymd.month(), ymd.day()};
    if (!earlier.ok())
        earlier = year_month_day{earlier.year(), earlier.month(), std::chrono::day(28)};
    return sys_days{earlier};
}

Date birthDateForAge(Random& random, Date today, int age)
{
    // Born after this day a year earlier and on or before the day `age` years ago.
    const Date latest = yearsBefore(today, age);
    const Date earliest = yearsBefore(today, age + 1) + std::chrono::days(1);
    const int span = static_cast<int>((latest - earliest).count());
    return earliest + std::chrono::days(random.range(0, span));
}

std::string dateTimeAt(Date date, int hour, int minute)
{
    char buf[16];
    std::snprintf(buf, sizeof buf, "T%02d:%02d:00", hour, minute);
    return formatDate(date) + buf;
}

std::string IdNumberMaker::make(Random& random, std::string_view countyCode, Date birth, bool male)
{
    const std::string date = formatDate(birth);
    std::string stem = std::string(countyCode) + date.substr(0, 4) + date.substr(5, 2) + date.substr(8, 2);
    while (true) {
        // The 17th digit carries the sex: odd for men, even for women.
        const int sequence = random.range(0, 499) * 2 + (male ? 1 : 0);
        char digits[4];
        std::snprintf(digits, sizeof digits, "%03d", sequence);
        std::string id = stem + digits;
        id += idCheckDigit(id);
        if (m_used.insert(id).second)
            return id;
    }
}

} // namespace shouwang::demo
