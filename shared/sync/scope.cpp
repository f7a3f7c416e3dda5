#include "scope.h"

#include "domain/workflow.h"

#include <algorithm>

namespace shouwang {
namespace {

bool isDigits(std::string_view s, std::size_t length)
{
    return s.size() == length && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
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
    Scope scope;
    scope.code = std::string(code);
    if (kind == "village" && isDigits(code, 12))
        scope.kind = Kind::Village;
    else if (kind == "township" && isDigits(code, 9))
        scope.kind = Kind::Township;
    else if (kind == "county" && isDigits(code, 6))
        scope.kind = Kind::County;
    else
        return std::nullopt;
    return scope;
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
    }
    return "village";
}

std::string Scope::toString() const
{
    return std::string(kindName()) + ":" + code;
}

bool Scope::canRead(std::string_view villageCode) const
{
    // County reference data carries the county code and is read by everyone below it.
    return startsWith(villageCode, code) || villageCode == countyCode();
}

bool Scope::admitsPulled(const Change& change) const
{
    const EntityDef* entity = findEntity(change.entity);
    if (!entity)
        return false;
    if (entity->scope == EntityScope::County)
        return change.villageCode == countyCode();
    return isDigits(change.villageCode, 12) && startsWith(change.villageCode, code);
}

bool Scope::canWrite(const EntityDef& entity, std::string_view villageCode) const
{
    if (entity.scope == EntityScope::County)
        return kind == Kind::County && villageCode == code;
    if (!isDigits(villageCode, 12) || !startsWith(villageCode, code))
        return false;
    switch (kind) {
    case Kind::Village:
    case Kind::County:
        return true;
    case Kind::Township:
        return townshipHandles(entity.name);
    }
    return false;
}

} // namespace shouwang
