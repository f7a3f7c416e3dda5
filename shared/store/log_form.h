#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace shouwang {

// The change log's own form of what it keeps of a change (its payload, change_codec.h).
// On the wire a field change names its field in full ("services_given") and a reference
// in 36 characters: in a visit that is more than half of its bytes. The log form writes
// a known field's name as its code (logFieldCode) and a value that is a canonical UUID as
// its 16 bytes; everything else is copied as it is. It begins with a zero byte, which no
// protobuf message can begin with (field number 0 is invalid), so a payload in either form
// reads back unambiguously, and rows logged before the form existed are read as they are.
//
// toLogForm gives back the payload itself when it cannot be written so exactly: it is only
// used when fromLogForm(toLogForm(p)) == p, so the log always gives back the bytes it took.
std::string toLogForm(std::string_view payload);
// The payload as it was given to toLogForm; nullopt when `stored` is in the log form but
// damaged (a code this build does not know, a cut-off field).
std::optional<std::string> fromLogForm(std::string_view stored);

// The code of a field name in the log form (0: none). Codes are the names of the schema in
// the order they were added: by the schema version that brought them (the entity's or the
// field's, the later), then entity and field order. A code, once written, is never moved:
// new fields come with a new schema version, so their names only ever get new codes.
std::uint64_t logFieldCode(std::string_view name);
// The name of a code ("" when there is none).
std::string_view logFieldName(std::uint64_t code);

} // namespace shouwang
