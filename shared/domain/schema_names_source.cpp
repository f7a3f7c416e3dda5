#include "schema_names_source.h"

#include "schema.h"

#include <array>
#include <sstream>

namespace shouwang {
namespace {

// A field may be named like a C++ keyword; its constant then takes a trailing underscore.
std::string identifier(std::string_view name)
{
    static constexpr std::array<std::string_view, 12> kKeywords{
        "class", "default", "delete", "do", "for", "if", "new", "private", "public", "register", "switch", "template"};
    std::string out(name);
    for (std::string_view keyword : kKeywords) {
        if (name == keyword)
            out += '_';
    }
    return out;
}

} // namespace

std::string schemaNamesHeader()
{
    std::ostringstream out;
    out << "// The schema's entity and field names as constants (domain/field_name.h says why).\n"
           "// Made from schema.cpp; after changing the schema, regenerate it:\n"
           "//   build/<preset>/tools/shouwang-schema-names > shared/domain/schema_names.h\n"
           "// (tests/domain/schema_doc_test.cpp fails until it is).\n"
           "#pragma once\n\n"
           "#include \"field_name.h\"\n\n"
           "namespace shouwang::schema {\n";
    for (const EntityDef& entity : entities()) {
        out << "\nnamespace " << identifier(entity.name) << " {\n"
            << "inline constexpr std::string_view entity = \"" << entity.name << "\";\n";
        for (const FieldDef& field : entity.fields)
            out << "inline constexpr FieldName " << identifier(field.name) << "{entity, \"" << field.name << "\"};\n";
        out << "} // namespace " << identifier(entity.name) << '\n';
    }
    out << "\n} // namespace shouwang::schema\n";
    return out.str();
}

} // namespace shouwang
