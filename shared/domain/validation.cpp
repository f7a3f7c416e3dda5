#include "validation.h"

#include "date.h"
#include "derived.h"
#include "divisions.h"
#include "enums.h"
#include "idcard.h"
#include "schema_names.h"
#include "text.h"

#include <algorithm>
#include <charconv>

namespace shouwang {
namespace {

// Valid UTF-8 with no control characters other than line breaks and tabs: anything else
// would break exports and the table views, and never comes from honest typing.
bool isCleanText(std::string_view text)
{
    for (const char ch : text) {
        const auto c = static_cast<unsigned char>(ch); // bytes of a UTF-8 sequence are all >= 0x80
        if ((c < 0x20 && c != '\n' && c != '\t' && c != '\r') || c == 0x7f)
            return false;
    }
    return isUtf8(text);
}

bool isInteger(std::string_view text)
{
    long long n = 0;
    auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), n);
    return ec == std::errc{} && ptr == text.data() + text.size();
}

// Why `text` is not a phone number a villager can be called on, in Chinese; "" when it is.
// A mobile number is 11 digits starting with 1 (a +86 prefix allowed); a landline starts with
// its area code (0 and 2-3 digits, then 7-8 digits, an extension after a last '-'). A bare
// 7-digit number is refused: without its area code it cannot be dialled from a mobile phone,
// and it is most often a mobile number typed short.
std::string phoneProblem(std::string_view text)
{
    if (text.size() > 20)
        return "号码过长";
    std::string digits;
    int dashes = 0;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (c >= '0' && c <= '9')
            digits += c;
        else if (c == '-')
            ++dashes;
        else if (!(c == '+' && i == 0))
            return "只能填数字和“-”";
    }
    if (text.starts_with("+86"))
        digits.erase(0, 2);
    else if (text.starts_with('+'))
        return "只能填国内号码";
    if (digits.starts_with('1'))
        return digits.size() == 11 ? std::string{} : "手机号码应为以1开头的11位数字";
    if (digits.starts_with('0')) {
        // 区号 3-4 digits + 7-8 digits = 10-12; an extension may follow a second '-'.
        const bool extension = dashes >= 2;
        if (digits.size() >= 10 && (digits.size() <= 12 || (extension && digits.size() <= 17)))
            return {};
        return "固定电话应带区号，如023-12345678";
    }
    return "手机号码应为以1开头的11位数字，固定电话应带区号（如023-12345678）";
}

template <typename Fn>
void forEachItem(std::string_view list, Fn fn)
{
    while (!list.empty()) {
        const auto comma = list.find(',');
        fn(list.substr(0, comma));
        list = comma == std::string_view::npos ? std::string_view{} : list.substr(comma + 1);
    }
}

std::string label(const FieldDef& field)
{
    return "「" + std::string(field.zh) + "」";
}

std::size_t countItems(std::string_view list)
{
    std::size_t n = 0;
    forEachItem(list, [&](std::string_view item) { n += !item.empty(); });
    return n;
}

// 纳入65岁以上老年人健康管理 is the 卫生健康 service for those 65 and over: the flag on a
// younger elder is a mistake that would inflate the health-management figure.
std::string healthManagementProblem(const Record& elder)
{
    if (elder.value(schema::elder::health_mgmt_65) != "1")
        return {};
    const IdNumberCheck id = checkIdNumber(elder.value(schema::elder::id_number));
    const auto birth = id.ok() ? parseDate(id.info->birthDate) : std::nullopt;
    if (!birth)
        return {};
    const int age = yearsBetween(*birth, today());
    if (age >= kHealthManagementAge)
        return {};
    return "「纳入65岁以上老年人健康管理」只适用于65周岁及以上的老年人，该老人现年" + std::to_string(age) + "岁";
}

// 一帮一 is one helper for one elder, 多帮一 several helpers for one elder, 一帮多 one helper
// for several elders.
std::string pairingModeProblem(const Record& pairing)
{
    const std::string& mode = pairing.value(schema::pairing::mode);
    const std::size_t helpers = countItems(pairing.value(schema::pairing::helpers));
    const std::size_t helped = countItems(pairing.value(schema::pairing::helped));
    if (helpers == 0 || helped == 0)
        return {}; // the required-field message says it
    const bool fits = mode == "one_one"    ? helpers == 1 && helped == 1
                      : mode == "many_one" ? helpers >= 2 && helped == 1
                      : mode == "one_many" ? helpers == 1 && helped >= 2
                                           : true;
    if (fits)
        return {};
    const std::string need = mode == "one_one"    ? "帮扶人和帮扶对象应各1人"
                             : mode == "many_one" ? "应有2名以上帮扶人、1名帮扶对象"
                                                  : "应有1名帮扶人、2名以上帮扶对象";
    const EnumDef* modes = findEnum("pairing_mode");
    return "帮扶形式为“" + std::string(modes ? modes->label(mode) : mode) + "”时" + need + "（现有帮扶人"
        + std::to_string(helpers) + "人、帮扶对象" + std::to_string(helped) + "人），请更正帮扶形式或人员";
}

} // namespace

