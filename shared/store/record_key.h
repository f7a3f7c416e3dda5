#pragma once

#include <array>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace shouwang {

// How an id is kept inside a database file: a canonical lower-case UUID, which is what
// every device makes (domain/ids.h), as its 16 bytes; any other id as its text. The change
// log has kept its ids so since schema version 6, every table since version 9 (issue 19):
// a visit's row and its indexes held its id and its elder's as 36 characters apiece.
// Statement::bind and Statement::text convert (database.h), so SQL compares keys with keys
// and callers see ids; only a list of ids (a RefList field) stays text, for SQL to search
// in. Ids stay UUID strings outside the file: on the wire and in exports.
//
// The two forms never meet: SQLite keeps a BLOB and a TEXT apart, so an id always finds
// its own row whichever form it has, and idOfKey gives back exactly the id that was keyed.
inline constexpr std::size_t kKeyLength = 16;

using KeyBytes = std::array<char, kKeyLength>;

// The 16 bytes of a canonical UUID; nothing for any other text.
std::optional<KeyBytes> keyBytesOf(std::string_view id);
bool isCanonicalUuid(std::string_view id);
// The 16 bytes of a canonical UUID, or the id itself.
std::string keyOfId(std::string_view id);
// The id of a stored key: `isBlob` when SQLite holds it as a BLOB (the 16-byte form).
std::string idOfKey(std::string_view key, bool isBlob);

} // namespace shouwang
