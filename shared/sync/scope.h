#pragma once

#include "domain/change.h"
#include "domain/divisions.h"
#include "domain/schema.h"

#include <optional>
#include <string>
#include <string_view>

namespace shouwang {

// What a device may read and write (DESIGN.md §4), written "village:500154101001",
// "township:500154101", "county:500154" or "city:50". Enforced by the server on every
// change and every pull; the client uses the same rules to keep out of trouble. The city
// (the municipal bureau, on the city's database) reads every county and writes nothing:
// each county keeps its own ledger and reference data.
struct Scope {
    enum class Kind { Village, Township, County, City };

    Kind kind = Kind::Village;
    std::string code; // a village's, township's or county's code (domain/divisions.h), or kCityCode

    static std::optional<Scope> parse(std::string_view text);
    // The scope that keeps the unit with this code, its kind from the code's length; nullopt
    // for a code of no level's length or not all digits.
    static std::optional<Scope> forCode(std::string_view code);
    std::string toString() const;
    // The county the scope lies in; the city's own code for the city.
    std::string countyCode() const { return std::string(enclosingCode(code, DivisionLevel::County)); }
    std::string_view kindName() const;
    // Whether `other` lies inside this scope (or is it).
    bool contains(const Scope& other) const;

    // Records of this village or county-code are visible to the scope.
    bool canRead(std::string_view villageCode) const;
    // Whether a device of this scope adds and changes records of `entity` at all (wherever
    // they are filed): villages keep their own records, townships handle incident reports,
    // the county publishes reference data and may correct anything. The client shows the
    // rest read-only; canWrite() adds where the record is filed.
    bool mayWrite(const EntityDef& entity) const;
    // A change to `entity` in `villageCode` may be made by a device of this scope:
    // villages keep their own records; townships handle their villages' incident reports;
    // the county publishes reference data and may correct anything in the county.
    bool canWrite(const EntityDef& entity, std::string_view villageCode) const;
    // A change pulled from the server belongs in a ledger of this scope: a known entity,
    // filed where that entity lives (a village's 12-digit code, or the county's own code
    // for reference data) and readable by the scope. Anything else is not the server's to
    // send this device, whoever put it on the wire, and is not to be applied.
    bool admitsPulled(const Change& change) const { return admits(change.entity, change.villageCode); }
    // The same for a record of `entity` filed under `villageCode` (a snapshot's).
    bool admits(std::string_view entity, std::string_view villageCode) const;

    friend bool operator==(const Scope&, const Scope&) = default;
};

} // namespace shouwang
