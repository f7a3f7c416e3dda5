#include "idcard.h"

#include "divisions.h"

#include <algorithm>
#include <array>
#include <vector>

namespace shouwang {
namespace {

constexpr std::size_t kIdLength = 18;

// Province-level codes of GB/T 2260 (the 34 province-level divisions). Only the first two
// digits are checked: county codes change over the years (Chongqing's were 51xxxx before
// 1997) while every number issued under an old code stays valid for life.
// 83 is deliberately absent: it prefixes the residence permit of Taiwan residents, which is
// a different document from the 居民身份证.
constexpr std::array<int, 34> kProvinces = {
    11, 12, 13, 14, 15, 21, 22, 23, 31, 32, 33, 34, 35, 36, 37, 41, 42,
    43, 44, 45, 46, 50, 51, 52, 53, 54, 61, 62, 63, 64, 65, 71, 81, 82,
};

constexpr int kEarliestBirthYear = 1880;

// The text split into UTF-8 characters, so that messages count and quote what the user
// sees (a full-width digit or a Chinese character is one character, not three bytes).
std::vector<std::string_view> characters(std::string_view text)
{
    std::vector<std::string_view> out;
    std::size_t i = 0;
    while (i < text.size()) {
        const auto lead = static_cast<unsigned char>(text[i]);
        std::size_t len = lead < 0x80 ? 1 : lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1;
        len = std::min(len, text.size() - i);
        out.push_back(text.substr(i, len));
        i += len;
    }
    return out;
}

bool isDigit(char c)
{
    return c >= '0' && c <= '9';
}

int digitsValue(std::string_view digits)
{
    int value = 0;
    for (char c : digits)
        value = value * 10 + (c - '0');
    return value;
}

IdNumberCheck refuse(std::string message)
{
    return IdNumberCheck{std::nullopt, std::move(message)};
}

// The format errors, in the order a person fixes them: length, then characters.
std::string formatError(std::string_view text)
{
    const auto chars = characters(text);
    if (chars.size() != kIdLength) {
        std::string message = "身份证号应为18位，当前输入了" + std::to_string(chars.size()) + "位";
        if (chars.size() == 15)
            message += "（15位旧号码已停用，请填写18位号码）";
        return message;
    }
    for (std::size_t i = 0; i + 1 < kIdLength; ++i) {
        if (chars[i].size() != 1 || !isDigit(chars[i][0]))
            return "身份证号第" + std::to_string(i + 1) + "位“" + std::string(chars[i]) + "”不是数字";
    }
    const std::string_view last = chars.back();
    if (last == "x")
        return "身份证号最后一位应为大写字母X";
    if (last.size() != 1 || (!isDigit(last[0]) && last[0] != 'X'))
        return "身份证号最后一位应为数字或大写字母X";
    return {};
}

std::string maskMiddle(std::string_view text, std::size_t keepFront, std::size_t keepBack)
{
    const auto chars = characters(text);
    if (keepFront + keepBack >= chars.size())
        return std::string(chars.size(), '*');
    std::string out;
    for (std::size_t i = 0; i < chars.size(); ++i) {
        if (i < keepFront || i >= chars.size() - keepBack)
            out += chars[i];
        else
            out += '*';
    }
    return out;
}

} // namespace

char idCheckDigit(std::string_view first17)
{
    static constexpr std::array<int, 17> kWeights = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    static constexpr std::string_view kDigits = "10X98765432";
    if (first17.size() != kWeights.size() || !std::all_of(first17.begin(), first17.end(), isDigit))
        return '\0';
    int sum = 0;
    for (std::size_t i = 0; i < kWeights.size(); ++i)
        sum += (first17[i] - '0') * kWeights[i];
    return kDigits[static_cast<std::size_t>(sum % 11)];
}

IdNumberCheck checkIdNumber(std::string_view text, Date today)
{
    using namespace std::chrono;
    if (std::string error = formatError(text); !error.empty())
        return refuse(std::move(error));

    const std::string_view province = text.substr(0, 2);
    if (std::find(kProvinces.begin(), kProvinces.end(), digitsValue(province)) == kProvinces.end())
        return refuse("身份证号前两位“" + std::string(province) + "”不是有效的省级行政区划代码，请核对号码");

    const std::string_view birth = text.substr(6, 8);
    const year_month_day ymd{year{digitsValue(birth.substr(0, 4))},
                             month{static_cast<unsigned>(digitsValue(birth.substr(4, 2)))},
                             day{static_cast<unsigned>(digitsValue(birth.substr(6, 2)))}};
    if (!ymd.ok())
        return refuse("身份证号中的出生日期“" + std::string(birth) + "”不是有效日期，请核对号码");
    if (static_cast<int>(ymd.year()) < kEarliestBirthYear)
        return refuse("身份证号中的出生日期“" + std::string(birth) + "”早于1880年，请核对号码");
    if (sys_days{ymd} > today)
        return refuse("身份证号中的出生日期“" + std::string(birth) + "”晚于今天，请核对号码");

    // The expected digit is not shown: a typo is usually among the first 17 digits, and
    // "fixing" the last one to match would store a wrong number that then passes every check.
    if (idCheckDigit(text.substr(0, 17)) != text[17])
        return refuse("身份证号校验码不符，请核对号码");

    IdNumberInfo info;
    info.birthDate = formatDate(sys_days{ymd});
    info.sex = (text[16] - '0') % 2 == 1 ? "male" : "female";
    info.regionCode = std::string(text.substr(0, 6));
    return IdNumberCheck{std::move(info), {}};
}

IdNumberCheck checkIdNumber(std::string_view text)
{
    return checkIdNumber(text, today());
}

std::string maskIdNumber(std::string_view id)
{
    return maskMiddle(id, 6, 4);
}

std::string maskPhone(std::string_view phone)
{
    const std::size_t length = characters(phone).size();
    if (length >= 11)
        return maskMiddle(phone, 3, 4);
    if (length >= 8)
        return maskMiddle(phone, 0, 4);
    return std::string(length, '*');
}

std::string sameIdElsewhereMessage(std::string_view otherVillageCode, std::string_view otherName)
{
    return "身份证号与" + divisionPath(otherVillageCode) + "的“" + std::string(otherName)
        + "”相同：同一人可能已在另一个村登记，请核对（可能已迁出或重复登记）";
}

} // namespace shouwang
