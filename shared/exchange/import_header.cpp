#include "import_header.h"

#include "elder_csv_columns.h"
#include "import_values.h"

#include <algorithm>

namespace shouwang::import {
namespace {

std::string folded(std::string_view text)
{
    std::string out;
    for (char c : halfWidth(text)) {
        if (c != ' ' && c != '\t' && c != '\r' && c != '\n' && c != '*')
            out += c;
    }
    return out;
}

} // namespace

std::span<const HeaderAlias> headerAliases()
{
    static const std::vector<HeaderAlias> table = {
        {"村（社区）代码", {"村代码", "社区代码", "村(居)代码", "村级代码", "行政区划代码", "区划代码"}},
        {"村（社区）名称", {"村名", "村(社区)", "村(居)", "村(居)委会", "所在村", "所在村(社区)", "村社区", "村委会"}},
        {"户主姓名", {"户主", "户主名"}},
        {"家庭住址", {"住址", "地址", "家庭地址", "现住址", "居住地址", "现居住地址", "户籍地址", "家庭详细住址"}},
        {"建档立卡户", {"是否建档立卡户", "建档立卡", "是否建档立卡", "脱贫户", "是否脱贫户"}},
        {"低保户", {"是否低保户", "低保", "是否低保", "是否享受低保"}},
        {"特困供养", {"是否特困供养", "特困", "是否特困", "特困人员", "五保户", "是否五保户"}},
        {"家庭备注", {"备注"}},
        {"姓名", {"老人姓名", "老年人姓名", "留守老人姓名", "留守老年人姓名"}},
        {"身份证号", {"身份证号码", "公民身份号码", "身份证", "身份号码", "居民身份证号码", "身份证件号码", "证件号码"}},
        {"联系电话", {"联系方式", "电话", "手机", "手机号", "手机号码", "电话号码", "本人电话", "联系号码"}},
        {"民族", {}},
        {"婚姻状况", {"婚姻", "婚姻情况"}},
        {"居住情况", {"居住状况", "居住方式", "居住类型", "居住情形"}},
        {"留守起始日期", {"留守时间", "留守起始时间", "开始留守时间", "留守开始时间"}},
        {"收入来源", {"主要收入来源", "经济来源", "主要经济来源"}},
        {"健康状况", {"身体状况", "健康情况", "身体健康状况"}},
        {"能力等级", {"能力评估等级", "自理能力", "能力评估", "失能等级"}},
        {"失智", {"是否失智", "失智老人"}},
        {"慢性病", {"患慢性病情况", "慢性病情况", "所患慢性病", "疾病情况"}},
        {"严重精神障碍", {"是否严重精神障碍", "是否患严重精神障碍"}},
        {"残疾等级", {"残疾情况", "残疾"}},
        {"参保情况", {"参保", "保险情况"}},
        {"纳入65岁以上老年人健康管理", {"是否纳入健康管理", "纳入健康管理", "65岁以上健康管理"}},
        {"日常照料人", {"照料人", "照顾人", "日常照顾人", "主要照料人"}},
        {"存在困难", {"主要困难", "困难", "困难类型", "存在的主要困难", "存在的困难"}},
        {"困难说明", {"困难情况说明", "困难描述"}},
        {"状态", {"在册状态"}},
        {kSerial, {"编号", "No.", "No"}},
        {kSex, {}},
        {kAge, {"年龄(岁)", "周岁"}},
        {kBirthDate, {"出生年月", "出生年月日", "出生时间"}},
        {kRelationToHead, {"与户主的关系"}},
    };
    return table;
}

std::span<const SupporterColumn> supporterColumns()
{
    static const std::vector<SupporterColumn> table = {
        {"赡养人姓名", "name", {"赡养人", "子女姓名", "子女", "赡养人(子女)姓名", "扶养人姓名"}},
        {"赡养人关系", "relation", {"与老人关系", "子女关系", "赡养人与老人关系", "与老年人关系"}},
        {"赡养人电话", "phone", {"子女电话", "赡养人联系电话", "子女联系电话", "子女联系方式", "赡养人联系方式"}},
        {"赡养人外出地点",
         "away_location",
         {"务工地点", "外出地点", "工作地点", "子女务工地点", "外出务工地点", "子女工作地点"}},
        {"赡养人外出起始日期",
         "away_since",
         {"外出时间", "外出起始日期", "外出务工时间", "子女外出时间", "外出起始时间"}},
        {"赡养人联系频率", "contact_frequency", {"子女联系频率", "联系频率", "与老人联系频率"}},
        {"赡养人每月赡养费（元）", "monthly_support", {"每月赡养费", "赡养费", "每月赡养费(元)", "赡养费(元/月)"}},
        {"赡养人最近联系日期", "last_contact", {"最近联系日期", "最近联系时间", "子女最近联系时间"}},
        {"赡养人履行赡养义务情况", "duty_fulfilment", {"履行赡养义务情况", "赡养义务履行情况", "履行赡养义务"}},
    };
    return table;
}

const SupporterColumn* supporterColumn(std::string_view canonical)
{
    for (const SupporterColumn& column : supporterColumns()) {
        if (column.header == canonical)
            return &column;
    }
    return nullptr;
}

std::string canonicalHeader(std::string_view typed)
{
    const std::string wanted = folded(typed);
    if (wanted.empty())
        return {};
    for (const ElderCsvColumn& column : elderCsvColumns()) {
        if (folded(column.header) == wanted)
            return column.header;
    }
    for (const SupporterColumn& column : supporterColumns()) {
        if (folded(column.header) == wanted)
            return std::string(column.header);
        for (std::string_view word : column.aliases) {
            if (folded(word) == wanted)
                return std::string(column.header);
        }
    }
    for (const HeaderAlias& alias : headerAliases()) {
        if (folded(alias.header) == wanted)
            return std::string(alias.header);
        for (std::string_view word : alias.aliases) {
            if (folded(word) == wanted)
                return std::string(alias.header);
        }
    }
    return {};
}

std::size_t findHeaderRow(const std::vector<csv::Row>& rows)
{
    constexpr std::size_t kLookedAt = 20;
    for (std::size_t i = 0; i < rows.size() && i < kLookedAt; ++i) {
        bool name = false, id = false;
        for (const std::string& cell : rows[i].fields) {
            const std::string header = canonicalHeader(cell);
            name = name || header == "姓名";
            id = id || header == "身份证号";
        }
        if (name && id)
            return i;
    }
    return rows.size();
}

std::string footerReason(const csv::Row& row)
{
    static constexpr std::string_view kTotals[] = {"合计", "小计", "总计", "共计"};
    static constexpr std::string_view kSignatures[] = {"填表人", "填报人", "制表人", "审核人", "负责人", "经办人",
                                                       "填表日期", "填报日期", "制表日期", "审核日期", "注:", "备注:",
                                                       "说明:", "填表说明"};
    for (const std::string& cell : row.fields) {
        const std::string text = folded(cell);
        if (text.empty())
            continue;
        for (std::string_view word : kTotals) {
            if (text.starts_with(word))
                return "合计行（" + std::string(word) + "）";
        }
        for (std::string_view word : kSignatures) {
            if (text.starts_with(word))
                return "表尾的签名或说明行（" + std::string(word) + "）";
        }
        return {}; // only the first filled cell says what a row is: a note column may say anything
    }
    return {};
}

} // namespace shouwang::import
