#pragma once

#include "demo_random.h"

#include "domain/date.h"

#include <string>
#include <string_view>
#include <unordered_set>

namespace shouwang::demo {

std::string pickSurname(Random& random);
// Surname + a given name of the elder's generation.
std::string elderName(Random& random, bool male, std::string_view surname);
// A child of the family: the father's surname, a given name of the younger generation.
std::string youngName(Random& random, bool male, std::string_view surname);
// Someone of the younger generation from another family: a man with `maleChance`.
std::string youngStranger(Random& random, double maleChance);
// 11-digit mobile: 13x, 15x or 18x.
std::string mobilePhone(Random& random);

// 60–100, skewed young as a real rural ledger is: about half in their sixties, one in six 80+.
int elderAge(Random& random);
// The same calendar day `years` earlier (29 February becomes the 28th).
Date yearsBefore(Date date, int years);
// A birth date on which someone is exactly `age` on `today`.
Date birthDateForAge(Random& random, Date today, int age);
// "YYYY-MM-DDTHH:MM:SS" for a time of day on `date`.
std::string dateTimeAt(Date date, int hour, int minute);

// Makes valid 身份证号 (GB 11643): issuing county, birth date, a sequence whose last
// digit is odd for men and even for women, and the MOD 11-2 check digit. Remembers the
// numbers it made so that no two demo people share one.
class IdNumberMaker {
public:
    std::string make(Random& random, std::string_view countyCode, Date birth, bool male);

private:
    std::unordered_set<std::string> m_used;
};

} // namespace shouwang::demo
