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

std::string encodeClocks(const Record& record)
{
    // The clock most filled-in fields share; ties go to the smaller, so the form is one.
    std::map<std::string, std::size_t> shared;
    for (const auto& [field, value] : record.values) {
        if (value.empty())
            continue;
        const auto clock = record.clocks.find(field);
        if (clock == record.clocks.end())
            return encodeClocks(record.clocks); // a filled-in field without a clock
        ++shared[clock->second.toString()];
    }
    if (shared.empty())
        return encodeClocks(record.clocks);
    auto most = shared.begin();
    for (auto it = shared.begin(); it != shared.end(); ++it) {
        if (it->second > most->second)
            most = it;
    }
    std::map<std::string, Hlc, std::less<>> named;
    for (const auto& [field, clock] : record.clocks) {
        if (record.value(field).empty() || clock.toString() != most->first)
            named.emplace(field, clock);
    }
    const std::string rest = encodeClocks(named);
    return rest.empty() ? most->first : most->first + ";" + rest;
}

void decodeClocks(std::string_view text, Record& record)
{
    record.clocks = decodeClocks(text); // the named groups
    const std::string_view first = text.substr(0, text.find(';'));
    if (first.find('=') != std::string_view::npos)
        return; // the plain form
    const auto shared = Hlc::parse(first);
    if (!shared)
        return;
    for (const auto& [field, value] : record.values) {
        if (!value.empty())
            record.clocks.emplace(field, *shared); // not where a group named it
    }
}

} // namespace shouwang
