#pragma once

#include <string>

namespace shouwang {

// The text of schema_names.h, made from the schema description. A test compares it with
// the committed header, so the constants can never silently disagree with the schema.
std::string schemaNamesHeader();

} // namespace shouwang
