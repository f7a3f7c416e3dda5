// gzip request and answer bodies: decompress outside bytes under a small limit, and check
// that what inflates is what compress would round-trip.
#include "sync/gzip.h"

#include <cstdint>
#include <cstdlib>
#include <string>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const std::string_view bytes(reinterpret_cast<const char*>(data), size);
    bool tooLarge = false;
    if (auto inflated = shouwang::gzip::decompress(bytes, 1 << 20, &tooLarge)) {
        if (inflated->size() > (1 << 20))
            std::abort();
    }
    if (shouwang::gzip::decompress(shouwang::gzip::compress(bytes), 1 << 20) != std::string(bytes))
        std::abort();
    return 0;
}
