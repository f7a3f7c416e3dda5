#include "divisions.h"

#include "text.h"

#include <algorithm>

namespace shouwang {
namespace {

// Short literals in an array rather than one big string: MSVC caps a single literal at
// 64 KB, and this keeps lookups free of any parsing at startup.
constexpr Division kDivisions[] = {
#include "divisions_data.inc"
};

constexpr std::size_t kCountyDigits = codeDigits(DivisionLevel::County);
constexpr std::size_t kTownshipDigits = codeDigits(DivisionLevel::Township);
constexpr std::size_t kVillageDigits = codeDigits(DivisionLevel::Village);

constexpr std::string_view kVillageCommittee = "村民委员会";
constexpr std::string_view kResidentsCommittee = "居民委员会";
constexpr std::string_view kVillage = "村";

bool codeLess(const Division& division, std::string_view code)
{
    return division.code < code;
}

// All divisions whose code starts with `prefix`: contiguous, because codes sort as text.
std::span<const Division> descendantsOf(std::string_view prefix)
{
    const auto all = allDivisions();
    const auto first = std::lower_bound(all.begin(), all.end(), prefix, codeLess);
    auto last = first;
    while (last != all.end() && last->code.starts_with(prefix))
        ++last;
    return {first, last};
}

} // namespace

std::optional<DivisionLevel> levelOfCode(std::string_view code)
{
    for (DivisionLevel level : {DivisionLevel::County, DivisionLevel::Township, DivisionLevel::Village}) {
        if (code.size() == codeDigits(level))
            return level;
    }
    return std::nullopt;
}

bool isCodeOf(DivisionLevel level, std::string_view code)
{
    return code.size() == codeDigits(level) && isDigits(code);
}

std::string_view enclosingCode(std::string_view code, DivisionLevel level)
{
    return code.substr(0, codeDigits(level));
}

DivisionLevel Division::level() const
{
    if (code.size() <= kCountyDigits)
        return DivisionLevel::County;
    return code.size() <= kTownshipDigits ? DivisionLevel::Township : DivisionLevel::Village;
}

std::string_view Division::parentCode() const
{
    switch (level()) {
    case DivisionLevel::County:
        return {};
    case DivisionLevel::Township:
        return code.substr(0, kCountyDigits);
    case DivisionLevel::Village:
        return code.substr(0, kTownshipDigits);
    }
    return {};
}

bool Division::isVillageCommittee() const
{
    return name.ends_with(kVillageCommittee);
}

std::span<const Division> allDivisions()
{
    return kDivisions;
}

const Division* findDivision(std::string_view code)
{
    const auto all = allDivisions();
    const auto it = std::lower_bound(all.begin(), all.end(), code, codeLess);
    return it != all.end() && it->code == code ? &*it : nullptr;
}

std::vector<const Division*> childDivisions(std::string_view parentCode)
{
    std::size_t childDigits = 0;
    if (parentCode.empty())
        childDigits = kCountyDigits;
    else if (parentCode.size() == kCountyDigits || parentCode.size() == kTownshipDigits)
        childDigits = parentCode.size() + 3;
    else
        return {};
    std::vector<const Division*> children;
    for (const Division& division : descendantsOf(parentCode)) {
        if (division.code.size() == childDigits)
            children.push_back(&division);
    }
    return children;
}

std::vector<const Division*> counties()
{
    return childDivisions({});
}

std::string divisionPath(std::string_view code)
{
    if (!findDivision(code))
        return std::string(code);
    std::string path;
    for (std::size_t digits : {kCountyDigits, kTownshipDigits, kVillageDigits}) {
        if (digits > code.size())
            break;
        const Division* division = findDivision(code.substr(0, digits));
        if (!division) // a parent missing from the table: show the code rather than half a path
            return std::string(code);
        if (!path.empty())
            path += " / ";
        path += division->name;
    }
    return path;
}

std::string shortVillageName(std::string_view name)
{
    if (name.ends_with(kVillageCommittee)) {
        std::string shortName(name.substr(0, name.size() - kVillageCommittee.size()));
        if (!std::string_view(shortName).ends_with(kVillage))
            shortName += kVillage;
        return shortName;
    }
    if (name.ends_with(kResidentsCommittee))
        return std::string(name.substr(0, name.size() - kResidentsCommittee.size()));
    return std::string(name);
}

} // namespace shouwang
