#pragma once

#include "field_name.h"
#include "hlc.h"

#include <map>
#include <string>
#include <string_view>

namespace shouwang {

// One stored record of any entity. Values are text, typed by the entity's FieldDefs
// (domain/schema.h); an absent or empty value means "not filled in".
struct Record {
    std::string entity;
    std::string id;
    std::string villageCode; // the scope key: 12-digit village, or 6-digit county for reference data
    std::string createdAt;   // ISO date-time, local to the device that created it
    std::string updatedAt;
    bool deleted = false;
    std::map<std::string, std::string, std::less<>> values;
    std::map<std::string, Hlc, std::less<>> clocks; // per field: the HLC of its last write

    const std::string& value(std::string_view field) const;
    void set(std::string_view field, std::string value) { values.insert_or_assign(std::string(field), std::move(value)); }
    bool has(std::string_view field) const { return !value(field).empty(); }

    // The same, by a constant of schema_names.h. Test builds also check that the field
    // belongs to this record's entity, so a constant of the wrong entity is found.
    const std::string& value(FieldName field) const { return value(checked(field)); }
    void set(FieldName field, std::string value) { set(checked(field), std::move(value)); }
    bool has(FieldName field) const { return has(checked(field)); }

private:
    std::string_view checked(FieldName field) const;
};

// The per-field clocks in their stored form: "hlc=f1,f2;hlc=f3". Fields written by one
// save share one HLC, so grouping keeps the column small.
std::string encodeClocks(const std::map<std::string, Hlc, std::less<>>& clocks);
std::map<std::string, Hlc, std::less<>> decodeClocks(std::string_view text);

// The form a record's row keeps (schema version 6): the clock most of its filled-in fields
// share is written once, alone, and stands for every filled-in field that no group names
// ("hlc;hlc2=f3,f4"). A record written whole by one change, most of a county's, keeps one
// clock instead of a clock and every field's name (about half of a visit's row). Only
// when every filled-in field has a clock; else the plain form. Read back with the record's
// values, which its row holds beside it: decodeClocks gives exactly the clocks encoded.
std::string encodeClocks(const Record& record);
void decodeClocks(std::string_view text, Record& record);

} // namespace shouwang
