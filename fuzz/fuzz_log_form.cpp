// The change log's own form (store/log_form.h): any bytes a damaged file could hold are
// read without harm, and every payload the log takes comes back exactly as it was given.
#include "store/log_form.h"

#include <cstdint>
#include <cstdlib>
#include <string>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const std::string_view bytes(reinterpret_cast<const char*>(data), size);
    (void)shouwang::fromLogForm(bytes); // as read from a damaged row
    // What the log is given is a change's bytes, which never begin with a zero byte (no
    // protobuf field has number 0); those must come back as they went in.
    if (!bytes.empty() && bytes.front() != '\0' && shouwang::fromLogForm(shouwang::toLogForm(bytes)) != bytes)
        std::abort();
    return 0;
}
