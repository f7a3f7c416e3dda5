#pragma once

#include "domain/change.h"

#include <string>
#include <string_view>
#include <vector>

namespace shouwang::bench {

// `s` as a JSON string: quotes, backslashes and control characters escaped, UTF-8 as is.
void appendJsonString(std::string& out, std::string_view s);
// `"name":"value"` onto an object being written, after a comma unless it has just opened.
void appendJsonMember(std::string& out, std::string_view name, std::string_view value);

// The same changes as a JSON API would send them (scenario 5's yardstick; the bench only):
// {"protocol_version":1,"changes":[{"change_id":..,"entity":..,"record_id":..,
//  "village_code":..,"hlc":{"time":..,"device":..},"operator_name":..,
//  "fields":[{"name":..,"value":..,"base":{..}}]}]}
std::string pushRequestJson(const std::vector<Change>& changes, std::size_t from, std::size_t to);

} // namespace shouwang::bench
