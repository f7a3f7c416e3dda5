#pragma once

#include "csv.h"

#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace shouwang::import {

// Header words people type for a ledger column (besides the column's own header), brought
// to the column's header in our template (elder_csv_columns.h) or to one of the columns a ledger has that we derive or
// ignore (kSerial, kSex, kAge, kBirthDate, kRelationToHead). Compared with full-width
// characters made half-width and every space dropped: "姓  名" is 姓名, "身份证号码" and
// "公民身份号码" are 身份证号. The table is in docs/csv-template.md ("表头的别名").
struct HeaderAlias {
    std::string_view header;
    std::vector<std::string_view> aliases;
};
std::span<const HeaderAlias> headerAliases();

inline constexpr std::string_view kSerial = "序号";
inline constexpr std::string_view kSex = "性别";
inline constexpr std::string_view kAge = "年龄";
inline constexpr std::string_view kBirthDate = "出生日期";
inline constexpr std::string_view kRelationToHead = "与户主关系";

// A supporter's (子女/赡养人) columns on the elder's row: the header names one field of the
// supporter entity. The export writes these columns and the import reads them. One
// supporter per row: an elder with several has a further row per supporter, with the
// same 身份证号 (elder_csv.h). A supporter of the same name as one the elder has is
// updated, not added twice.
struct SupporterColumn {
    std::string_view header;     // "赡养人姓名"
    std::string_view field;      // "name"
    std::vector<std::string_view> aliases;
};
std::span<const SupporterColumn> supporterColumns();
const SupporterColumn* supporterColumn(std::string_view canonicalHeader);

// The header a typed header word stands for; "" when unknown.
std::string canonicalHeader(std::string_view typed);

// The row of the table's header among the first rows of a sheet (after title rows, merged
// title cells, blank rows and a unit/date line): the first with both 姓名 and 身份证号.
// rows.size() when there is none.
std::size_t findHeaderRow(const std::vector<csv::Row>& rows);

// A totals or signature row at the bottom of a ledger (合计, 小计, 填表人, 审核人 … in its
// first filled cell): the reason to skip it, or "".
std::string footerReason(const csv::Row& row);

} // namespace shouwang::import
