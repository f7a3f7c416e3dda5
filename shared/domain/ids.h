#pragma once

#include <string>

namespace shouwang {

// A random (version 4) UUID for record, change and device ids: made on the device, so
// villages never need the server to create a record.
std::string newUuid();

} // namespace shouwang
