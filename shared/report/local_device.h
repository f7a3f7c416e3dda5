#pragma once

#include "supervision.h"

#include <string>

namespace shouwang {

class Ledger;

// This device as the data section (数据同步) counts it. A village laptop has no table of
// devices (that is the server's), so its own scope and its last successful sync stand in:
// the workbook it exports then shows the same 最近同步 as its home page. `scopeCode`: the
// code of the scope the ledger keeps (the caller reads it with sync/scope.h).
DeviceContact localDeviceContact(Ledger& ledger, std::string scopeCode);

} // namespace shouwang
