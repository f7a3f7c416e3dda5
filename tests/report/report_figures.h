#pragma once

// Reading the supervision figures in the report tests: the period they are asked for and
// the one row of a list a check is about.

#include "county_builder.h"

#include "report/supervision.h"

#include <algorithm>
#include <chrono>
#include <iterator>
#include <string>

namespace shouwang::test {

// The 30 days up to the builder's today, asked at noon.
inline ReportRequest monthRequest(const CountyBuilder& county, const std::string& area)
{
    ReportRequest q;
    q.area = area;
    q.from = county.t - std::chrono::days(30);
    q.to = county.t;
    q.now = county.at(0, "12:00:00");
    return q;
}

// The row of `rows` whose `member` is `value`; fails the test when there is none.
template <class Rows, class Member, class Value>
const auto& rowWhere(const Rows& rows, Member member, const Value& value)
{
    const auto it
        = std::find_if(std::begin(rows), std::end(rows), [&](const auto& row) { return row.*member == value; });
    REQUIRE(it != std::end(rows));
    return *it;
}

inline const UnitFigures& unit(const SupervisionReport& r, const std::string& code)
{
    return rowWhere(r.units, &UnitFigures::code, code);
}

inline const VolunteerHoursFigures::Account& account(const SupervisionReport& r, const std::string& name)
{
    return rowWhere(r.volunteerHours.accounts, &VolunteerHoursFigures::Account::name, name);
}

inline const ReferralFigures::Department& department(const SupervisionReport& r, const std::string& code)
{
    return rowWhere(r.referrals.byDepartment, &ReferralFigures::Department::code, code);
}

} // namespace shouwang::test
