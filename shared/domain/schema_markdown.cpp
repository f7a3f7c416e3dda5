#include "schema_markdown.h"

#include "enums.h"
#include "schema.h"
#include "volunteer_hours.h"

#include <set>

namespace shouwang {
namespace {

std::string typeName(const FieldDef& field)
{
    switch (field.type) {
    case FieldType::Text:
        return "文本";
    case FieldType::LongText:
        return "多行文本";
    case FieldType::Integer:
        return "整数";
    case FieldType::Date:
        return "日期";
    case FieldType::DateTime:
        return "日期时间";
    case FieldType::Bool:
        return "是/否";
    case FieldType::Enum:
        return "单选 `" + std::string(field.ref) + "`";
    case FieldType::EnumSet:
        return "多选 `" + std::string(field.ref) + "`";
    case FieldType::Ref:
        return "引用 → " + std::string(field.ref);
    case FieldType::RefList:
        return "引用列表 → " + std::string(field.ref);
    case FieldType::Phone:
        return "电话";
    case FieldType::IdNumber:
        return "身份证号（GB 11643）";
    }
    return {};
}

void appendEnums(std::string& out)
{
    out += "## 代码表 / Enumerations\n\n"
           "Codes are stored and sent; labels are shown. A code is never renamed, only added.\n\n";
    std::set<std::string_view> seen;
    for (const auto& entity : entities()) {
        for (const auto& field : entity.fields) {
            if ((field.type != FieldType::Enum && field.type != FieldType::EnumSet) || !seen.insert(field.ref).second)
                continue;
            const EnumDef* def = findEnum(field.ref);
            if (!def)
                continue;
            out += "- `" + std::string(def->name) + "`: ";
            bool first = true;
            for (const auto& option : def->options) {
                out += (first ? "" : "，") + std::string(option.zh) + " `" + std::string(option.code) + "`";
                first = false;
            }
            out += "\n";
        }
    }
}

} // namespace

std::string schemaMarkdown()
{
    std::string out = "# 数据模型 / Data model\n\n"
                      "Generated from `shared/domain/schema.cpp` (schema version "
        + std::to_string(kSchemaVersion)
        + "); regenerate with `build/<preset>/tools/shouwang-schema-doc > docs/data-model.md`.\n\n"
          "Every record also has `id` (UUID made on the device), `village_code` (12-digit village "
          "code, or the 6-digit county code for county reference data: the scope key), `created_at`, "
          "`updated_at`, `deleted` (tombstone; nothing is hard-deleted) and, per field, the HLC of "
          "its last write. Values are text in records, the change log and on the wire, except that "
          "inside a database file a UUID (an id, a reference) is kept as its 16 bytes "
          "(`shared/store/record_key.h`) and `created_at` and `updated_at` as seconds since the epoch "
          "(`shared/store/record_table.h`).\n\n"
          "Derived, never typed (computed by `shared/domain/derived.h`, stored locally in `x_*` "
          "columns of `elders`, never synced): birth date, sex and age from the ID number; 高龄 "
          "(80+); 失能; 独居; 生活困难; 重点帮扶对象; eligibility hint (60+ and every supporter away "
          "≥ 6 months); risk level from the latest assessment; last visit; visit and assessment due "
          "dates from the county's schedule (docs/risk-standard.md).\n\n";
    for (const auto& entity : entities()) {
        out += "## " + std::string(entity.zh) + " / " + std::string(entity.en) + " (`" + std::string(entity.name)
            + "`, table `" + std::string(entity.table) + "`)\n\n";
        out += entity.scope == EntityScope::County ? "Published by the county; read-only in villages.\n\n"
                                                   : "Kept by the village.\n\n";
        if (isVolunteerHoursEntity(entity.name))
            out += "Append-only (`shared/domain/volunteer_hours.h`): once saved only 作废, 核准超额 and the note "
                   "change, by the device and by the county's merge alike; a volunteer's balance and each entry's "
                   "state (有效, 已作废, 超额待核, 已核准超额) are derived in the order of the entries' creation clocks, "
                   "the same on every replica (docs/supervision.md §6.2).\n\n";
        out += "| 字段 | field | 类型 / type | 必填 | since |\n|---|---|---|---|---|\n";
        for (const auto& field : entity.fields) {
            out += "| " + std::string(field.zh) + " | `" + std::string(field.name) + "` | " + typeName(field) + " | "
                + (field.required ? "是" : "") + " | " + std::to_string(field.since) + " |\n";
        }
        out += "\n";
    }
    appendEnums(out);
    return out;
}

} // namespace shouwang
