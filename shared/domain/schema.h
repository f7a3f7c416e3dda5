#pragma once

#include "divisions.h"

#include <span>
#include <string_view>

namespace shouwang {

// Every value is carried as text (in records, change capture and on the wire); the type
// says how to validate it, how to store it and which editor a form shows.
// GCC 12's -Wshadow takes the enumerator Date for a redeclaration of shouwang::Date
// (domain/date.h), though a scoped enumerator lives in the enum's own scope.
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wshadow"
#endif
enum class FieldType {
    Text,      // free text
    LongText,  // free text, several lines
    Integer,
    Date,      // YYYY-MM-DD
    DateTime,  // YYYY-MM-DDTHH:MM:SS (local time of the writer)
    Bool,      // "1" or "0"
    Enum,      // one code of FieldDef::ref (an enumeration name)
    EnumSet,   // comma-separated codes of FieldDef::ref
    Ref,       // id of a record of entity FieldDef::ref
    RefList,   // comma-separated ids of records of entity FieldDef::ref
    Phone,
    IdNumber,  // 居民身份证号码, GB 11643-1999
};
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic pop
#endif

struct FieldDef {
    std::string_view name;
    std::string_view zh;
    std::string_view en;
    FieldType type = FieldType::Text;
    std::string_view ref = {};   // enumeration (Enum, EnumSet) or entity (Ref, RefList)
    bool required = false;
    int since = 1;               // schema version that added the field
};

// Who may write an entity: records of village scope are kept by the village; county
// reference data is published by the county and read-only below it.
enum class EntityScope { Village, County };

struct EntityDef {
    std::string_view name;   // stable name used on the wire, e.g. "elder"
    std::string_view table;  // SQLite table
    std::string_view zh;
    std::string_view en;
    EntityScope scope = EntityScope::Village;
    std::span<const FieldDef> fields;
    int since = 1;

    const FieldDef* field(std::string_view fieldName) const;
};

// The level of the code a record of `entity` is filed under (Record::villageCode): the
// county's own code for county reference data, a village's for everything else.
inline DivisionLevel filingLevel(const EntityDef& entity)
{
    return entity.scope == EntityScope::County ? DivisionLevel::County : DivisionLevel::Village;
}

// The current schema version: raise it, and tag new fields and entities with it, whenever
// the description below changes (or how the store keeps it: version 5 added the record
// lists' created_at index, version 6 made the change log lean, version 7 keeps a change's
// bytes without the head its log columns hold, version 8 keeps them in the log's own form,
// store/log_form.h, version 9 keeps every id as its 16-byte key, store/record_key.h).
// Migrations (store/migrations.cpp) follow from it.
inline constexpr int kSchemaVersion = 9;

std::span<const EntityDef> entities();
const EntityDef* findEntity(std::string_view name);

// Names every record carries besides its fields; a field may not take one of them.
inline constexpr std::string_view kDeletedField = "deleted";

} // namespace shouwang