std::string validateValue(const FieldDef& field, std::string_view value)
{
    if (value.empty())
        return field.required ? label(field) + "为必填项" : std::string{};
    if (value.size() > kMaxTextBytes)
        return label(field) + "内容过长（最多" + std::to_string(kMaxTextBytes / 3) + "个汉字）";
    if (!isCleanText(value))
        return label(field) + "含有无法识别的字符";

    switch (field.type) {
    case FieldType::Text:
    case FieldType::LongText:
        if (field.type == FieldType::Text && value.find('\n') != std::string_view::npos)
            return label(field) + "不能换行";
        return {};
    case FieldType::Integer:
        return isInteger(value) ? std::string{} : label(field) + "应为整数";
    case FieldType::Date:
        return parseDate(value) ? std::string{} : label(field) + "不是有效日期（格式：2024-01-31）";
    case FieldType::DateTime:
        return parseDateTime(value) ? std::string{} : label(field) + "不是有效时间（格式：2024-01-31T08:30:00）";
    case FieldType::Bool:
        return value == "0" || value == "1" ? std::string{} : label(field) + "应为“是”或“否”";
    case FieldType::Enum: {
        const EnumDef* def = findEnum(field.ref);
        return def && def->find(value) ? std::string{} : label(field) + "的取值“" + std::string(value) + "”不在可选范围内";
    }
    case FieldType::EnumSet: {
        const EnumDef* def = findEnum(field.ref);
        std::string error;
        forEachItem(value, [&](std::string_view code) {
            if (error.empty() && !(def && def->find(code)))
                error = label(field) + "的取值“" + std::string(code) + "”不在可选范围内";
        });
        return error;
    }
    case FieldType::Ref:
    case FieldType::RefList: {
        std::string error;
        forEachItem(value, [&](std::string_view id) {
            if (error.empty() && (id.empty() || !isValidDeviceId(id)))
                error = label(field) + "引用的记录编号无效";
        });
        return error;
    }
    case FieldType::Phone: {
        const std::string problem = phoneProblem(value);
        return problem.empty() ? std::string{} : label(field) + "不是有效的电话号码：" + problem;
    }
    case FieldType::IdNumber: {
        const IdNumberCheck check = checkIdNumber(value);
        return check.ok() ? std::string{} : check.error;
    }
    }
    return {};
}

std::string validateOperatorName(std::string_view name)
{
    if (name.size() > kMaxOperatorNameBytes)
        return "操作人姓名过长（最多" + std::to_string(kMaxOperatorNameBytes / 3) + "个汉字）";
    if (!isCleanText(name) || name.find_first_of("\t\r\n") != std::string_view::npos)
        return "操作人姓名含有控制字符或无法识别的字符";
    for (std::size_t i = 0; i + 1 < name.size(); ++i) {
        // C1 controls (U+0080..U+009F, UTF-8 C2 80..C2 9F) include the 8-bit escape CSI.
        if (static_cast<unsigned char>(name[i]) == 0xC2 && static_cast<unsigned char>(name[i + 1]) < 0xA0)
            return "操作人姓名含有控制字符或无法识别的字符";
    }
    return {};
}

std::vector<FieldError> validateRecord(const EntityDef& entity, const Record& record)
{
    std::vector<FieldError> errors;
    for (const auto& field : entity.fields) {
        std::string message = validateValue(field, record.value(field.name));
        if (!message.empty())
            errors.push_back({std::string(field.name), std::move(message)});
    }
    // A township's emergency phone is shown to that township's villages: the code must name
    // a township of the county that publishes it.
    if (entity.name == schema::township_contact::entity) {
        const std::string& code = record.value(schema::township_contact::township_code);
        const Division* township = levelOfCode(code) == DivisionLevel::Township ? findDivision(code) : nullptr;
        if (!code.empty() && (!township || (!record.villageCode.empty() && !code.starts_with(record.villageCode))))
            errors.push_back({"township_code", "乡镇代码应为本区县某个乡镇（街道）的9位区划代码，如 500154001"});
    }
    if (entity.name == schema::elder::entity) {
        if (std::string problem = healthManagementProblem(record); !problem.empty())
            errors.push_back({"health_mgmt_65", std::move(problem)});
    }
    if (entity.name == schema::pairing::entity) {
        if (std::string problem = pairingModeProblem(record); !problem.empty())
            errors.push_back({"mode", std::move(problem)});
    }
    return errors;
}

} // namespace shouwang
