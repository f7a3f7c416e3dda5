// A bundle file from a USB stick: readBundleFile and peekBundleDevice on outside bytes.
#include "sync/bundle.h"

#include <cstdint>
#include <cstdlib>
#include <string>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const std::string_view bytes(reinterpret_cast<const char*>(data), size);
    // The key the seeds were made with, so well-formed inputs get past the mac.
    static const std::string key(64, 'a');
    shouwang::peekBundleDevice(bytes);
    std::string error;
    const auto bundle = shouwang::readBundleFile(bytes, key, error);
    if (!bundle && error.empty())
        std::abort(); // a refusal always says why
    return 0;
}
