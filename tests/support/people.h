#pragma once

#include "domain/idcard.h"

#include <string>

namespace shouwang::test {

// A distinct three-character name for each of 9,000 people, for ledgers of a township's or
// a county's size.
inline std::string distinctName(int n)
{
    static const char* const kFamily[] = {"赵", "钱", "孙", "李", "周", "吴", "郑", "王", "冯", "陈"};
    static const char* const kGiven[] = {"一", "二", "三", "四", "五", "六", "七", "八", "九", "十",
                                         "春", "夏", "秋", "冬", "东", "南", "西", "北", "山", "水",
                                         "金", "木", "土", "石", "田", "禾", "云", "风", "雨", "雪"};
    return std::string(kFamily[n % 10]) + kGiven[(n / 10) % 30] + kGiven[(n / 300) % 30];
}

// A valid ID number, distinct for each n below 25,200: the birth date steps a day per 900.
inline std::string distinctIdNumber(int n)
{
    const int day = 1 + (n / 900) % 28;
    const std::string first17 = "5001541950" + std::string("03") + (day < 10 ? "0" : "") + std::to_string(day)
        + std::to_string(100 + n % 900);
    return first17 + idCheckDigit(first17);
}

} // namespace shouwang::test
