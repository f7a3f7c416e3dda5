#include "elder_csv_columns.h"

#include "csv.h"

#include "domain/date.h"
#include "domain/enums.h"

#include <cstdio>
#include <vector>

namespace shouwang {
namespace {

std::vector<ElderCsvColumn> buildColumns()
{
    using Kind = ElderCsvColumn::Kind;
    std::vector<ElderCsvColumn> columns;
    columns.push_back({Kind::VillageCode, "村（社区）代码", nullptr});
    columns.push_back({Kind::VillageName, "村（社区）名称", nullptr});
    for (const FieldDef& field : findEntity("household")->fields) {
        // "备注" alone would read as a note about the elder.
        const std::string header = field.name == "notes" ? "家庭备注" : std::string(field.zh);
        columns.push_back({Kind::Household, header, &field});
    }
    for (const FieldDef& field : findEntity("elder")->fields) {
        // A reference is a record id, nothing a spreadsheet holds: the household is given by
        // its head and address, the facility used is chosen in the elder's form.
        if (field.type != FieldType::Ref)
            columns.push_back({Kind::Elder, std::string(field.zh), &field});
    }
    return columns;
}

std::string_view trim(std::string_view text)
{
    // Spaces, tabs (Excel users and our own ID column use a leading tab) and the
    // ideographic space U+3000 that Chinese input methods produce.
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

// Labels compared without spaces and with full-width punctuation folded, so that
// "不健康,能自理" finds "不健康，能自理".
std::string folded(std::string_view text)
{
    std::string out;
    for (std::size_t i = 0; i < text.size();) {
        if (text.substr(i).starts_with("，")) {
            out += ',';
            i += 3;
        } else if (text.substr(i).starts_with("（")) {
            out += '(';
            i += 3;
        } else if (text.substr(i).starts_with("）")) {
            out += ')';
            i += 3;
        } else if (text[i] == ' ') {
            ++i;
        } else {
            out += text[i++];
        }
    }
    return out;
}

const EnumOption* findOption(const EnumDef& def, std::string_view cell)
{
    if (const EnumOption* byCode = def.find(cell))
        return byCode;
    const std::string wanted = folded(cell);
    for (const EnumOption& option : def.options) {
        // "与配偶" for "与配偶同住": the design's own short names for the living arrangements.
        const std::string label = folded(option.zh);
        if (label == wanted || (label.ends_with("同住") && label.substr(0, label.size() - 6) == wanted))
            return &option;
    }
    return nullptr;
}

std::vector<std::string_view> splitList(std::string_view cell)
{
    std::vector<std::string_view> items;
    static constexpr std::string_view kSeparators[] = {"、", "，", "；", ",", ";", "/"};
    while (!cell.empty()) {
        std::size_t at = std::string_view::npos, width = 0;
        for (std::string_view sep : kSeparators) {
            const auto found = cell.find(sep);
            if (found < at) {
                at = found;
                width = sep.size();
            }
        }
        if (auto item = trim(cell.substr(0, at)); !item.empty())
            items.push_back(item);
        if (at == std::string_view::npos)
            break;
        cell.remove_prefix(at + width);
    }
    return items;
}

// 2024-01-31, 2024/1/31, 2024.1.31 or 2024年1月31日 → 2024-01-31; "" when not a date.
std::string normalizedDate(std::string_view cell)
{
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
    char buf[16];
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", numbers[0], numbers[1], numbers[2]);
    return parseDate(buf) ? std::string(buf) : std::string{};
}

std::string quoted(const FieldDef& field, std::string_view cell)
{
    return "「" + std::string(field.zh) + "」的取值“" + std::string(cell) + "”";
}

} // namespace

std::span<const ElderCsvColumn> elderCsvColumns()
{
    static const std::vector<ElderCsvColumn> columns = buildColumns();
    return columns;
}

bool isRequiredElderCsvHeader(std::string_view header)
{
    static constexpr std::string_view kRequired[] = {"村（社区）代码", "户主姓名", "家庭住址", "姓名", "身份证号", "居住情况"};
    for (std::string_view required : kRequired) {
        if (header == required)
            return true;
    }
    return false;
}

std::string csvCellFromValue(const FieldDef& field, std::string_view value)
{
    switch (field.type) {
    case FieldType::Bool:
        return value.empty() ? std::string{} : value == "1" ? "是" : "否";
    case FieldType::Enum: {
        const EnumDef* def = findEnum(field.ref);
        return def ? std::string(def->label(value)) : std::string(value);
    }
    case FieldType::EnumSet: {
        const EnumDef* def = findEnum(field.ref);
        std::string out;
        for (std::string_view code : splitList(value))
            out += (out.empty() ? "" : "、") + std::string(def ? def->label(code) : code);
        return out;
    }
    default:
        return std::string(value);
    }
}

std::optional<std::string> valueFromCsvCell(const FieldDef& field, std::string_view rawCell, std::string& error)
{
    // The export guards formula-like text with a ' (csv::neutralise): take it off again.
    const std::string_view cell = trim(csv::unneutralise(trim(rawCell)));
    if (cell.empty())
        return std::string{};
    switch (field.type) {
    case FieldType::Bool:
        if (cell == "是" || cell == "1" || cell == "Y" || cell == "y")
            return std::string("1");
        if (cell == "否" || cell == "0" || cell == "N" || cell == "n")
            return std::string("0");
        error = quoted(field, cell) + "应为“是”或“否”";
        return std::nullopt;
    case FieldType::Enum: {
        const EnumDef* def = findEnum(field.ref);
        if (const EnumOption* option = def ? findOption(*def, cell) : nullptr)
            return std::string(option->code);
        error = quoted(field, cell) + "不在可选范围内";
        return std::nullopt;
    }
    case FieldType::EnumSet: {
        const EnumDef* def = findEnum(field.ref);
        std::string codes;
        for (std::string_view item : splitList(cell)) {
            const EnumOption* option = def ? findOption(*def, item) : nullptr;
            if (!option) {
                error = quoted(field, item) + "不在可选范围内";
                return std::nullopt;
            }
            if (("," + codes + ",").find("," + std::string(option->code) + ",") == std::string::npos)
                codes += (codes.empty() ? "" : ",") + std::string(option->code);
        }
        return codes;
    }
    case FieldType::Date: {
        std::string date = normalizedDate(cell);
        if (date.empty()) {
            error = quoted(field, cell) + "不是有效日期（格式：2024-01-31）";
            return std::nullopt;
        }
        return date;
    }
    default:
        return std::string(cell);
    }
}

} // namespace shouwang
