#include "elder_csv_columns.h"

#include "csv.h"
#include "import_values.h"

#include "domain/enums.h"
#include "domain/schema_names.h"

#include <vector>

namespace shouwang {
namespace {

std::vector<ElderCsvColumn> buildColumns()
{
    using Kind = ElderCsvColumn::Kind;
    std::vector<ElderCsvColumn> columns;
    columns.push_back({Kind::VillageCode, "村（社区）代码", nullptr});
    columns.push_back({Kind::VillageName, "村（社区）名称", nullptr});
    for (const FieldDef& field : findEntity(schema::household::entity)->fields) {
        // "备注" alone would read as a note about the elder.
        const std::string header = field.name == "notes" ? "家庭备注" : std::string(field.zh);
        columns.push_back({Kind::Household, header, &field});
    }
    for (const FieldDef& field : findEntity(schema::elder::entity)->fields) {
        // A reference is a record id, nothing a spreadsheet holds: the household is given by
        // its head and address, the facility used is chosen in the elder's form.
        if (field.type != FieldType::Ref)
            columns.push_back({Kind::Elder, std::string(field.zh), &field});
    }
    return columns;
}

using import::trim;

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

std::optional<std::string> valueFromCsvCell(const FieldDef& field, std::string_view rawCell, std::string& error,
                                            std::string* warning)
{
    // The export guards formula-like text with a ' (csv::neutralise): take it off again.
    const std::string_view cell = trim(csv::unneutralise(trim(rawCell)));
    if (cell.empty())
        return std::string{};
    switch (field.type) {
    case FieldType::Bool:
        if (auto value = import::yesNo(cell))
            return value;
        error = quoted(field, cell) + "应为“是”或“否”";
        return std::nullopt;
    case FieldType::Enum: {
        const EnumDef* def = findEnum(field.ref);
        if (const EnumOption* option = def ? import::option(*def, cell) : nullptr)
            return std::string(option->code);
        error = quoted(field, cell) + "不在可选范围内";
        return std::nullopt;
    }
    case FieldType::EnumSet: {
        const EnumDef* def = findEnum(field.ref);
        std::string codes;
        for (std::string_view item : splitList(cell)) {
            const EnumOption* option = def ? import::option(*def, item) : nullptr;
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
        std::string date = import::date(cell);
        if (date.empty()) {
            error = quoted(field, cell) + "不是有效日期（格式：2024-01-31）";
            return std::nullopt;
        }
        return date;
    }
    case FieldType::IdNumber: {
        std::string note;
        auto id = import::idNumber(cell, error, note);
        if (warning && !note.empty())
            *warning = note;
        return id;
    }
    case FieldType::Phone:
        return import::phone(cell);
    default:
        return std::string(cell);
    }
}

} // namespace shouwang
