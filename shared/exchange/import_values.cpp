#include "import_values.h"

#include "domain/date.h"
#include "domain/idcard.h"
#include "domain/schema_names.h"

#include <cstdio>
#include <map>
#include <vector>

namespace shouwang::import {
namespace {

// The words people write for an option, beyond its code and label: one table per
// enumeration, documented in docs/csv-template.md ("选项的同义词"). Compared after halfWidth
// and without spaces.
const std::map<std::string_view, std::map<std::string_view, std::vector<std::string_view>>>& synonyms()
{
    static const std::map<std::string_view, std::map<std::string_view, std::vector<std::string_view>>> table = {
        {schema::elder::living,
         {{"alone", {"独居老人", "独自居住", "单独居住", "一人居住", "独住", "空巢独居"}},
          {"spouse", {"与配偶", "与配偶居住", "与老伴同住", "夫妻同住", "老两口同住", "空巢", "配偶"}},
          {"grandchildren", {"与孙辈", "与孙子女同住", "隔代同住", "隔代居住"}},
          {"relatives", {"与其他亲属", "与亲属同住", "与亲戚同住"}},
          {"institution", {"养老机构", "敬老院", "入住机构", "福利院"}}}},
        {schema::elder::health,
         {{"healthy", {"良好", "身体健康", "好"}},
          {"fair", {"一般", "较好", "基本健康"}},
          {"unhealthy_selfcare", {"不健康能自理", "患病能自理", "能自理", "体弱能自理"}},
          {"unhealthy_dependent", {"不健康不能自理", "生活不能自理", "失能", "卧床", "完全不能自理"}}}},
        {schema::elder::ability,
         {{"intact", {"完好", "正常", "能自理", "自理"}},
          {"mild", {"轻度", "部分失能", "半失能"}},
          {"moderate", {"中度"}},
          {"severe", {"重度", "完全失能", "失能"}}}},
        {schema::elder::marital,
         {{"single", {"单身", "未婚"}},
          {"married", {"有配偶", "在婚", "已婚"}},
          {"widowed", {"丧偶", "鳏寡"}},
          {"divorced", {"离异", "离婚"}}}},
        {"disability",
         {{"none", {"无残疾", "非残疾", "否", "没有", "正常"}},
          {"grade1", {"1级", "一级残疾", "残疾一级"}},
          {"grade2", {"2级", "二级残疾", "残疾二级"}},
          {"grade3", {"3级", "三级残疾", "残疾三级"}},
          {"grade4", {"4级", "四级残疾", "残疾四级"}}}},
        {"elder_status",
         {{schema::volunteer::active, {"正常", "在册"}},
          {"children_returned", {"子女已返乡"}},
          {"moved_out", {"外迁", "已迁出"}},
          {"institution", {"入住养老机构", "已入住机构"}},
          {"deceased", {"死亡", "已故", "已去世", "亡故"}}}},
        {"sex", {{"male", {"男性"}}, {"female", {"女性"}}}},
        {schema::supporter::relation,
         {{"son", {"子", "儿", "长子", "次子", "三子", "之子"}},
          {"daughter", {"女", "长女", "次女", "三女", "之女"}},
          {"daughter_in_law", {"儿媳妇", "媳妇", "媳"}},
          {"son_in_law", {"婿"}},
          {"grandchild", {"孙子", "孙女", "外孙", "外孙女", "孙", "孙辈"}},
          {"spouse", {"妻", "夫", "妻子", "丈夫", "老伴"}},
          {"sibling", {"兄", "弟", "姐", "妹", "兄弟", "姐妹", "哥哥", "弟弟", "姐姐", "妹妹"}}}},
        {"income",
         {{"pension", {"退休金", "养老保险金"}},
          {"children", {"子女", "子女赡养", "子女供养"}},
          {"farming", {"种地", "农业收入", "务农收入"}},
          {schema::household::dibao, {"低保金", "最低生活保障"}},
          {schema::household::tekun, {"特困", "五保"}}}},
        {schema::elder::insurance,
         {{"resident_medical", {"新农合", "居民医保", "城乡医保", "医保"}},
          {"employee_medical", {"职工医疗保险"}},
          {"resident_pension", {"新农保", "居民养老保险", "城乡养老保险", "养老保险"}},
          {"commercial", {"商保"}},
          {"accident", {"意外险"}}}},
        {"difficulty",
         {{"daily_care", {"照料", "生活照料困难", "无人照料"}},
          {"economic", {"经济"}},
          {"medical", {"就医", "看病难"}},
          {"emotional", {"孤独", "精神", "缺少陪伴"}},
          {"housing", {"住房", "危房"}}}},
    };
    return table;
}

// Labels compared without spaces and with ASCII punctuation, so that "不健康,能自理"
// finds "不健康，能自理".
std::string folded(std::string_view text)
{
    std::string out;
    for (char c : halfWidth(text)) {
        if (c != ' ')
            out += c;
    }
    return out;
}

// One UTF-8 sequence at `i`: its code point and length (a stray byte is itself).
std::pair<char32_t, std::size_t> decode(std::string_view text, std::size_t i)
{
    const auto c = static_cast<unsigned char>(text[i]);
    const std::size_t len = c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xe ? 3 : (c >> 3) == 0x1e ? 4 : 1;
    if (len == 1 || i + len > text.size())
        return {c, 1};
    char32_t cp = c & (0x7f >> len);
    for (std::size_t k = 1; k < len; ++k)
        cp = (cp << 6) | (static_cast<unsigned char>(text[i + k]) & 0x3f);
    return {cp, len};
}

bool allDigits(std::string_view text)
{
    return !text.empty() && text.find_first_not_of("0123456789") == std::string_view::npos;
}

std::string withoutSpacesAndHyphens(std::string_view text)
{
    std::string out;
    for (char c : halfWidth(text)) {
        if (c != ' ' && c != '-' && c != '\t' && c != '\r' && c != '\n')
            out += c;
    }
    return out;
}

std::string formatted(int year, int month, int day)
{
    char buf[16];
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", year, month, day);
    return parseDate(buf) ? std::string(buf) : std::string{};
}

} // namespace

std::string halfWidth(std::string_view text)
{
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size();) {
        const auto [cp, len] = decode(text, i);
        if (cp >= 0xFF01 && cp <= 0xFF5E)
            out += static_cast<char>(cp - 0xFF01 + 0x21);
        else if (cp == 0x3000)
            out += ' ';
        else
            out.append(text.substr(i, len));
        i += len;
    }
    return out;
}

