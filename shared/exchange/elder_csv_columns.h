#pragma once

#include "domain/schema.h"

#include <optional>
#include <span>
#include <string>
#include <string_view>

namespace shouwang {

// One column of the elder ledger file. The columns follow the schema (domain/schema.cpp):
// the household's fields, then every elder field, headed by their Chinese names, so a new
// field becomes a new column without an edit here.
struct ElderCsvColumn {
    enum class Kind {
        VillageCode, // 村（社区）代码: the record's scope key
        VillageName, // 村（社区）名称: written on export for people, ignored on import
        Household,   // a field of the elder's household
        Elder,       // a field of the elder
    };
    Kind kind;
    std::string header;
    const FieldDef* field = nullptr; // for Household and Elder columns
};

std::span<const ElderCsvColumn> elderCsvColumns();

// Headers a file must have, because the rows cannot be placed or matched without them.
bool isRequiredElderCsvHeader(std::string_view header);

// A stored value as people read it in the file: enum codes as their Chinese labels,
// several values joined by "、", booleans as 是/否, everything else unchanged.
std::string csvCellFromValue(const FieldDef& field, std::string_view value);

// A cell as the ledger stores it. Accepts what csvCellFromValue writes and what people
// type (import_values.h): labels, codes or synonyms, "、" or commas or semicolons between
// values, yes/no in its many spellings, dates as Excel writes them, ID and phone numbers
// with spaces, full-width digits or +86. nullopt with `error` set (Chinese) when the cell
// cannot be understood; `warning`, when given, tells of a change made (15 → 18 digits).
// Final checks are the ledger's own validation.
std::optional<std::string> valueFromCsvCell(const FieldDef& field, std::string_view cell, std::string& error,
                                            std::string* warning = nullptr);

} // namespace shouwang
