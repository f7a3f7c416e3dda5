#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace shouwang {

// How an id is kept inside the change log (issue 19, schema version 6): a canonical
// lower-case UUID, which is what every device makes (domain/ids.h), as its 16 bytes; any
// other id as its text. The log's change ids and record ids, each stored once in the table
// and once in an index, were 36 bytes of text apiece. The log's own form of a payload
// (log_form.h) and a record's clock (record_table.cpp) keep ids so too. Ids stay UUID
// strings everywhere else: on the wire, in exports, in the record tables' columns.
//
// The two forms never meet: SQLite keeps a BLOB and a TEXT apart, so an id always finds
// its own row whichever form it has, and idOfKey gives back exactly the id that was keyed.
inline constexpr std::size_t kKeyLength = 16;

bool isCanonicalUuid(std::string_view id);
// The 16 bytes of a canonical UUID, or the id itself.
std::string keyOfId(std::string_view id);
// The id of a stored key: `isBlob` when SQLite holds it as a BLOB (the 16-byte form).
std::string idOfKey(std::string_view key, bool isBlob);

} // namespace shouwang
