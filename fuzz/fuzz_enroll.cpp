// POST /api/v1/enroll with outside bytes as the body (no token: anyone may try).
#include "api_fixture.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    auto& api = shouwang::fuzz::api();
    std::string body(reinterpret_cast<const char*>(data), size);
    shouwang::fuzz::checkAnswer(api.post(shouwang::protocol::kEnrollPath, std::move(body), {}));
    return 0;
}
