#include "scope.h"

#include "domain/workflow.h"

#include <algorithm>

namespace shouwang {
namespace {

Scope::Kind kindAt(DivisionLevel level)
{
    switch (level) {
    case DivisionLevel::County:
        return Scope::Kind::County;
    case DivisionLevel::Township:
        return Scope::Kind::Township;
    case DivisionLevel::Village:
        return Scope::Kind::Village;
    }
    return Scope::Kind::Village;
}

bool startsWith(std::string_view text, std::string_view prefix)
{
    return text.substr(0, prefix.size()) == prefix;
}

} // namespace

std::optional<Scope> Scope::parse(std::string_view text)
{
    const auto colon = text.find(':');
    if (colon == std::string_view::npos)
        return std::nullopt;
    const std::string_view kind = text.substr(0, colon), code = text.substr(colon + 1);
    std::optional<Scope> scope = forCode(code);
    if (!scope || scope->kindName() != kind)
        return std::nullopt;
    return scope;
}

std::optional<Scope> Scope::forCode(std::string_view code)
{
    if (code == kCityCode)
        return Scope{Kind::City, std::string(code)};
    const std::optional<DivisionLevel> level = levelOfCode(code);
    if (!level || !isCodeOf(*level, code))
        return std::nullopt;
    return Scope{kindAt(*level), std::string(code)};
}

std::string_view Scope::kindName() const
{
    switch (kind) {
    case Kind::Village:
        return "village";
    case Kind::Township:
        return "township";
    case Kind::County:
        return "county";
    case Kind::City:
        return "city";
    }
    return "village";
}

std::string Scope::toString() const
{
    return std::string(kindName()) + ":" + code;
}

bool Scope::contains(const Scope& other) const
{
    return startsWith(other.code, code);
}

bool Scope::canRead(std::string_view villageCode) const
{
    // County reference data carries the county code and is read by everyone below it.
    return startsWith(villageCode, code) || villageCode == countyCode();
}

bool Scope::admits(std::string_view entityName, std::string_view villageCode) const
{
    const EntityDef* entity = findEntity(entityName);
    if (!entity)
        return false;
    if (entity->scope == EntityScope::County) {
        // The city reads every county's reference data; everyone else their own county's.
        if (kind == Kind::City)
            return isCodeOf(DivisionLevel::County, villageCode) && startsWith(villageCode, code);
        return villageCode == countyCode();
    }
    return isCodeOf(DivisionLevel::Village, villageCode) && startsWith(villageCode, code);
}

bool Scope::mayWrite(const EntityDef& entity) const
{
    if (entity.scope == EntityScope::County)
        return kind == Kind::County;
    switch (kind) {
    case Kind::Village:
    case Kind::County:
        return true;
    case Kind::Township:
        return townshipHandles(entity.name);
    case Kind::City:
        return false;
    }
    return false;
}

bool Scope::canWrite(const EntityDef& entity, std::string_view villageCode) const
{
    if (!mayWrite(entity))
        return false;
    if (entity.scope == EntityScope::County)
        return villageCode == code;
    return isCodeOf(DivisionLevel::Village, villageCode) && startsWith(villageCode, code);
}

} // namespace shouwang
