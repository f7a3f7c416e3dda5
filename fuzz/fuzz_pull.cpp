// POST /api/v1/sync/pull with outside bytes as the body, from an enrolled device, over a
// log that holds a few changes so cursors and limits select something.
#include "api_fixture.h"

#include "store/change_codec.h"

namespace {

void seedLog(shouwang::fuzz::Api& api)
{
    using namespace shouwang;
    wire::PushRequest push;
    push.set_protocol_version(protocol::kVersion);
    for (int i = 0; i < 5; ++i) {
        Change c;
        c.changeId = "seed-change-" + std::to_string(i);
        c.entity = "household";
        c.recordId = "seed-record-" + std::to_string(i);
        c.villageCode = fuzz::kVillage;
        c.hlc = Hlc{(static_cast<std::uint64_t>(api.now) << Hlc::kCounterBits) + static_cast<std::uint64_t>(i), api.deviceId};
        c.fields = {{"head_name", "户主", {}}, {"address", "一组", {}}};
        toWire(c, *push.add_changes());
    }
    api.post(protocol::kPushPath, push.SerializeAsString(), api.token);
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    auto& api = shouwang::fuzz::api();
    static const bool seeded = (seedLog(api), true);
    (void)seeded;
    std::string body(reinterpret_cast<const char*>(data), size);
    shouwang::fuzz::checkAnswer(api.post(shouwang::protocol::kPullPath, std::move(body), api.token));
    return 0;
}
