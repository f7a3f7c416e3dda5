#pragma once

#include "domain/change.h"

#include <string>
#include <vector>

namespace shouwang::bench {

// The same changes as a JSON API would send them (scenario 5's yardstick; the bench only):
// {"protocol_version":1,"changes":[{"change_id":..,"entity":..,"record_id":..,
//  "village_code":..,"hlc":{"time":..,"device":..},"operator_name":..,
//  "fields":[{"name":..,"value":..,"base":{..}}]}]}
std::string pushRequestJson(const std::vector<Change>& changes, std::size_t from, std::size_t to);

} // namespace shouwang::bench