std::string_view trim(std::string_view text)
{
    while (true) {
        if (!text.empty() && (text.front() == ' ' || text.front() == '\t' || text.front() == '\r' || text.front() == '\n'))
            text.remove_prefix(1);
        else if (text.starts_with("\u3000"))
            text.remove_prefix(3);
        else if (!text.empty() && (text.back() == ' ' || text.back() == '\t' || text.back() == '\r' || text.back() == '\n'))
            text.remove_suffix(1);
        else if (text.ends_with("\u3000"))
            text.remove_suffix(3);
        else
            return text;
    }
}

std::optional<std::string> idNumber(std::string_view cell, std::string& error, std::string& warning)
{
    std::string id = withoutSpacesAndHyphens(trim(cell));
    if (id.find_first_of("Ee") != std::string::npos && id.find_first_of("+.") != std::string::npos) {
        error = "身份证号“" + id + "”已被Excel显示为科学计数法，后几位数字已经丢失，无法还原。请在Excel中选中该列，"
                "设置单元格格式为“文本”，重新录入这些身份证号后再导入";
        return std::nullopt;
    }
    if (!id.empty() && id.back() == 'x')
        id.back() = 'X';
    if (id.size() == 15 && allDigits(id)) {
        // First-generation numbers: 6-digit region, 2-digit year of the 1900s, no check digit.
        std::string full = id.substr(0, 6) + "19" + id.substr(6);
        full += idCheckDigit(full);
        warning = "15位身份证号“" + id + "”已转换为18位“" + full + "”";
        return full;
    }
    return id;
}

