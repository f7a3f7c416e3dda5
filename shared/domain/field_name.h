#pragma once

#include <string>
#include <string_view>

namespace shouwang {

// A field of one entity. Code names fields by the constants of schema_names.h, never by
// string literals: a misspelt field then fails to compile, and renaming a field in the
// schema (and regenerating that header) breaks the build wherever the old name is used.
// It converts to the bare name wherever a name is expected, a map's key included.
struct FieldName {
    std::string_view entity;
    std::string_view name;

    constexpr operator std::string_view() const { return name; }
    operator std::string() const { return std::string(name); }

    // Compared with a name held as text (a form's field, a column, an error's field).
    friend constexpr bool operator==(const FieldName& field, std::string_view text) { return field.name == text; }
    friend constexpr bool operator==(const FieldName&, const FieldName&) = default;
};

} // namespace shouwang
