// POST /api/v1/sync/push with outside bytes as the body, from an enrolled device; the
// first byte says whether the body claims to be gzip.
#include "api_fixture.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    if (size == 0)
        return 0;
    auto& api = shouwang::fuzz::api();
    const bool gzip = data[0] & 1;
    std::string body(reinterpret_cast<const char*>(data) + 1, size - 1);
    shouwang::fuzz::checkAnswer(api.post(shouwang::protocol::kPushPath, std::move(body), api.token, gzip));
    return 0;
}