std::string phone(std::string_view cell)
{
    std::string text = halfWidth(trim(cell));
    std::string compact;
    for (char c : text) {
        if (c != ' ' && c != '\t' && c != '(' && c != ')')
            compact += c;
    }
    for (std::string_view prefix : {"+86", "0086"}) {
        if (compact.starts_with(prefix)) {
            compact.erase(0, prefix.size());
            if (compact.starts_with('-'))
                compact.erase(0, 1);
        }
    }
    std::string digits;
    for (char c : compact) {
        if (c != '-')
            digits += c;
    }
    if (digits.size() == 11 && digits.starts_with('1') && allDigits(digits))
        return digits;
    // (023)12345678 → 023-12345678: the area code the way hand entry shows it.
    if (text.find('(') != std::string::npos && compact.find('-') == std::string::npos) {
        const auto close = text.find(')');
        if (close != std::string::npos) {
            const std::string area = withoutSpacesAndHyphens(text.substr(text.find('(') + 1, close - text.find('(') - 1));
            if (allDigits(area) && area.starts_with('0'))
                return area + "-" + digits.substr(area.size());
        }
    }
    return compact;
}

std::string date(std::string_view rawCell)
{
    std::string cell = halfWidth(trim(rawCell));
    // A time after the date (Excel's "1945-01-01 00:00:00"): only the date counts.
    if (const auto space = cell.find_first_of(" T"); space != std::string::npos && space >= 8)
        cell.erase(space);
    if (allDigits(cell) && cell.size() == 8)
        return formatted(std::stoi(cell.substr(0, 4)), std::stoi(cell.substr(4, 2)), std::stoi(cell.substr(6, 2)));
    // An Excel date serial: days since 1899-12-30 (Excel's 1900 leap-year bug is why not the 31st).
    // Only five digits (1927-10-18 to 2173): smaller numbers are too likely something else.
    std::string whole = cell.substr(0, cell.find('.'));
    if (allDigits(whole) && whole.size() == 5 && (cell.size() == whole.size() || allDigits(cell.substr(whole.size() + 1)))) {
        using namespace std::chrono;
        const Date day = sys_days(year{1899} / December / 30) + days{std::stoi(whole)};
        return formatDate(day);
    }
    int numbers[3] = {};
    int count = 0;
    bool inNumber = false;
    for (char c : cell) {
        if (c >= '0' && c <= '9') {
            if (!inNumber && count == 3)
                return {};
            if (!inNumber)
                ++count;
            numbers[count - 1] = numbers[count - 1] * 10 + (c - '0');
            inNumber = true;
            if (numbers[count - 1] > 9999)
                return {};
        } else {
            inNumber = false;
        }
    }
    if (count != 3)
        return {};
    return formatted(numbers[0], numbers[1], numbers[2]);
}

std::optional<std::string> yesNo(std::string_view rawCell)
{
    const std::string cell = folded(trim(rawCell));
    static constexpr std::string_view kYes[] = {"是", "1", "Y", "y", "yes", "Yes", "YES", "√", "✓", "✔", "有", "true", "TRUE", "对"};
    static constexpr std::string_view kNo[] = {"否", "0", "N", "n", "no", "No", "NO", "×", "✗", "✘", "x", "X", "无", "false", "FALSE", "没有"};
    for (std::string_view yes : kYes) {
        if (cell == yes)
            return std::string("1");
    }
    for (std::string_view no : kNo) {
        if (cell == no)
            return std::string("0");
    }
    return std::nullopt;
}

const EnumOption* option(const EnumDef& def, std::string_view cell)
{
    if (const EnumOption* byCode = def.find(cell))
        return byCode;
    const std::string wanted = folded(cell);
    for (const EnumOption& option : def.options) {
        if (folded(option.zh) == wanted)
            return &option;
    }
    const auto table = synonyms().find(def.name);
    if (table == synonyms().end())
        return nullptr;
    for (const auto& [code, words] : table->second) {
        for (std::string_view word : words) {
            if (folded(word) == wanted)
                return def.find(code);
        }
    }
    return nullptr;
}

} // namespace shouwang::import
