#include "record.h"

#include <stdexcept>
#include <vector>

namespace shouwang {

const std::string& Record::value(std::string_view field) const
{
    static const std::string kEmpty;
    auto it = values.find(field);
    return it == values.end() ? kEmpty : it->second;
}

std::string_view Record::checked(FieldName field) const
{
#ifdef SHOUWANG_CHECK_FIELD_ENTITY
    if (!entity.empty() && entity != field.entity)
        throw std::logic_error("field " + std::string(field.entity) + "." + std::string(field.name) + " used on a record of " + entity);
#endif
    return field.name;
}

std::string encodeClocks(const std::map<std::string, Hlc, std::less<>>& clocks)
{
    std::map<std::string, std::vector<std::string_view>> byHlc;
    for (const auto& [field, hlc] : clocks)
        byHlc[hlc.toString()].push_back(field);
    std::string out;
    for (const auto& [hlc, fields] : byHlc) {
        if (!out.empty())
            out += ';';
        out += hlc;
        out += '=';
        for (std::size_t i = 0; i < fields.size(); ++i) {
            if (i)
                out += ',';
            out += fields[i];
        }
    }
    return out;
}

std::map<std::string, Hlc, std::less<>> decodeClocks(std::string_view text)
{
    std::map<std::string, Hlc, std::less<>> clocks;
    while (!text.empty()) {
        const auto groupEnd = text.find(';');
        std::string_view group = text.substr(0, groupEnd);
        text = groupEnd == std::string_view::npos ? std::string_view{} : text.substr(groupEnd + 1);
        const auto eq = group.find('=');
        if (eq == std::string_view::npos)
            continue;
        auto hlc = Hlc::parse(group.substr(0, eq));
        if (!hlc)
            continue;
        std::string_view fields = group.substr(eq + 1);
        while (!fields.empty()) {
            const auto comma = fields.find(',');
            clocks.insert_or_assign(std::string(fields.substr(0, comma)), *hlc);
            fields = comma == std::string_view::npos ? std::string_view{} : fields.substr(comma + 1);
        }
    }
    return clocks;
}

} // namespace shouwang
