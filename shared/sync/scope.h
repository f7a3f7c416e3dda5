#pragma once

#include "domain/schema.h"
#include "domain/change.h"

#include <optional>
#include <string>
#include <string_view>

namespace shouwang {

// What a device may read and write (DESIGN.md §4), written "village:500154101001",
// "township:500154101" or "county:500154". Enforced by the server on every change and
// every pull; the client uses the same rules to keep out of trouble.
struct Scope {
    enum class Kind { Village, Township, County };

    Kind kind = Kind::Village;
    std::string code; // 12, 9 or 6 digits

    static std::optional<Scope> parse(std::string_view text);
    std::string toString() const;
    std::string countyCode() const { return code.substr(0, 6); }
    std::string_view kindName() const;

    // Records of this village or county-code are visible to the scope.
    bool canRead(std::string_view villageCode) const;
    // A change to `entity` in `villageCode` may be made by a device of this scope:
    // villages keep their own records; townships handle their villages' incident reports;
    // the county publishes reference data and may correct anything in the county.
    bool canWrite(const EntityDef& entity, std::string_view villageCode) const;
    // A change pulled from the server belongs in a ledger of this scope: a known entity,
    // filed where that entity lives (a village's 12-digit code, or the county's own code
    // for reference data) and readable by the scope. Anything else is not the server's to
    // send this device, whoever put it on the wire, and is not to be applied.
    bool admitsPulled(const Change& change) const;

    friend bool operator==(const Scope&, const Scope&) = default;
};

} // namespace shouwang
