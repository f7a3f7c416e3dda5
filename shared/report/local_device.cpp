#include "local_device.h"

#include "store/delivery_state.h"
#include "store/ledger.h"

namespace shouwang {

DeviceContact localDeviceContact(Ledger& ledger)
{
    DeviceContact device;
    device.id = ledger.deviceId();
    const std::string scope = ledger.meta().value(meta::kScope); // "village:500154001200"
    const auto colon = scope.find(':');
    device.scopeCode = colon == std::string::npos ? scope : scope.substr(colon + 1);
    device.lastSeen = syncStatus(ledger.meta()).lastSuccess;
    return device;
}

} // namespace shouwang
