#include "local_device.h"

#include "store/delivery_state.h"
#include "store/ledger.h"

namespace shouwang {

DeviceContact localDeviceContact(Ledger& ledger, std::string scopeCode)
{
    DeviceContact device;
    device.id = ledger.deviceId();
    device.scopeCode = std::move(scopeCode);
    device.lastSeen = syncStatus(ledger.meta()).lastSuccess;
    return device;
}

} // namespace shouwang
