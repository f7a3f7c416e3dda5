#pragma once

#include "record.h"
#include "schema.h"

#include <string>
#include <vector>

namespace shouwang {

// A value refused at one field, with a message in Chinese that the user can act on.
struct FieldError {
    std::string field;
    std::string message;
};

// Checks every field of a record against its definition: required fields, types, enum
// codes, dates, ID numbers, phone numbers, lengths and control characters.
std::vector<FieldError> validateRecord(const EntityDef& entity, const Record& record);
// Checks one value; empty string when it is acceptable.
std::string validateValue(const FieldDef& field, std::string_view value);

// Checks the name of the person who made a change: plain text on one line, no control or
// escape characters (it is shown in the conflict queue and printed on the admin's terminal),
// at most kMaxOperatorNameBytes. Empty string when it is acceptable.
std::string validateOperatorName(std::string_view name);
inline constexpr std::size_t kMaxOperatorNameBytes = 96; // = protocol::kMaxOperatorNameBytes

// Longest value the ledger accepts in one field, in bytes.
inline constexpr std::size_t kMaxTextBytes = 4000;

} // namespace shouwang
